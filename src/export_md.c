/*
 * export_md — the Markdown of an export (docs/export.md): YAML front
 * matter, a heading per document (or per tag), each highlight's quote as a
 * block quote escaped so that a CommonMark parser gives back exactly the
 * document text, its location, status, note, tags and the endnotes it
 * cites as footnotes.
 */
#include "gloss/gloss.h"

#include "export_int.h"
#include "gloss/json.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

/* ASCII characters that are escaped with a backslash wherever they appear. */
#define MD_ALWAYS "\\`*_[]<>&#|~$"

/* ------------------------------------------------------------------ */
/* Escaping */

static size_t
decode(const char *s, size_t n, size_t i, uint32_t *cp)
{
	*cp = (unsigned char)s[i];
	return *cp < 0x80 ? 1 : (size_t)text_decode(s + i, n - i, cp);
}

/* Characters written as numeric references: controls, bidi controls, separators. */
static bool
as_reference(uint32_t cp)
{
	return (cp < 0x20 && cp != '\n') || (cp >= 0x7F && cp <= 0x9F) || cp == 0x200E ||
	    cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF;
}

/* True if s[0..n) at a line start would open a list item ("1." "12)"). */
static size_t
ordered_marker(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && i < 10 && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > 0 && i < 10 && i < n && (s[i] == '.' || s[i] == ')') ? i : 0;
}

/*
 * Appends one line of text (no "\n" inside) escaped for a paragraph:
 * spaces and tabs at either end as references (a parser would strip
 * them), block markers at the start escaped, inline markup everywhere.
 */
static void
md_line(struct strbuf *out, const char *s, size_t n)
{
	size_t lead = 0, trail = n, num = ordered_marker(s, n);

	while (lead < n && (s[lead] == ' ' || s[lead] == '\t'))
		lead++;
	while (trail > lead && (s[trail - 1] == ' ' || s[trail - 1] == '\t'))
		trail--;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = decode(s, n, i, &cp);

		if (i < lead || i >= trail || as_reference(cp))
			strbuf_addf(out, "&#%u;", (unsigned)cp);
		else if (cp < 0x80 && strchr(MD_ALWAYS, (int)cp))
			strbuf_addf(out, "\\%c", (char)cp);
		else if (i == lead && (cp == '-' || cp == '+' || cp == '='))
			strbuf_addf(out, "\\%c", (char)cp);
		else if (num && i == lead + num)
			strbuf_addf(out, "\\%c", (char)cp);
		else if ((cp == '=' || cp == '%') && i + 1 < n && s[i + 1] == (char)cp)
			strbuf_addf(out, "\\%c", (char)cp);	/* Obsidian's ==mark== and %%comment%% */
		else
			strbuf_add(out, s + i, len);
		i += len;
	}
}

/* Inline text on one line (titles, headings): line breaks become spaces. */
static void
md_inline(struct strbuf *out, const char *s)
{
	size_t n = strlen(s), i = 0;

	while (i < n) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t z = nl ? (size_t)(nl - s) : n;

		md_line(out, s + i, z - i);
		if (nl)
			strbuf_addc(out, ' ');
		i = z + (nl != NULL);
	}
}

/*
 * A quote as a block quote.  The mapping (docs/export.md): the quote is
 * cut at each "\n\n" into paragraphs, one block-quote paragraph each; a
 * single "\n" inside becomes a hard line break ("\" at the end of the
 * line), newlines beyond the two of a paragraph break become hard breaks
 * at the start of the next paragraph, and newlines at the very end become
 * the reference &#10;.  A parser's paragraphs joined by "\n\n", with each
 * hard break read as "\n", give back the quote.
 */
static void
md_quote(struct strbuf *out, const char *q)
{
	size_t n = strlen(q), end = n, i = 0;

	while (end > 0 && q[end - 1] == '\n')
		end--;
	strbuf_adds(out, "> ");
	for (; i < end && q[i] == '\n'; i++)
		strbuf_adds(out, "\\\n> ");
	while (i < end) {
		const char *nl = memchr(q + i, '\n', end - i);
		size_t z = nl ? (size_t)(nl - q) : end, k = 0;

		md_line(out, q + i, z - i);
		if (nl == NULL)
			break;
		while (z + k < end && q[z + k] == '\n')
			k++;
		strbuf_adds(out, k == 1 ? "\\\n> " : "\n>\n> ");
		for (size_t extra = 2; extra < k; extra++)
			strbuf_adds(out, "\\\n> ");
		i = z + k;
	}
	for (size_t k = end; k < n; k++)
		strbuf_adds(out, "&#10;");
	strbuf_addc(out, '\n');
}

/* ------------------------------------------------------------------ */
/* Tags */

static bool
tag_char(uint32_t cp)
{
	return cp == '_' || cp == '-' || cp == '/' || cp >= 0x80 || (cp >= '0' && cp <= '9') ||
	    (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

/*
 * A tag as an Obsidian hashtag: characters a hashtag cannot hold
 * (spaces, punctuation) become "_", and an all-digit tag gets a leading
 * "_" (Obsidian needs a non-digit).
 */
static void
md_tag(struct strbuf *out, const char *t)
{
	size_t n = strlen(t), i = 0;
	bool digits = true;

	for (size_t k = 0; k < n; k++)
		digits = digits && t[k] >= '0' && t[k] <= '9';
	strbuf_addc(out, '#');
	if (digits)
		strbuf_addc(out, '_');
	while (i < n) {
		uint32_t cp;
		size_t len = decode(t, n, i, &cp);
		bool space = cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x3000;

		if (!tag_char(cp) || space || as_reference(cp))
			strbuf_addc(out, '_');
		else
			strbuf_add(out, t + i, len);
		i += len;
	}
}

/* ------------------------------------------------------------------ */
/* Front matter */

static void
yaml_field(struct strbuf *out, const char *key, const char *value)
{
	if (value == NULL)
		return;
	strbuf_addf(out, "%s: ", key);
	json_string(out, value);
	strbuf_addc(out, '\n');
}

static void
front_matter(const struct export_set *set, struct strbuf *out)
{
	const struct export_doc *d = set->ndocs == 1 ? &set->docs[0] : NULL;

	strbuf_adds(out, "---\n");
	yaml_field(out, "title", d ? d->meta.title : "Annotations");
	if (d) {
		yaml_field(out, "author", d->meta.author);
		yaml_field(out, "date", d->meta.date);
		yaml_field(out, "source", d->path);
	} else {
		strbuf_adds(out, set->ndocs ? "sources:\n" : "sources: []\n");
		for (size_t i = 0; i < set->ndocs; i++) {
			strbuf_adds(out, "  - ");
			json_string(out, set->docs[i].path ? set->docs[i].path : "");
			strbuf_addc(out, '\n');
		}
	}
	if (set->now != EXPORT_NO_TIME) {
		strbuf_adds(out, "exported: \"");
		export_time(out, set->now);
		strbuf_adds(out, "\"\n");
	}
	strbuf_adds(out, set->ntags ? "tags:\n" : "tags: []\n");
	for (size_t i = 0; i < set->ntags; i++) {
		strbuf_adds(out, "  - ");
		json_string(out, set->tags[i]);
		strbuf_addc(out, '\n');
	}
	strbuf_adds(out, "---\n");
}

/* ------------------------------------------------------------------ */
/* Body */

/* The label of endnote k of d as a footnote label: "<doc>-<marker>". */
static void
note_label(struct strbuf *out, size_t doc, const struct export_doc *d, size_t k)
{
	strbuf_addf(out, "[^%zu-", doc + 1);
	for (const char *p = d->notes[k].label; *p; p++)
		strbuf_addc(out, (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') ? *p : '_');
	strbuf_addc(out, ']');
}

static void
location(struct strbuf *out, size_t doc, const struct export_doc *d, const struct export_hl *h)
{
	bool any = false;

	if (h->located && h->heading) {
		strbuf_addc(out, '*');
		md_inline(out, h->heading);
		strbuf_addc(out, '*');
		any = true;
	}
	if (h->located && h->paragraph) {
		strbuf_addf(out, "%sparagraph %u", any ? " · " : "", h->paragraph);
		any = true;
	}
	if (h->located) {
		strbuf_addf(out, "%s%u%%", any ? " · " : "", h->percent);
		any = true;
	}
	if (h->a.status != ANCHOR_ANCHORED) {
		strbuf_addf(out, "%s**%s**", any ? " · " : "", anchor_status_name(h->a.status));
		any = true;
	}
	for (size_t k = 0; k < h->nnotes; k++) {
		strbuf_adds(out, any || k ? " " : "");
		note_label(out, doc, d, h->notes[k]);
		any = true;
	}
	if (any)
		strbuf_adds(out, "\n");
}

/* Appends the note with its control characters as references. */
static void
md_note(struct strbuf *out, const char *note)
{
	size_t n = strlen(note), i = 0;

	while (i < n) {
		uint32_t cp;
		size_t len = decode(note, n, i, &cp);

		if (as_reference(cp) && cp != '\t')
			strbuf_addf(out, "&#%u;", (unsigned)cp);
		else
			strbuf_add(out, note + i, len);
		i += len;
	}
	while (out->len > 0 && out->buf[out->len - 1] == '\n')
		strbuf_truncate(out, out->len - 1);
	strbuf_addc(out, '\n');
}

static void
highlight(struct strbuf *out, size_t doc, const struct export_doc *d, const struct export_hl *h)
{
	strbuf_addc(out, '\n');
	md_quote(out, h->a.quote);
	strbuf_addc(out, '\n');
	location(out, doc, d, h);
	if (h->a.note && h->a.note[0]) {
		strbuf_addc(out, '\n');
		md_note(out, h->a.note);
	}
	if (h->a.ntags) {
		strbuf_addc(out, '\n');
		for (size_t k = 0; k < h->a.ntags; k++) {
			if (k)
				strbuf_addc(out, ' ');
			md_tag(out, h->a.tags[k]);
		}
		strbuf_addc(out, '\n');
	}
}

static void
doc_heading(struct strbuf *out, const char *hashes, const struct export_doc *d)
{
	strbuf_addf(out, "\n%s ", hashes);
	md_inline(out, d->meta.title);
	strbuf_addc(out, '\n');
	if (d->meta.author || d->meta.date || d->path) {
		strbuf_addc(out, '\n');
		if (d->meta.author) {
			md_inline(out, d->meta.author);
			strbuf_adds(out, d->meta.date || d->path ? " · " : "");
		}
		if (d->meta.date) {
			md_inline(out, d->meta.date);
			strbuf_adds(out, d->path ? " · " : "");
		}
		if (d->path) {
			strbuf_adds(out, "Source: ");
			md_inline(out, d->path);
		}
		strbuf_addc(out, '\n');
	}
}

/* The footnote definitions of the endnotes d's exported highlights cite. */
static void
footnotes(struct strbuf *out, size_t doc, const struct export_doc *d, bool *used)
{
	bool any = false;

	for (size_t k = 0; k < d->nnotes; k++) {
		if (!used[k])
			continue;
		strbuf_adds(out, any ? "" : "\n");
		note_label(out, doc, d, k);
		strbuf_adds(out, ": ");
		md_inline(out, d->notes[k].text);
		strbuf_addc(out, '\n');
		any = true;
	}
}

/* Document d, or only its highlights tagged tag (by fold-insensitive spelling) if tag. */
static void
document(struct strbuf *out, const char *hashes, size_t doc, const struct export_doc *d,
    const char *tag)
{
	bool *used = xcalloc(d->nnotes + 1, sizeof *used);

	doc_heading(out, hashes, d);
	for (size_t i = 0; i < d->n; i++) {
		const struct export_hl *h = &d->hl[i];
		bool in = tag == NULL;

		for (size_t k = 0; k < h->a.ntags && !in; k++)
			in = strcmp(h->a.tags[k], tag) == 0;
		if (tag && tag[0] == '\0')
			in = h->a.ntags == 0;
		if (!in)
			continue;
		highlight(out, doc, d, h);
		for (size_t k = 0; k < h->nnotes; k++)
			used[h->notes[k]] = true;
	}
	footnotes(out, doc, d, used);
	free(used);
}

static bool
doc_has_tag(const struct export_doc *d, const char *tag)
{
	for (size_t i = 0; i < d->n; i++) {
		if (tag[0] == '\0' && d->hl[i].a.ntags == 0)
			return true;
		for (size_t k = 0; k < d->hl[i].a.ntags; k++)
			if (strcmp(d->hl[i].a.tags[k], tag) == 0)
				return true;
	}
	return false;
}

static void
by_tag(const struct export_set *set, struct strbuf *out)
{
	bool untagged = false;

	for (size_t i = 0; i < set->ndocs; i++)
		untagged = untagged || doc_has_tag(&set->docs[i], "");
	for (size_t t = 0; t <= set->ntags; t++) {
		const char *tag = t < set->ntags ? set->tags[t] : "";

		if (t == set->ntags && !untagged)
			break;
		strbuf_adds(out, "\n# ");
		if (tag[0])
			md_tag(out, tag);
		else
			strbuf_adds(out, "Untagged");
		strbuf_addc(out, '\n');
		for (size_t i = 0; i < set->ndocs; i++)
			if (doc_has_tag(&set->docs[i], tag))
				document(out, "##", i, &set->docs[i], tag);
	}
}

void
export_md(const struct export_set *set, struct strbuf *out)
{
	front_matter(set, out);
	if (set->by == EXPORT_BY_TAG) {
		by_tag(set, out);
		return;
	}
	for (size_t i = 0; i < set->ndocs; i++)
		document(out, "#", i, &set->docs[i], NULL);
}

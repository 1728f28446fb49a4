/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * export_md — the Markdown of an export (docs/export.md): YAML front
 * matter, a heading per document (or per tag), each highlight's quote as a
 * block quote escaped so that a CommonMark parser gives back exactly the
 * document text, its location, status, note, tags and the endnotes it
 * cites as footnotes.
 */
#include "gloss/gloss.h"

#include <time.h>
#include <unictype.h>

#include "export_int.h"
#include "gloss/json.h"
#include "gloss/locator.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

/*
 * ASCII characters escaped with a backslash wherever they appear: CommonMark's
 * markup, pandoc's (smart quotes ' ", superscript ^, subscript ~, citations
 * @, attributes { }, math $) and Obsidian's (#tag, [[link]], ^block-id).
 */
#define MD_ALWAYS "\\`*_[]<>&#|~$\"'^@{}"

/* ------------------------------------------------------------------ */
/* Escaping */

static size_t
decode(const char *s, size_t n, size_t i, uint32_t *cp)
{
	*cp = (unsigned char)s[i];
	return *cp < 0x80 ? 1 : (size_t)text_decode(s + i, n - i, cp);
}

/* Characters written as numeric references: controls, bidi controls, separators (text.h). */
static bool
as_reference(uint32_t cp)
{
	return cp != '\n' && text_export_escaped(cp);
}

static bool
is_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * The offset of the '.' or ')' of a list marker at the start of s[0..n)
 * (after the leading white space lead): "1." "12)" (CommonMark), "a." "iv."
 * "B)" (pandoc's fancy lists, followed by a space or the end), or 0.
 */
static size_t
list_marker_at(const char *s, size_t n, size_t lead)
{
	size_t i = lead;
	bool digits = true, roman = true;

	while (i < n && i - lead < 10 && is_alnum(s[i])) {
		digits = digits && s[i] >= '0' && s[i] <= '9';
		roman = roman && strchr("ivxlcdmIVXLCDM", s[i]);
		i++;
	}
	if (i == lead || i >= n || (s[i] != '.' && s[i] != ')'))
		return 0;
	if (!digits && ((i + 1 < n && s[i + 1] != ' ' && s[i + 1] != '\t') || (i - lead > 1 && !roman)))
		return 0;	/* a letter or a roman numeral, then a space: pandoc's fancy lists */
	return i;
}

/* Does s[i] start an emoji short code (":smile:") or a URL's "://"? */
static bool
colon_opens(const char *s, size_t n, size_t i)
{
	size_t k = i + 1;

	if (k + 1 < n && s[k] == '/' && s[k + 1] == '/')
		return true;
	while (k < n && (is_alnum(s[k]) || s[k] == '_' || s[k] == '+' || s[k] == '-'))
		k++;
	return k > i + 1 && k < n && s[k] == ':';
}

/* Is the ASCII character at s[i] one that must be escaped here (pandoc's smart punctuation, www.)? */
static bool
escape_here(const char *s, size_t n, size_t i, size_t lead, size_t marker)
{
	char c = s[i];

	if (strchr(MD_ALWAYS, c))
		return true;
	if (i == lead && (c == '-' || c == '+' || c == '=' || c == ':' || c == '('))
		return true;	/* list items, setext lines, definitions, (1) lists */
	if (marker && i == marker)
		return true;
	if ((c == '-' && ((i + 1 < n && s[i + 1] == '-') || (i > 0 && s[i - 1] == '-'))) ||
	    (c == '.' && i + 1 < n && s[i + 1] == '.'))
		return true;	/* -- --- ... */
	if ((c == '=' || c == '%') && i + 1 < n && s[i + 1] == c)
		return true;	/* Obsidian's ==mark== and %%comment%% */
	if (c == ':' && colon_opens(s, n, i))
		return true;
	return c == '.' && i >= 3 && strncmp(s + i - 3, "www", 3) == 0 && (i == 3 || !is_alnum(s[i - 4]));
}

/*
 * Appends one line of text (no "\n" inside), escaped so that CommonMark,
 * GFM, pandoc's Markdown and Obsidian all read it back as this text.
 * MD_EXACT: the spaces too (a quote): spaces and tabs at either end and
 * runs of two or more as references, which parsers keep; else (a note)
 * they stay literal.  MD_LINE_START: s begins a line (list markers and the
 * like are escaped).
 */
#define MD_EXACT	0x01
#define MD_LINE_START	0x02

static void
md_escape(struct strbuf *out, const char *s, size_t n, unsigned flags)
{
	size_t lead = 0, trail = n, start, marker;

	while (lead < n && (s[lead] == ' ' || s[lead] == '\t'))
		lead++;
	while (trail > lead && (s[trail - 1] == ' ' || s[trail - 1] == '\t'))
		trail--;
	start = flags & MD_LINE_START ? lead : SIZE_MAX;	/* where line-start markup would be */
	marker = start != SIZE_MAX ? list_marker_at(s, n, start) : 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = decode(s, n, i, &cp);
		bool space = cp == ' ' || cp == '\t';
		bool run = space && ((i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '\t')) ||
		    (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t')));

		if (as_reference(cp) || ((flags & MD_EXACT) && space && (i < lead || i >= trail || run ||
		    cp == '\t')))
			strbuf_addf(out, "&#%u;", (unsigned)cp);
		else if (cp < 0x80 && escape_here(s, n, i, start, marker))
			strbuf_addf(out, "\\%c", (char)cp);
		else if (cp == 0xFFFD)
			strbuf_addcp(out, cp);	/* also for invalid bytes (a file name's) */
		else
			strbuf_add(out, s + i, len);
		i += len;
	}
}

static void
md_line(struct strbuf *out, const char *s, size_t n)
{
	md_escape(out, s, n, MD_EXACT | MD_LINE_START);
}

void
export_md_text(struct strbuf *out, const char *s, size_t n, bool line_start)
{
	md_escape(out, s, n, line_start ? MD_LINE_START : 0);
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

/* A character an Obsidian tag may hold: a letter, a mark, a digit, an emoji, _ - /. */
static bool
tag_char(uint32_t cp)
{
	if (cp < 0x80)
		return is_alnum((char)cp) || cp == '_' || cp == '-' || cp == '/';
	return uc_is_general_category(cp, UC_CATEGORY_L) || uc_is_general_category(cp, UC_CATEGORY_M) ||
	    uc_is_general_category(cp, UC_CATEGORY_N) || uc_is_general_category(cp, UC_CATEGORY_So);
}

static bool
word_char(uint32_t cp)
{
	return cp != '_' && cp != '-' && cp != '/' && tag_char(cp) &&
	    (cp < 0x80 || !uc_is_general_category(cp, UC_CATEGORY_So));
}

/*
 * A tag in its one Obsidian form, for the front matter and inline alike
 * (docs/export.md): a leading '#' dropped; every run of underscores and of
 * characters a tag cannot hold (spaces, punctuation) becomes one "_"
 * between two letters or digits and nothing elsewhere; "/" only between two parts; "_" before a
 * tag of digits only (Obsidian needs a non-digit).  So an "_" stands only
 * between two word characters or before a digit, where no Markdown reader
 * takes it for emphasis.
 */
void
export_tag_form(struct strbuf *out, const char *t)
{
	size_t n = strlen(t), i = 0, start = out->len;
	uint32_t prev = 0;
	bool gap = false, digits = true;

	while (i < n && t[i] == '#')
		i++;
	while (i < n) {
		uint32_t cp;
		size_t len = decode(t, n, i, &cp);

		i += len;
		if (!tag_char(cp) || cp == '_' || (cp == '/' && (prev == 0 || prev == '/'))) {
			gap = prev != 0;
			continue;
		}
		if (gap && word_char(prev) && word_char(cp))
			strbuf_addc(out, '_');
		gap = false;
		strbuf_addcp(out, cp);	/* U+FFFD for invalid bytes */
		digits = digits && cp >= '0' && cp <= '9';
		prev = cp;
	}
	while (out->len > start && out->buf[out->len - 1] == '/')
		strbuf_truncate(out, out->len - 1);
	if (out->len == start || digits) {
		char *body = xstrdup(out->buf + start);

		strbuf_truncate(out, start);
		strbuf_addf(out, "_%s", body);
		free(body);
	}
}

static void
md_tag(struct strbuf *out, const char *t)
{
	strbuf_addc(out, '#');
	export_tag_form(out, t);
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

/* The tags in their Obsidian form, each once (two spellings may have one form). */
static void
front_tags(const struct export_set *set, struct strbuf *out)
{
	char **forms = xcalloc(set->ntags + 1, sizeof *forms);
	size_t n = 0;

	for (size_t i = 0; i < set->ntags; i++) {
		struct strbuf f = STRBUF_INIT;
		bool seen = false;

		export_tag_form(&f, set->tags[i]);
		for (size_t k = 0; k < n && !seen; k++)
			seen = strcmp(forms[k], strbuf_str(&f)) == 0;
		if (seen)
			strbuf_done(&f);
		else
			forms[n++] = strbuf_detach(&f, NULL);
	}
	strbuf_adds(out, n ? "tags:\n" : "tags: []\n");
	for (size_t k = 0; k < n; k++) {
		strbuf_addf(out, "  - \"%s\"\n", forms[k]);
		free(forms[k]);
	}
	free(forms);
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
		strbuf_add_utc(out, set->now);
		strbuf_adds(out, "\"\n");
	}
	front_tags(set, out);
	strbuf_adds(out, "---\n");
}

/* ------------------------------------------------------------------ */
/* Body */

/*
 * The label of endnote k of d as a footnote label: "<document id>-<marker>",
 * the same whatever else the export holds.
 */
static void
note_label(struct strbuf *out, const struct export_doc *d, size_t k)
{
	strbuf_addf(out, "[^%lld-", (long long)d->id);
	for (const char *p = d->notes[k].label; *p; p++)
		strbuf_addc(out, is_alnum(*p) ? *p : '_');
	strbuf_addc(out, ']');
}

static void
part(struct strbuf *out, bool *any)
{
	if (*any)
		strbuf_adds(out, " · ");
	*any = true;
}

/* The place line: section, paragraph and percentage, date, status, the endnotes cited, the tags. */
static void
location(struct strbuf *out, const struct export_doc *d, const struct export_hl *h)
{
	bool any = false;
	char date[16];
	time_t t = (time_t)h->a.created;
	struct tm tm;

	if (h->located) {	/* the place, as the locator writes it */
		part(out, &any);
		if (h->heading) {
			strbuf_addc(out, '*');
			md_inline(out, h->heading);
			strbuf_adds(out, "*, ");
		}
		locator_append(out, h->paragraph, h->percent);
	}
	gmtime_r(&t, &tm);
	strftime(date, sizeof date, "%Y-%m-%d", &tm);
	part(out, &any);
	strbuf_adds(out, date);
	if (h->a.status != ANCHOR_ANCHORED) {
		part(out, &any);
		strbuf_addf(out, "**%s**", anchor_status_name(h->a.status));
	}
	for (size_t k = 0; k < h->nnotes; k++) {
		strbuf_addc(out, ' ');
		note_label(out, d, h->notes[k]);
	}
	for (size_t k = 0; k < h->a.ntags; k++) {
		if (k == 0)
			part(out, &any);
		else
			strbuf_addc(out, ' ');
		md_tag(out, h->a.tags[k]);
	}
	strbuf_addc(out, '\n');
}

/*
 * One highlight: the quote, its block id for links from a vault
 * ([[notes#^gloss-17]]), the place line and the note.
 */
static void
highlight(struct strbuf *out, const struct export_doc *d, const struct export_hl *h)
{
	strbuf_addc(out, '\n');
	md_quote(out, h->a.quote);
	strbuf_addf(out, "\n^gloss-%lld\n\n", (long long)h->a.id);
	location(out, d, h);
	if (h->a.note && h->a.note[0]) {
		strbuf_addc(out, '\n');
		export_md_note(out, h->a.note);
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
footnotes(struct strbuf *out, const struct export_doc *d, bool *used)
{
	bool any = false;

	for (size_t k = 0; k < d->nnotes; k++) {
		if (!used[k])
			continue;
		strbuf_adds(out, any ? "" : "\n");
		note_label(out, d, k);
		strbuf_adds(out, ": ");
		md_inline(out, d->notes[k].text);
		strbuf_addc(out, '\n');
		any = true;
	}
}

/* Document d, or only its highlights tagged tag (by fold-insensitive spelling) if tag. */
static void
document(struct strbuf *out, const char *hashes, const struct export_doc *d,
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
		highlight(out, d, h);
		for (size_t k = 0; k < h->nnotes; k++)
			used[h->notes[k]] = true;
	}
	footnotes(out, d, used);
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
				document(out, "##", &set->docs[i], tag);
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
		document(out, "#", &set->docs[i], NULL);
}

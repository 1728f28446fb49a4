/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * meta_front — a Markdown file's front matter (YAML "key: value" lines,
 * TOML "key = value" lines; where it ends is markdown_front_matter()'s
 * decision) read into struct meta, the address recorded in a downloaded
 * file's extended attributes, and the header that the reader and dump show
 * in place of the front matter (meta_header).
 */
#include "gloss/gloss.h"

#include <ctype.h>
#include <strings.h>
#include <sys/xattr.h>

#include "gloss/markdown.h"
#include "gloss/strbuf.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "meta_int.h"

#define TAGS_MAX 512		/* bytes of the tags line */

static const char *const title_keys[] = { "title" };
static const char *const author_keys[] = { "author", "authors", "by", "автор" };
static const char *const date_keys[] = { "date", "published", "дата" };
static const char *const url_keys[] = { "source", "url", "link", "canonical", "canonical_url",
	"original_url", "origin" };
static const char *const lang_keys[] = { "lang", "language" };
static const char *const tag_keys[] = { "tags", "tag", "keywords" };

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Strips blanks, then one pair of quotes or brackets, from [*a, *z) of s. */
static void
unquote(const char *s, size_t *a, size_t *z)
{
	while (*a < *z && is_blank(s[*a]))
		(*a)++;
	while (*z > *a && is_blank(s[*z - 1]))
		(*z)--;
	if (*z - *a >= 2 && (s[*a] == '"' || s[*a] == '\'' || s[*a] == '[') &&
	    (s[*z - 1] == s[*a] || (s[*a] == '[' && s[*z - 1] == ']'))) {
		(*a)++;
		(*z)--;
	}
}

/*
 * The value of "key: value" (YAML) or "key = value" (TOML) in line
 * s[0..n) if the key is one of keys; quotes removed.
 */
static bool
front_value(const char *s, size_t n, bool toml, const char *const *keys, size_t nkeys,
    size_t *va, size_t *vz)
{
	const char *sep = memchr(s, toml ? '=' : ':', n);
	size_t klen;

	if (sep == NULL)
		return false;
	klen = (size_t)(sep - s);
	while (klen > 0 && is_blank(s[klen - 1]))
		klen--;
	for (size_t i = 0; i < nkeys; i++) {
		if (strlen(keys[i]) != klen || strncasecmp(s, keys[i], klen) != 0)
			continue;
		*va = (size_t)(sep - s) + 1;
		*vz = n;
		unquote(s, va, vz);
		return true;
	}
	return false;
}

/* An http(s) URL without white space or controls. */
static bool
is_url(const char *s, size_t n)
{
	if (!((n > 7 && strncasecmp(s, "http://", 7) == 0) || (n > 8 && strncasecmp(s, "https://", 8) == 0)))
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ' || s[i] == 0x7F)
			return false;
	return text_valid(s, n);
}

/* A language tag: letters, digits and hyphens ("en", "ru-RU", "be-tarask"). */
static bool
is_lang(const char *s, size_t n)
{
	if (n == 0 || n > 35)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '_')
			return false;
	return isalpha((unsigned char)s[0]);
}

/* Adds the comma-separated tags of s[0..n) ("a, 'b'", a "- a" item) to m->tags. */
static void
add_tags(struct meta *m, const char *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i = 0;

	if (m->tags)
		strbuf_adds(&sb, m->tags);
	while (i < n) {
		const char *comma = memchr(s + i, ',', n - i);
		size_t a = i, z = comma ? (size_t)(comma - s) : n;

		i = z + 1;
		unquote(s, &a, &z);
		if (z <= a || !text_valid(s + a, z - a) || sb.len + (z - a) > TAGS_MAX)
			continue;
		if (sb.len)
			strbuf_adds(&sb, ", ");
		strbuf_add(&sb, s + a, z - a);
	}
	free(m->tags);
	m->tags = sb.len ? strbuf_detach(&sb, NULL) : (strbuf_done(&sb), NULL);
}

/* Sets the field from a front-matter line (only if still unset and the value valid). */
static void
front_field(struct meta *m, const char *s, size_t n, bool toml, bool *tag_list)
{
	size_t a, z;
	char date[META_DATE_MAX];

	if (*tag_list && n > 0 && is_blank(s[0])) {	/* "  - tag" under "tags:" */
		for (a = 0; a < n && is_blank(s[a]); a++)
			;
		if (a < n && s[a] == '-') {
			add_tags(m, s + a + 1, n - a - 1);
			return;
		}
	}
	*tag_list = false;
	if (!m->title && front_value(s, n, toml, title_keys, 1, &a, &z) && z > a &&
	    text_valid(s + a, z - a))
		m->title = xstrndup(s + a, z - a);
	else if (!m->author && front_value(s, n, toml, author_keys, GLOSS_ARRAY_SIZE(author_keys),
	    &a, &z) && z > a && text_valid(s + a, z - a))
		m->author = xstrndup(s + a, z - a);
	else if (!m->date && front_value(s, n, toml, date_keys, GLOSS_ARRAY_SIZE(date_keys), &a, &z) &&
	    meta_parse_date(s + a, z - a, date))
		m->date = xstrdup(date);
	else if (!m->url && front_value(s, n, toml, url_keys, GLOSS_ARRAY_SIZE(url_keys), &a, &z) &&
	    is_url(s + a, z - a))
		m->url = xstrndup(s + a, z - a);
	else if (!m->lang && front_value(s, n, toml, lang_keys, GLOSS_ARRAY_SIZE(lang_keys), &a, &z) &&
	    is_lang(s + a, z - a))
		m->lang = xstrndup(s + a, z - a);
	else if (!m->tags && front_value(s, n, toml, tag_keys, GLOSS_ARRAY_SIZE(tag_keys), &a, &z)) {
		*tag_list = !toml && z == a;
		add_tags(m, s + a, z - a);
	}
}

void
meta_read_origin(struct doc *doc, struct meta *m)
{
	char buf[2048];
	ssize_t n;

	if (m->url || strcmp(doc_path(doc), "-") == 0)
		return;
	n = getxattr(doc_path(doc), "user.xdg.origin.url", buf, sizeof buf - 1);
	if (n > 0 && is_url(buf, (size_t)n))
		m->url = xstrndup(buf, (size_t)n);
}

/* The front matter of doc as [*a, *z) of its source (fences included); false if none. */
static bool
front_extent(struct doc *doc, size_t *a, size_t *z, bool *toml)
{
	const char *src = doc_source(doc);
	size_t n = (size_t)GLOSS_MIN(doc_source_size(doc), (uint64_t)MARKDOWN_FRONT_MAX + 3);
	size_t skip = n >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0, len;

	if (doc_format(doc) != DOC_FORMAT_MARKDOWN)
		return false;
	len = markdown_front_matter(src + skip, n - skip, toml);
	*a = skip;
	*z = skip + len;
	return len > 0;
}

bool
meta_front_read(struct doc *doc, struct meta *m, size_t *extent)
{
	const char *src = doc_source(doc);
	size_t a, z, i;
	bool toml = false, tag_list = false;

	if (!front_extent(doc, &a, &z, &toml))
		return false;
	if (extent)
		*extent = z;
	for (i = a; i < z; ) {
		const char *nl = memchr(src + i, '\n', z - i);
		size_t len = nl ? (size_t)(nl - (src + i)) : z - i;

		if (i > a)	/* the fences hold no field */
			front_field(m, src + i, len, toml, &tag_list);
		i += len + 1;
	}
	return true;
}

/* ------------------------------------------------------------------ */
/* The header */

/* A block of text s[0..n) (cleaned: U+FFFD for invalid bytes, NFC). */
static void
add_block(struct doc_builder *b, enum doc_kind kind, const char *s, size_t n, uint64_t src_end)
{
	struct strbuf clean = STRBUF_INIT, nfc = STRBUF_INIT;
	int col = 0;

	doc_build_clean(s, n, 8, &col, &clean);
	text_nfc(strbuf_str(&clean), clean.len, &nfc);
	while (nfc.len > 0 && (nfc.buf[nfc.len - 1] == '\n' || nfc.buf[nfc.len - 1] == '\r'))
		nfc.len--;
	doc_build_begin(b, kind, kind == DOC_TITLE, 0, src_end);
	doc_build_text(b, strbuf_str(&nfc), nfc.len);
	doc_build_end(b);
	strbuf_done(&clean);
	strbuf_done(&nfc);
}

/* The tags as "#a #b" (a tag with spaces keeps them). */
static void
tags_line(const char *tags, struct strbuf *out)
{
	const char *s = tags;

	while (*s) {
		const char *comma = strstr(s, ", ");
		size_t len = comma ? (size_t)(comma - s) : strlen(s);

		if (out->len)
			strbuf_addc(out, ' ');
		if (*s != '#')
			strbuf_addc(out, '#');
		strbuf_add(out, s, len);
		s += len + (comma ? 2 : 0);
	}
}

struct doc_build_chunk *
meta_header(struct doc *doc, bool raw)
{
	struct meta m;
	struct strbuf line = STRBUF_INIT;
	struct doc_builder *b;
	size_t a, z;
	bool toml;

	if (!front_extent(doc, &a, &z, &toml))
		return NULL;
	b = doc_build_new();
	memset(&m, 0, sizeof m);
	meta_front_read(doc, &m, NULL);
	if (raw) {
		add_block(b, DOC_CODE, doc_source(doc) + a, z - a, z);
	} else {
		if (m.title)
			add_block(b, DOC_TITLE, m.title, strlen(m.title), z);
		if (m.author)
			strbuf_adds(&line, m.author);
		if (m.author && m.date)
			strbuf_adds(&line, " \xC2\xB7 ");	/* " · " */
		if (m.date)
			strbuf_adds(&line, m.date);
		if (line.len)
			add_block(b, DOC_BYLINE, line.buf, line.len, z);
		strbuf_reset(&line);
		if (m.tags)
			tags_line(m.tags, &line);
		if (line.len)
			add_block(b, DOC_DATE, line.buf, line.len, z);
	}
	strbuf_done(&line);
	meta_done(&m);
	return doc_build_finish(b);
}

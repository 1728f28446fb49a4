/*
 * annot_cmd_print — how `gloss annotations` prints: one annotation a line
 * (tab-separated, every control character made visible, paragraph breaks
 * inside a quote shown as ¶) or a JSON array with every string escaped.
 * Also the quote matcher of `gloss annotate`.
 */
#include "gloss/gloss.h"

#include <time.h>

#include "annot_cmd_print.h"
#include "gloss/annot_cmd.h"
#include "gloss/glyph.h"
#include "gloss/json.h"
#include "gloss/options.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

/* ------------------------------------------------------------------ */
/* Matching a quote given on the command line */

static bool
is_space(uint32_t cp)
{
	return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
	    cp == 0x205F || cp == 0x3000;
}

static size_t
cp_at(const char *s, size_t n, size_t i, uint32_t *cp)
{
	*cp = (unsigned char)s[i];
	if (*cp < 0x80)
		return 1;
	return (size_t)text_decode(s + i, n - i, cp);
}

/* Skips white space in s from i; returns the new index. */
static size_t
skip_space(const char *s, size_t n, size_t i)
{
	uint32_t cp;
	size_t len;

	while (i < n && (len = cp_at(s, n, i, &cp)) > 0 && is_space(cp))
		i += len;
	return i;
}

/* The end of a match of pat starting at text[i], or SIZE_MAX. */
static size_t
match_at(const char *text, size_t n, size_t i, const char *pat, size_t plen)
{
	size_t j = 0;

	while (j < plen) {
		uint32_t pc, tc;
		size_t pl = cp_at(pat, plen, j, &pc), tl;

		if (is_space(pc)) {
			size_t k = skip_space(text, n, i);

			if (k == i)
				return SIZE_MAX;
			i = k;
			j = skip_space(pat, plen, j);
			continue;
		}
		while (i < n && (tl = cp_at(text, n, i, &tc)) > 0 && tc == 0xAD)
			i += tl;	/* soft hyphens are not shown */
		if (i >= n || i + pl > n || memcmp(text + i, pat + j, pl) != 0)
			return SIZE_MAX;
		i += pl;
		j += pl;
	}
	return i;
}

size_t
annot_cmd_find(const char *text, size_t n, const char *pat, size_t plen, uint64_t **ranges)
{
	size_t count = 0, cap = 0;
	const char *p = text;

	*ranges = NULL;
	if (plen == 0)
		return 0;
	while ((p = memchr(p, pat[0], n - (size_t)(p - text))) != NULL) {
		size_t at = (size_t)(p - text), end = match_at(text, n, at, pat, plen);

		if (end != SIZE_MAX) {
			if (count == cap) {
				cap = cap ? 2 * cap : 8;
				*ranges = xreallocarray(*ranges, cap, 2 * sizeof **ranges);
			}
			(*ranges)[2 * count] = at;
			(*ranges)[2 * count + 1] = end;
			count++;
		}
		p++;
	}
	return count;
}

/* ------------------------------------------------------------------ */
/* Lines */

/* Appends s made safe for a terminal; paragraph breaks become ¶. */
static void
add_visible(struct strbuf *out, const char *s)
{
	const char *mark = opt_glyphs == GLYPH_UTF8 ? " \u00b6 " : " // ";

	for (;;) {
		const char *br = strstr(s, "\n\n");
		size_t len = br ? (size_t)(br - s) : strlen(s);

		glyph_append_safe(out, s, len, opt_glyphs);
		if (br == NULL)
			break;
		strbuf_adds(out, mark);
		s = br + 2;
	}
}

void
annot_cmd_print_line(struct strbuf *out, const struct store_annotation *a)
{
	strbuf_addf(out, "%lld\t", (long long)a->id);
	add_visible(out, a->path ? a->path : "-");
	strbuf_addf(out, "\t%llu-%llu\t%s\t%s\t", (unsigned long long)a->start,
	    (unsigned long long)a->end, anchor_status_name(a->status), store_color_name(a->color));
	if (a->ntags == 0)
		strbuf_addc(out, '-');
	for (size_t i = 0; i < a->ntags; i++) {
		if (i > 0)
			strbuf_addc(out, ',');
		add_visible(out, a->tags[i]);
	}
	strbuf_addc(out, '\t');
	add_visible(out, a->quote);
	strbuf_addc(out, '\n');
}

/* ------------------------------------------------------------------ */
/* JSON */

static void
json_time(struct strbuf *out, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char buf[32];

	gmtime_r(&tt, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	strbuf_addf(out, "\"%s\"", buf);
}

static void
json_field(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, ", \"%s\": ", name);
	if (value)
		json_string(out, value);
	else
		strbuf_adds(out, "null");
}

void
annot_cmd_print_json(struct strbuf *out, const struct store_annotation *a)
{
	strbuf_addf(out, "{\"id\": %lld", (long long)a->id);
	json_field(out, "path", a->path);
	strbuf_addf(out, ", \"start\": %llu, \"end\": %llu", (unsigned long long)a->start,
	    (unsigned long long)a->end);
	json_field(out, "status", anchor_status_name(a->status));
	json_field(out, "color", store_color_name(a->color));
	strbuf_adds(out, ", \"tags\": [");
	for (size_t i = 0; i < a->ntags; i++) {
		if (i > 0)
			strbuf_adds(out, ", ");
		json_string(out, a->tags[i]);
	}
	strbuf_addc(out, ']');
	json_field(out, "quote", a->quote);
	json_field(out, "prefix", a->prefix);
	json_field(out, "suffix", a->suffix);
	json_field(out, "note", a->note[0] ? a->note : NULL);
	strbuf_adds(out, ", \"created\": ");
	json_time(out, a->created);
	strbuf_adds(out, ", \"modified\": ");
	json_time(out, a->modified);
	strbuf_addc(out, '}');
}

/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * annot_cmd_print — how `gloss annotations` prints: one annotation a line
 * (tab-separated, every control character made visible, paragraph breaks
 * inside a quote shown as ¶) or a JSON array with every string escaped.
 */
#include "gloss/gloss.h"

#include "annot_cmd_print.h"
#include "gloss/annot_cmd.h"
#include "gloss/glyph.h"
#include "gloss/json.h"
#include "gloss/options.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

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
	strbuf_addc(out, '"');
	strbuf_add_utc(out, t);
	strbuf_addc(out, '"');
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

/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * md_spec — runs the examples of a CommonMark / GFM spec file (JSON: an
 * array of {example, section, markdown, html}) through gloss's Markdown
 * loader and through libcmark-gfm's own HTML renderer, and prints one JSON
 * line per example for tests/lib/commonmark.py to compare:
 *   {"example": N, "section": S, "spec": HTML, "cmark": HTML,
 *    "blocks": [{"kind": K, "label": L, "rule": R, "text": T}, ...]}
 * "cmark" is what the library on this machine makes of the example, so
 * the test can tell gloss's own losses from the library's older spec.
 * R counts the thematic breaks shown before and after the block.
 */
#include "gloss/gloss.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "gloss/doc.h"
#include "gloss/json.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"

/* libcmark-gfm's HTML, with the extensions gloss attaches (and tasklist, which renders boxes). */
static char *
cmark_html(const char *md)
{
	static const char *const names[] = { "table", "strikethrough", "autolink", "tasklist" };
	cmark_parser *p;
	cmark_node *root;
	cmark_llist *exts;
	char *html;

	cmark_gfm_core_extensions_ensure_registered();
	p = cmark_parser_new(CMARK_OPT_FOOTNOTES);
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(names); i++) {
		cmark_syntax_extension *ext = cmark_find_syntax_extension(names[i]);

		if (ext)
			cmark_parser_attach_syntax_extension(p, ext);
	}
	cmark_parser_feed(p, md, strlen(md));
	root = cmark_parser_finish(p);
	exts = cmark_parser_get_syntax_extensions(p);
	html = cmark_render_html(root, CMARK_OPT_DEFAULT | CMARK_OPT_UNSAFE, exts);
	cmark_node_free(root);
	cmark_parser_free(p);
	return html;
}

static void
blocks_json(const char *md, struct strbuf *out)
{
	struct doc_options opt = { .format = DOC_FORMAT_MARKDOWN };
	struct doc *doc = NULL;
	struct doc_loc loc;
	bool first = true;

	strbuf_adds(out, "[");
	if (doc_open_mem("example.md", md, strlen(md), &opt, &doc) == GLOSS_OK &&
	    doc_first(doc, &loc)) {
		do {
			const struct doc_block *b = doc_block(doc, loc);

			strbuf_adds(out, first ? "{\"kind\": " : ", {\"kind\": ");
			json_string(out, doc_kind_label(b->kind));
			strbuf_adds(out, ", \"label\": ");
			/* a table row's label describes its columns: no marker */
			json_string_or_null(out, b->flags & DOC_BLOCK_TABLE ? NULL : b->label);
			strbuf_addf(out, ", \"rule\": %d, \"text\": ",
			    !!(b->flags & DOC_BLOCK_RULE_BEFORE) + !!(b->flags & DOC_BLOCK_RULE_AFTER));
			json_string(out, b->text);
			strbuf_adds(out, "}");
			first = false;
		} while (doc_next(doc, &loc));
	}
	doc_free(doc);
	strbuf_adds(out, "]");
}

static int
run(const char *path)
{
	struct strbuf src = STRBUF_INIT, out = STRBUF_INIT;
	struct json_value *v = NULL;
	char buf[65536];
	size_t r;
	FILE *f = fopen(path, "rb");

	if (f == NULL) {
		perror(path);
		return 1;
	}
	while ((r = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&src, buf, r);
	fclose(f);
	if (json_parse(src.buf, src.len, &v) != GLOSS_OK || v->type != JSON_ARRAY) {
		fprintf(stderr, "%s: %s\n", path, error_last(GLOSS_EPARSE));
		return 1;
	}
	for (size_t i = 0; i < v->n; i++) {
		const struct json_value *ex = &v->items[i];
		const char *md = json_str(json_get(ex, "markdown"));
		char *html = cmark_html(md);

		strbuf_reset(&out);
		strbuf_addf(&out, "{\"example\": %d, \"section\": ",
		    (int)json_get(ex, "example")->number);
		json_string(&out, json_str(json_get(ex, "section")));
		strbuf_adds(&out, ", \"spec\": ");
		json_string(&out, json_str(json_get(ex, "html")));
		strbuf_adds(&out, ", \"cmark\": ");
		json_string(&out, html);
		strbuf_adds(&out, ", \"blocks\": ");
		blocks_json(md, &out);
		strbuf_adds(&out, "}\n");
		fwrite(out.buf, 1, out.len, stdout);
		free(html);
	}
	json_free(v);
	strbuf_done(&src);
	strbuf_done(&out);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: md_spec SPEC.json\n", stderr);
		return 2;
	}
	return run(argv[1]);
}

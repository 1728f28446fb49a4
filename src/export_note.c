/*
 * export_note — a note as the Markdown export writes it (export_int.h).
 *
 * A note is CommonMark: cmark-gfm parses it (the core syntax, no
 * extensions), the tree is made safe, and cmark's CommonMark renderer
 * writes it back.  So its content can never leave its place: a fence the
 * note left open is closed, code is fenced with more backticks than any
 * run inside it, link reference definitions are resolved into the
 * links, and what could act beyond the note is turned into visible text —
 * headings (their #s kept as text), raw HTML (blocks and inline).  Every
 * text node is escaped for all readers at once (export_md_text): what
 * pandoc's Markdown, GFM and Obsidian would read as smart punctuation,
 * superscripts, fancy lists, definition lists, emoji, math, block ids,
 * tags, highlights or comments stays text.  The escaped text goes back
 * into the tree as raw inline nodes, which the renderer writes as they are.
 */
#include "gloss/gloss.h"

#include <cmark-gfm.h>

#include "export_int.h"
#include "gloss/strbuf.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

/* Does node begin a line of its block (the first inline, or after a line break)? */
static bool
begins_line(cmark_node *node)
{
	cmark_node *prev = cmark_node_previous(node);

	if (prev == NULL)
		return true;
	return cmark_node_get_type(prev) == CMARK_NODE_SOFTBREAK ||
	    cmark_node_get_type(prev) == CMARK_NODE_LINEBREAK;
}

/* A raw inline node holding text escaped for every reader. */
static cmark_node *
escaped(const char *text, size_t n, bool line_start)
{
	cmark_node *raw = cmark_node_new(CMARK_NODE_HTML_INLINE);
	struct strbuf sb = STRBUF_INIT;

	export_md_text(&sb, text, n, line_start);
	cmark_node_set_literal(raw, strbuf_str(&sb));
	strbuf_done(&sb);
	return raw;
}

/* Replaces node by the escaped text s (its own text, or raw HTML shown as text). */
static void
replace_with_text(cmark_node *node, const char *s)
{
	cmark_node *raw = escaped(s, strlen(s), begins_line(node));

	cmark_node_replace(node, raw);
	cmark_node_free(node);
}

/* Text nodes next to each other become one (so that runs and line starts are seen whole). */
static void
merge_text(cmark_node *node)
{
	cmark_node *next;

	while ((next = cmark_node_next(node)) != NULL && cmark_node_get_type(next) == CMARK_NODE_TEXT) {
		char *joined = xasprintf("%s%s", cmark_node_get_literal(node), cmark_node_get_literal(next));

		cmark_node_set_literal(node, joined);
		free(joined);
		cmark_node_free(next);
	}
}

/* A block whose lines become a paragraph of text lines (raw HTML, shown as it was typed). */
static cmark_node *
lines_paragraph(const char *prefix, const char *s)
{
	cmark_node *para = cmark_node_new(CMARK_NODE_PARAGRAPH);
	size_t n = strlen(s);

	while (n > 0 && s[n - 1] == '\n')
		n--;
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t z = nl ? (size_t)(nl - s) : n;
		char *line = xasprintf("%s%.*s", i == 0 ? prefix : "", (int)(z - i), s + i);

		if (i > 0)
			cmark_node_append_child(para, cmark_node_new(CMARK_NODE_LINEBREAK));
		cmark_node_append_child(para, escaped(line, strlen(line), true));
		free(line);
		i = z + 1;
	}
	return para;
}

/* A heading becomes a paragraph that starts with its #s as text: it cannot open a section. */
static void
flatten_heading(cmark_node *h)
{
	cmark_node *para = cmark_node_new(CMARK_NODE_PARAGRAPH), *child;
	char hashes[8];
	int level = cmark_node_get_heading_level(h);

	snprintf(hashes, sizeof hashes, "%.*s ", level, "######");
	cmark_node_append_child(para, escaped(hashes, strlen(hashes), true));
	while ((child = cmark_node_first_child(h)) != NULL) {
		cmark_node_unlink(child);
		cmark_node_append_child(para, child);
	}
	cmark_node_replace(h, para);
	cmark_node_free(h);
}

/*
 * Code is written as it is, so a control character in it is shown as its
 * picture (␛, ␇) and a bidi control as U+FFFD: no byte of a note reaches a
 * terminal or an editor as a control.
 */
static void
visible_code(cmark_node *code)
{
	const char *lit = cmark_node_get_literal(code);
	struct strbuf sb = STRBUF_INIT;
	size_t n = lit ? strlen(lit) : 0;

	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int len = text_decode(lit + i, n - i, &cp);

		if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F)
			strbuf_addcp(&sb, cp == 0x7F ? 0x2421 : 0x2400 + cp);
		else if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
		    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x2028 ||
		    cp == 0x2029 || cp == 0xFEFF)
			strbuf_addcp(&sb, 0xFFFD);
		else
			strbuf_add(&sb, lit + i, (size_t)len);
		i += (size_t)len;
	}
	if (lit)
		cmark_node_set_literal(code, strbuf_str(&sb));
	strbuf_done(&sb);
}

/* An info string is a language name only (pandoc reads {=html} as raw output, {.class} as attributes). */
static void
clean_info(cmark_node *code)
{
	const char *info = cmark_node_get_fence_info(code);
	char word[64];
	size_t k = 0;

	for (; info && info[k] && k < sizeof word - 1; k++) {
		char c = info[k];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    strchr("+-_.#", c)))
			break;
		word[k] = c;
	}
	word[k] = '\0';
	cmark_node_set_fence_info(code, word);
}

/*
 * A code block is written as a fence of its own, longer than any run of
 * backticks inside (cmark would write some as indented code, which a list
 * before it would take in), as a raw block the renderer copies.
 */
static void
fence_code(cmark_node *code)
{
	const char *lit, *info;
	struct strbuf sb = STRBUF_INIT;
	size_t run = 0, longest = 0, n;
	cmark_node *raw = cmark_node_new(CMARK_NODE_HTML_BLOCK);

	clean_info(code);
	visible_code(code);
	lit = cmark_node_get_literal(code) ? cmark_node_get_literal(code) : "";
	info = cmark_node_get_fence_info(code) ? cmark_node_get_fence_info(code) : "";
	for (const char *p = lit; *p; p++) {
		run = *p == '`' ? run + 1 : 0;
		longest = GLOSS_MAX(longest, run);
	}
	n = GLOSS_MAX((size_t)3, longest + 1);
	for (size_t k = 0; k < n; k++)
		strbuf_addc(&sb, '`');
	strbuf_addf(&sb, "%s\n%s", info, lit);
	if (sb.len && sb.buf[sb.len - 1] != '\n')
		strbuf_addc(&sb, '\n');
	for (size_t k = 0; k < n; k++)
		strbuf_addc(&sb, '`');
	strbuf_addc(&sb, '\n');
	cmark_node_set_literal(raw, strbuf_str(&sb));
	strbuf_done(&sb);
	cmark_node_replace(code, raw);
	cmark_node_free(code);
}

/*
 * cmark separates two lists, and a list and code, by an HTML comment
 * ("<!-- end list -->"): raw HTML to other readers.  Lists of two kinds
 * need nothing between them, and code is fenced here; the comments go.
 * (Two bullet lists in a row become one.)
 */
static void
drop_end_list(struct strbuf *out, const char *md)
{
	const char *mark = "<!-- end list -->\n";

	for (const char *p = md; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) + 1 : strlen(p), pre = strspn(p, " >");

		if (len == pre + strlen(mark) && strncmp(p + pre, mark, strlen(mark)) == 0) {
			p += len;
			len = strspn(p, " >");	/* and the blank line after it */
			if (p[len] == '\n')
				p += len + 1;
			continue;
		}
		strbuf_add(out, p, len);
		p += len;
	}
}

/* Makes the blocks under root safe (see the top comment), once the inlines are. */
static void
fix_blocks(cmark_node *root)
{
	cmark_node *node = cmark_node_first_child(root), *next;

	for (; node; node = next) {
		next = cmark_node_next(node);
		switch (cmark_node_get_type(node)) {
		case CMARK_NODE_HEADING:
			flatten_heading(node);
			break;
		case CMARK_NODE_HTML_BLOCK: {
			cmark_node *para = lines_paragraph("", cmark_node_get_literal(node));

			cmark_node_replace(node, para);
			cmark_node_free(node);
			break;
		}
		case CMARK_NODE_CODE_BLOCK:
			fence_code(node);
			break;
		default:
			if (cmark_node_first_child(node))
				fix_blocks(node);
		}
	}
}

/* Every text node and raw inline becomes escaped text; other inlines are walked into. */
static void
fix_inlines(cmark_node *parent)
{
	cmark_node *node = cmark_node_first_child(parent), *next;

	for (; node; node = next) {
		cmark_node_type type = cmark_node_get_type(node);

		if (type == CMARK_NODE_TEXT)
			merge_text(node);
		next = cmark_node_next(node);
		if (type == CMARK_NODE_TEXT || type == CMARK_NODE_HTML_INLINE) {
			char *text = xstrdup(cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "");

			replace_with_text(node, text);
			free(text);
		} else if (type == CMARK_NODE_CODE) {
			visible_code(node);
		} else if (type != CMARK_NODE_CODE_BLOCK && cmark_node_first_child(node)) {
			fix_inlines(node);
		}
	}
}

void
export_md_note(struct strbuf *out, const char *note)
{
	cmark_node *doc = cmark_parse_document(note, strlen(note), CMARK_OPT_DEFAULT);
	char *md;
	size_t len;

	fix_inlines(doc);	/* first: the nodes fix_blocks makes are escaped already */
	fix_blocks(doc);
	md = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
	len = out->len;
	drop_end_list(out, md);
	while (out->len > len && out->buf[out->len - 1] == '\n')
		strbuf_truncate(out, out->len - 1);
	strbuf_addc(out, '\n');
	free(md);
	cmark_node_free(doc);
}

/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * markdown_html — raw HTML in Markdown, as the walk in markdown.c meets it:
 * what a tag means for the text (a paragraph break, a rule, a table cell, a
 * superscript, a line break, or nothing), comments and script or style
 * elements skipped whole, and the text between tags of an HTML block (white
 * space collapsed, entities decoded by cmark itself).
 */
#include "gloss/gloss.h"

#include <ctype.h>
#include <strings.h>

#include <cmark-gfm.h>

#include "markdown_int.h"

static const char *const html_breaks[] = {	/* tags that end a paragraph */
	"address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "div",
	"dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
	"h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
	"table", "tbody", "thead", "tfoot", "tr", "ul",
};

/* Length of the tag at s[0..n) ("<…>", quotes respected), 0 if there is none. */
static size_t
tag_length(const char *s, size_t n)
{
	char quote = 0;
	size_t i;

	if (n < 3 || s[0] != '<' || !(isalpha((unsigned char)s[1]) || strchr("/!?", s[1])))
		return 0;
	for (i = 1; i < n; i++) {
		if (quote) {
			quote = s[i] == quote ? 0 : quote;
		} else if (s[i] == '"' || s[i] == '\'') {
			quote = s[i];
		} else if (s[i] == '>') {
			return i + 1;
		}
	}
	return 0;
}

/* The lower-case name of a tag ("</SUP>" → "sup", *closing); false for comments and the like. */
static bool
tag_name(const char *s, size_t n, char *name, size_t size, bool *closing)
{
	size_t i = 1, k = 0;

	*closing = n > 1 && s[1] == '/';
	i += *closing;
	while (i < n && k + 1 < size && isalnum((unsigned char)s[i]))
		name[k++] = (char)tolower((unsigned char)s[i++]);
	name[k] = '\0';
	return k > 0;
}

static bool
is_html_break(const char *name)
{
	size_t i;

	for (i = 0; i < GLOSS_ARRAY_SIZE(html_breaks); i++)
		if (strcmp(name, html_breaks[i]) == 0)
			return true;
	return false;
}

/* Where the element that starts at s (after its opening tag) ends: past "</name…>". */
static size_t
skip_element(const char *s, size_t n, const char *name)
{
	size_t k = strlen(name), i;

	for (i = 0; i + k + 2 <= n; i++)
		if (s[i] == '<' && s[i + 1] == '/' && strncasecmp(s + i + 2, name, k) == 0)
			return i + tag_length(s + i, n - i);
	return n;
}

/* What the tag at s[0..n) is for the text, its name known. */
static enum markdown_html
by_name(const char *s, size_t n)
{
	char name[16];
	bool closing;

	if (!tag_name(s, n, name, sizeof name, &closing))
		return MARKDOWN_HTML_DROP;
	if (strcmp(name, "sup") == 0)
		return closing ? MARKDOWN_HTML_SUP_END : MARKDOWN_HTML_SUP;
	return strcmp(name, "br") == 0 ? MARKDOWN_HTML_LINE_BREAK : MARKDOWN_HTML_DROP;
}

enum markdown_html
markdown_html_inline(const char *s, size_t n)
{
	return by_name(s, n);
}

enum markdown_html
markdown_html_block(const char *s, size_t n, size_t *len)
{
	char name[16];
	bool closing;

	*len = tag_length(s, n);
	if (n >= 4 && strncmp(s, "<!--", 4) == 0) {
		const char *end = memmem(s + 4, n - 4, "-->", 3);

		*len = end ? (size_t)(end - s) + 3 : n;
		return MARKDOWN_HTML_DROP;
	}
	if (*len == 0)
		return MARKDOWN_HTML_TEXT;
	if (!tag_name(s, *len, name, sizeof name, &closing))
		return MARKDOWN_HTML_DROP;
	if (!closing && (strcmp(name, "script") == 0 || strcmp(name, "style") == 0)) {
		*len += skip_element(s + *len, n - *len, name);
		return MARKDOWN_HTML_DROP;
	}
	if (is_html_break(name))
		return strcmp(name, "hr") == 0 ? MARKDOWN_HTML_RULE : MARKDOWN_HTML_BREAK;
	if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0)
		return MARKDOWN_HTML_CELL;
	return by_name(s, *len);
}

/* Decodes one entity ("&amp;") with cmark itself; appends it, or the text as it is. */
static void
add_entity(struct markdown_block *k, const char *s, size_t n)
{
	cmark_node *doc = cmark_parse_document(s, n, CMARK_OPT_DEFAULT);
	cmark_node *para = cmark_node_first_child(doc), *c;
	struct strbuf out = STRBUF_INIT;

	for (c = para ? cmark_node_first_child(para) : NULL; c; c = cmark_node_next(c))
		if (cmark_node_get_type(c) == CMARK_NODE_TEXT)
			strbuf_adds(&out, cmark_node_get_literal(c) ? cmark_node_get_literal(c) : "");
	markdown_block_add(k, out.len ? out.buf : s, out.len ? out.len : n);
	strbuf_done(&out);
	cmark_node_free(doc);
}

/* Text between tags in an HTML block: white space collapses, entities are decoded. */
void
markdown_html_text(struct markdown_block *k, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t j = i + 1;

		if (markdown_is_space(s[i])) {
			while (j < n && markdown_is_space(s[j]))
				j++;
			k->space = true;
		} else if (s[i] == '&') {
			while (j < n && j - i < 34 && (isalnum((unsigned char)s[j]) || s[j] == '#'))
				j++;
			if (j < n && j > i + 1 && s[j] == ';') {
				add_entity(k, s + i, j + 1 - i);
				j++;
			} else {
				markdown_block_add(k, "&", 1);
				j = i + 1;
			}
		} else {
			while (j < n && !markdown_is_space(s[j]) && s[j] != '&')
				j++;
			markdown_block_add(k, s + i, j - i);
		}
		i = j;
	}
}

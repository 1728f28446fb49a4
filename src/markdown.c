/*
 * markdown — placeholder until the cmark-gfm loader lands: Markdown files
 * are read as plain text.
 */
#include "gloss/gloss.h"

#include "gloss/markdown.h"
#include "gloss/plain.h"

bool
markdown_sniff(const char *s, size_t n)
{
	(void)s;
	(void)n;
	return false;
}

enum gloss_status
markdown_parse(const char *src, size_t n, struct doc_builder *b)
{
	plain_parse(src, 0, n, PLAIN_FIRST, 8, b);
	return GLOSS_OK;
}

/*
 * cmd — the parts every command shares (see include/gloss/cmd.h).
 */
#include "gloss/gloss.h"

#include <stdarg.h>

#include "gloss/cmd.h"
#include "gloss/glyph.h"
#include "gloss/strbuf.h"

void
cmd_error(const char *fmt, ...)
{
	char msg[2048];
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	glyph_append_safe(&sb, msg, strlen(msg), GLYPH_UTF8);
	fprintf(stderr, "gloss: %s\n", strbuf_str(&sb));
	strbuf_done(&sb);
}

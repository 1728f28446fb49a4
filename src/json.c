/*
 * json — JSON string escaping shared by the commands that print --json
 * (annotations, notes).
 */
#include "gloss/gloss.h"

#include "gloss/json.h"
#include "gloss/text.h"

void
json_string(struct strbuf *out, const char *s)
{
	size_t n = strlen(s), i = 0;

	strbuf_addc(out, '"');
	while (i < n) {
		uint32_t cp;
		size_t len = (size_t)text_decode(s + i, n - i, &cp);

		if (cp == '"' || cp == '\\')
			strbuf_addf(out, "\\%c", (char)cp);
		else if (cp == '\n')
			strbuf_adds(out, "\\n");
		else if (cp == '\t')
			strbuf_adds(out, "\\t");
		else if (cp == '\r')
			strbuf_adds(out, "\\r");
		else if (cp < 0x20 || cp == 0x7F || cp == 0x2028 || cp == 0x2029)
			strbuf_addf(out, "\\u%04x", (unsigned)cp);
		else if (cp == 0xFFFD)
			strbuf_adds(out, "\uFFFD");	/* also for invalid bytes (file names) */
		else
			strbuf_add(out, s + i, len);
		i += len;
	}
	strbuf_addc(out, '"');
}

void
json_string_or_null(struct strbuf *out, const char *s)
{
	if (s)
		json_string(out, s);
	else
		strbuf_adds(out, "null");
}

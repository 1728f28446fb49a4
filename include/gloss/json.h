/*
 * json — writing JSON strings for the commands' --json output.
 *
 * Only what the commands need: a string with every character a JSON
 * parser or a terminal could trip on escaped.  The caller owns the strbuf.
 */
#ifndef GLOSS_JSON_H
#define GLOSS_JSON_H

#include "gloss/gloss.h"
#include "gloss/strbuf.h"

/*
 * Appends s as a JSON string, quotes included: " \ and controls escaped
 * (\n \t \r, else \u00XX), DEL, U+2028 and U+2029 as \uXXXX, invalid UTF-8
 * as U+FFFD.
 */
void json_string(struct strbuf *out, const char *s);
/* Appends s as a JSON string, or null when s is NULL. */
void json_string_or_null(struct strbuf *out, const char *s);

#endif

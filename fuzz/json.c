/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * json — fuzzes the strict JSON parser: whatever it accepts, written back
 * (strings through json_string, numbers with 17 digits) parses again to
 * the same value; an error has a "line L, column C: " message; and any
 * valid UTF-8 input without NUL, as a string through json_string(), reads
 * back as itself.
 */
#include "gloss/gloss.h"

#include "gloss/error.h"
#include "gloss/json.h"
#include "gloss/strbuf.h"
#include "gloss/text.h"
#include "fuzz.h"

static void
write_value(struct strbuf *out, const struct json_value *v)
{
	switch (v->type) {
	case JSON_NULL:
		strbuf_adds(out, "null");
		break;
	case JSON_BOOL:
		strbuf_adds(out, v->boolean ? "true" : "false");
		break;
	case JSON_NUMBER:
		strbuf_addf(out, "%.17g", v->number);
		break;
	case JSON_STRING:
		json_string(out, v->string);
		break;
	case JSON_ARRAY:
	case JSON_OBJECT:
		strbuf_addc(out, v->type == JSON_ARRAY ? '[' : '{');
		for (size_t i = 0; i < v->n; i++) {
			if (i)
				strbuf_addc(out, ',');
			if (v->type == JSON_OBJECT) {
				json_string(out, v->keys[i]);
				strbuf_addc(out, ':');
			}
			write_value(out, &v->items[i]);
		}
		strbuf_addc(out, v->type == JSON_ARRAY ? ']' : '}');
		break;
	}
}

static bool
same(const struct json_value *a, const struct json_value *b)
{
	if (a->type != b->type)
		return false;
	switch (a->type) {
	case JSON_NULL:
		return true;
	case JSON_BOOL:
		return a->boolean == b->boolean;
	case JSON_NUMBER:
		return a->number == b->number || (a->number != a->number && b->number != b->number);
	case JSON_STRING:
		return strcmp(a->string, b->string) == 0;
	default:
		if (a->n != b->n)
			return false;
		for (size_t i = 0; i < a->n; i++)
			if ((a->type == JSON_OBJECT && strcmp(a->keys[i], b->keys[i]) != 0) || !same(&a->items[i], &b->items[i]))
				return false;
		return true;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct json_value *v = NULL, *w = NULL;
	struct strbuf out = STRBUF_INIT;

	if (json_parse(s, size, &v) == GLOSS_OK) {
		write_value(&out, v);
		fuzz_assert(json_parse(strbuf_str(&out), out.len, &w) == GLOSS_OK, "what was read, written, reads again");
		fuzz_assert(same(v, w), "and is the same value");
		json_free(w);
		json_free(v);
	} else {
		fuzz_assert(strncmp(error_last(GLOSS_EPARSE), "line ", 5) == 0, "an error names its line");
	}
	if (text_valid(s, size) && memchr(s, '\0', size) == NULL) {
		char *copy = strndup(s, size);

		strbuf_reset(&out);
		json_string(&out, copy);
		fuzz_assert(json_parse(strbuf_str(&out), out.len, &w) == GLOSS_OK && w->type == JSON_STRING &&
		    strcmp(w->string, copy) == 0, "json_string's output reads back as the string");
		json_free(w);
		free(copy);
	}
	strbuf_done(&out);
	return 0;
}

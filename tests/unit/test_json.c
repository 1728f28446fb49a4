/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_json — the json module: string escaping (exact bytes) and the
 * parser (values, escapes, surrogates, and the line/column of errors).
 */
#include "gloss/gloss.h"

#include "gloss/json.h"
#include "../lib/tap.h"

static void
escapes(const char *in, const char *want, const char *what)
{
	struct strbuf sb = STRBUF_INIT;

	json_string(&sb, in);
	is_str(strbuf_str(&sb), want, what);
	strbuf_done(&sb);
}

/* Parses s and compares the error message (or "ok"). */
static void
parse_err(const char *s, const char *want, const char *what)
{
	struct json_value *v;
	enum gloss_status rc = json_parse(s, strlen(s), &v);

	is_str(rc == GLOSS_OK ? "ok" : error_last(rc), want, what);
	json_free(v);
}

int
main(void)
{
	struct json_value *v;
	const char *doc = "{\"a\": [1, -2.5e1, true, false, null], \"s\": \"\\u0416\\ud83d\\ude00\\n\\\"/\\/\", "
	    "\"o\": {}}";

	escapes("a\"b\\c\nd\te\x01", "\"a\\\"b\\\\c\\nd\\te\\u0001\"", "quotes, backslashes, controls");
	escapes("\xc2\x85 \xe2\x80\xa8 \xef\xbb\xbf Ж", "\"\\u0085 \\u2028 \\ufeff Ж\"", "C1, separators, BOM; Cyrillic kept");
	escapes("bad\xff", "\"bad\xef\xbf\xbd\"", "invalid UTF-8 as U+FFFD");

	ok(json_parse(doc, strlen(doc), &v) == GLOSS_OK, "a document parses");
	is_int((long)json_get(v, "a")->n, 5, "array of five");
	ok(json_get(v, "a")->items[1].number == -25.0, "a number with exponent");
	ok(json_get(v, "a")->items[2].type == JSON_BOOL && json_get(v, "a")->items[2].boolean, "true");
	is_str(json_str(json_get(v, "s")), "Ж\xf0\x9f\x98\x80\n\"//", "escapes and a surrogate pair");
	ok(json_get(v, "o")->type == JSON_OBJECT && json_get(v, "o")->n == 0, "an empty object");
	ok(json_get(v, "missing") == NULL && json_str(json_get(v, "a")) == NULL, "absent members, wrong types");
	is_int((long)json_get(v, "o")->column, 78, "values know their column");
	json_free(v);

	parse_err("[1,\n 2,\n 3 x]", "line 3, column 4: expected ',' or ']'", "a missing comma: line and column");
	parse_err("{\"ж\": \"abc", "line 1, column 11: unterminated string", "columns count characters");
	parse_err("[\"\\ud800\"]", "line 1, column 9: unpaired surrogate in \\u escape", "a lone surrogate");
	parse_err("[\"\\u0000\"]", "line 1, column 9: NUL character in a string", "NUL refused");
	parse_err("[\"a\tb\"]", "line 1, column 4: control character in a string (escape it)", "raw tab refused");
	parse_err("{\"a\": 1, \"a\": 2}", "line 1, column 10: duplicate member \"a\"", "duplicate keys");
	parse_err("[01]", "line 1, column 2: invalid number", "leading zero");
	parse_err("[1] [2]", "line 1, column 5: unexpected text after the JSON value", "trailing text");
	parse_err("", "line 1, column 1: unexpected end of input", "empty input");
	parse_err("[\"\xff\"]", "line 1, column 3: invalid UTF-8", "invalid UTF-8 in a string");
	{
		char deep[2 * JSON_MAX_DEPTH + 3];

		memset(deep, '[', JSON_MAX_DEPTH + 1);
		memset(deep + JSON_MAX_DEPTH + 1, ']', JSON_MAX_DEPTH + 1);
		deep[2 * JSON_MAX_DEPTH + 2] = '\0';
		parse_err(deep, "line 1, column 65: nesting deeper than 64 levels", "nesting is limited");
	}
	return tap_done();
}

/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * json — the JSON of the commands' --json output, of exports and imports:
 * writing strings with every character that could upset a JSON parser, a
 * terminal or a YAML reader escaped, and a small strict parser (RFC 8259) that reports the line and column
 * of the first error.
 *
 * Memory: json_parse() returns a new tree that the caller frees with
 * json_free(); strings inside it are owned by the tree.  Accessors return
 * borrowed pointers into the tree.
 */
#ifndef GLOSS_JSON_H
#define GLOSS_JSON_H

#include "gloss/gloss.h"
#include "gloss/error.h"
#include "gloss/strbuf.h"

#define JSON_MAX_DEPTH 64	/* deeper nesting is refused as an error */

enum json_type {
	JSON_NULL,
	JSON_BOOL,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT,
};

struct json_value {
	enum json_type type;
	bool boolean;
	double number;
	char *string;			/* STRING: NUL-terminated UTF-8 (no NUL inside) */
	size_t n;			/* ARRAY, OBJECT: number of items */
	struct json_value *items;	/* ARRAY: the items; OBJECT: the values */
	char **keys;			/* OBJECT: the keys, in order */
	unsigned line, column;		/* where the value starts (1-based; columns in characters) */
};

/*
 * Appends s as a JSON string (quotes included): '"' and '\' escaped, C0
 * and C1 controls, DEL, U+2028/U+2029, U+FEFF and non-characters U+FFFE/F
 * as \uXXXX, invalid UTF-8 bytes as U+FFFD.  The result is also a valid
 * YAML double-quoted scalar.
 */
void json_string(struct strbuf *out, const char *s);
/* Appends s as a JSON string, or null when s is NULL. */
void json_string_or_null(struct strbuf *out, const char *s);

/*
 * Parses s[0..n) as one JSON value (white space around it allowed).
 * GLOSS_EPARSE with the message "line L, column C: WHAT" on the first
 * error (invalid UTF-8, a NUL in a string, duplicate keys and nesting
 * deeper than JSON_MAX_DEPTH are errors too).
 */
enum gloss_status json_parse(const char *s, size_t n, struct json_value **out);
void json_free(struct json_value *v);

/* The member key of object v, or NULL (also when v is not an object). */
const struct json_value *json_get(const struct json_value *v, const char *key);
/* The string of v, or NULL when v is not a string (v may be NULL). */
const char *json_str(const struct json_value *v);
/* The name of a type ("string", "object", ...) for messages. */
const char *json_type_name(enum json_type t);

#endif

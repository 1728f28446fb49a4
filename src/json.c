/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * json — writing JSON strings and parsing JSON documents (see
 * include/gloss/json.h).  The parser is a recursive descent over the bytes
 * with the position of the current line kept, so an error can name its
 * line and column without a second pass.
 */
#include "gloss/gloss.h"

#include <math.h>

#include "gloss/json.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

/* ------------------------------------------------------------------ */
/* Writing */

void
json_string(struct strbuf *out, const char *s)
{
	size_t n = strlen(s), i = 0;

	strbuf_addc(out, '"');
	while (i < n) {
		uint32_t cp = (unsigned char)s[i];
		size_t len = cp < 0x80 ? 1 : (size_t)text_decode(s + i, n - i, &cp);

		if (cp == '"' || cp == '\\')
			strbuf_addf(out, "\\%c", (char)cp);
		else if (cp == '\n')
			strbuf_adds(out, "\\n");
		else if (cp == '\t')
			strbuf_adds(out, "\\t");
		else if (cp == '\r')
			strbuf_adds(out, "\\r");
		else if (text_export_escaped(cp))	/* controls and bidi controls stay visible */
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

/* ------------------------------------------------------------------ */
/* Parsing */

struct parser {
	const char *s;
	size_t n, i;
	unsigned line;
	size_t line_start;
	unsigned depth;
};

static unsigned
column_of(const struct parser *p, size_t at)
{
	unsigned col = 1;

	for (size_t k = p->line_start; k < at && k < p->n; k++)
		col += ((unsigned char)p->s[k] & 0xC0) != 0x80;
	return col;
}

static enum gloss_status GLOSS_PRINTF(2, 3)
fail(const struct parser *p, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return error_set(GLOSS_EPARSE, "line %u, column %u: %s", p->line, column_of(p, p->i), msg);
}

static void
skip_ws(struct parser *p)
{
	while (p->i < p->n) {
		char c = p->s[p->i];

		if (c == '\n') {
			p->line++;
			p->line_start = p->i + 1;
		} else if (c != ' ' && c != '\t' && c != '\r') {
			return;
		}
		p->i++;
	}
}

static enum gloss_status parse_value(struct parser *p, struct json_value *v);

static enum gloss_status
parse_literal(struct parser *p, struct json_value *v)
{
	static const struct { const char *word; enum json_type type; bool b; } lits[] = {
		{ "true", JSON_BOOL, true }, { "false", JSON_BOOL, false }, { "null", JSON_NULL, false },
	};

	for (size_t k = 0; k < GLOSS_ARRAY_SIZE(lits); k++) {
		size_t len = strlen(lits[k].word);

		if (p->n - p->i >= len && memcmp(p->s + p->i, lits[k].word, len) == 0) {
			v->type = lits[k].type;
			v->boolean = lits[k].b;
			p->i += len;
			return GLOSS_OK;
		}
	}
	return fail(p, "unexpected character '%c'", p->s[p->i]);
}

static size_t
digits(const struct parser *p, size_t i)
{
	while (i < p->n && p->s[i] >= '0' && p->s[i] <= '9')
		i++;
	return i;
}

static enum gloss_status
parse_number(struct parser *p, struct json_value *v)
{
	size_t i = p->i, d;
	char buf[64];

	if (i < p->n && p->s[i] == '-')
		i++;
	d = digits(p, i);
	if (d == i || (p->s[i] == '0' && d > i + 1))
		return fail(p, "invalid number");
	i = d;
	if (i < p->n && p->s[i] == '.') {
		if ((d = digits(p, i + 1)) == i + 1)
			return fail(p, "invalid number");
		i = d;
	}
	if (i < p->n && (p->s[i] == 'e' || p->s[i] == 'E')) {
		i++;
		if (i < p->n && (p->s[i] == '+' || p->s[i] == '-'))
			i++;
		if ((d = digits(p, i)) == i)
			return fail(p, "invalid number");
		i = d;
	}
	if (i - p->i >= sizeof buf)
		return fail(p, "number too long");
	memcpy(buf, p->s + p->i, i - p->i);
	buf[i - p->i] = '\0';
	v->type = JSON_NUMBER;
	v->number = strtod(buf, NULL);
	if (!isfinite(v->number))
		return fail(p, "number out of range");
	p->i = i;
	return GLOSS_OK;
}

static bool
hex4(const char *s, uint32_t *out)
{
	uint32_t v = 0;

	for (int k = 0; k < 4; k++) {
		char c = s[k];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (uint32_t)(c - 'A' + 10);
		else
			return false;
	}
	*out = v;
	return true;
}

/* Reads \uXXXX (and a low surrogate after a high one) at p->i (after the 'u'). */
static enum gloss_status
parse_u_escape(struct parser *p, struct strbuf *sb)
{
	uint32_t cp, lo;

	if (p->n - p->i < 4 || !hex4(p->s + p->i, &cp))
		return fail(p, "invalid \\u escape");
	p->i += 4;
	if (cp >= 0xD800 && cp <= 0xDBFF) {
		if (p->n - p->i < 6 || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u' ||
		    !hex4(p->s + p->i + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF)
			return fail(p, "unpaired surrogate in \\u escape");
		p->i += 6;
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
	} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
		return fail(p, "unpaired surrogate in \\u escape");
	}
	if (cp == 0)
		return fail(p, "NUL character in a string");
	strbuf_addcp(sb, cp);
	return GLOSS_OK;
}

static enum gloss_status
parse_escape(struct parser *p, struct strbuf *sb)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *at;
	char c;

	if (++p->i >= p->n)
		return fail(p, "unterminated string");
	c = p->s[p->i++];
	if (c == 'u')
		return parse_u_escape(p, sb);
	if (c == '\0' || (at = strchr(from, c)) == NULL) {
		p->i--;
		return fail(p, "invalid escape '\\%c'", c);
	}
	strbuf_addc(sb, to[at - from]);
	return GLOSS_OK;
}

/* Parses a string at p->i (the opening quote) into a new C string. */
static enum gloss_status
parse_string(struct parser *p, char **out)
{
	struct strbuf sb = STRBUF_INIT;
	enum gloss_status rc = GLOSS_OK;

	p->i++;
	while (rc == GLOSS_OK) {
		unsigned char c;
		int len;

		if (p->i >= p->n) {
			rc = fail(p, "unterminated string");
			break;
		}
		c = (unsigned char)p->s[p->i];
		if (c == '"')
			break;
		if (c == '\\') {
			rc = parse_escape(p, &sb);
		} else if (c < 0x20) {
			rc = fail(p, "control character in a string (escape it)");
		} else if (c < 0x80) {
			strbuf_addc(&sb, (char)c);
			p->i++;
		} else if ((len = text_cplen(p->s + p->i, p->n - p->i)) <= 0 ||
		    !text_valid(p->s + p->i, (size_t)len)) {
			rc = fail(p, "invalid UTF-8");
		} else {
			strbuf_add(&sb, p->s + p->i, (size_t)len);
			p->i += (size_t)len;
		}
	}
	if (rc != GLOSS_OK) {
		strbuf_done(&sb);
		return rc;
	}
	p->i++;
	*out = strbuf_detach(&sb, NULL);
	return GLOSS_OK;
}

/* Appends a zeroed item to v's items (and a key slot for objects). */
static struct json_value *
push_item(struct json_value *v, size_t *cap)
{
	if (v->n == *cap) {
		*cap = *cap ? 2 * *cap : 4;
		v->items = xreallocarray(v->items, *cap, sizeof *v->items);
		if (v->type == JSON_OBJECT)
			v->keys = xreallocarray(v->keys, *cap, sizeof *v->keys);
	}
	memset(&v->items[v->n], 0, sizeof v->items[v->n]);
	if (v->type == JSON_OBJECT)
		v->keys[v->n] = NULL;
	return &v->items[v->n++];
}

static enum gloss_status
parse_member(struct parser *p, struct json_value *v, size_t *cap)
{
	enum gloss_status rc;
	size_t at;
	char *key;

	skip_ws(p);
	if (p->i >= p->n || p->s[p->i] != '"')
		return fail(p, "expected a string (a member name)");
	at = p->i;
	if ((rc = parse_string(p, &key)) != GLOSS_OK)
		return rc;
	if (json_get(v, key) != NULL) {
		p->i = at;	/* the message names the member's start */
		rc = fail(p, "duplicate member \"%.40s\"", key);
		free(key);
		return rc;
	}
	push_item(v, cap);
	v->keys[v->n - 1] = key;
	skip_ws(p);
	if (p->i >= p->n || p->s[p->i] != ':')
		return fail(p, "expected ':' after a member name");
	p->i++;
	return parse_value(p, &v->items[v->n - 1]);
}

/* Parses an array or an object (p->i at the bracket). */
static enum gloss_status
parse_container(struct parser *p, struct json_value *v, bool object)
{
	char close = object ? '}' : ']';
	size_t cap = 0;
	enum gloss_status rc;

	v->type = object ? JSON_OBJECT : JSON_ARRAY;
	if (++p->depth > JSON_MAX_DEPTH)
		return fail(p, "nesting deeper than %d levels", JSON_MAX_DEPTH);
	p->i++;
	skip_ws(p);
	if (p->i < p->n && p->s[p->i] == close) {
		p->i++;
		p->depth--;
		return GLOSS_OK;
	}
	for (;;) {
		rc = object ? parse_member(p, v, &cap) : parse_value(p, push_item(v, &cap));
		if (rc != GLOSS_OK)
			return rc;
		skip_ws(p);
		if (p->i < p->n && p->s[p->i] == ',') {
			p->i++;
			continue;
		}
		if (p->i < p->n && p->s[p->i] == close)
			break;
		return fail(p, "expected ',' or '%c'", close);
	}
	p->i++;
	p->depth--;
	return GLOSS_OK;
}

static enum gloss_status
parse_value(struct parser *p, struct json_value *v)
{
	char c;

	skip_ws(p);
	v->line = p->line;
	v->column = column_of(p, p->i);
	if (p->i >= p->n)
		return fail(p, "unexpected end of input");
	c = p->s[p->i];
	if (c == '{' || c == '[')
		return parse_container(p, v, c == '{');
	if (c == '"') {
		v->type = JSON_STRING;
		return parse_string(p, &v->string);
	}
	if (c == '-' || (c >= '0' && c <= '9'))
		return parse_number(p, v);
	return parse_literal(p, v);
}

static void
value_done(struct json_value *v)
{
	for (size_t k = 0; k < v->n; k++) {
		value_done(&v->items[k]);
		if (v->keys)
			free(v->keys[k]);
	}
	free(v->items);
	free(v->keys);
	free(v->string);
}

void
json_free(struct json_value *v)
{
	if (v == NULL)
		return;
	value_done(v);
	free(v);
}

enum gloss_status
json_parse(const char *s, size_t n, struct json_value **out)
{
	struct parser p = { .s = s, .n = n, .line = 1 };
	struct json_value *v = xcalloc(1, sizeof *v);
	enum gloss_status rc = parse_value(&p, v);

	if (rc == GLOSS_OK) {
		skip_ws(&p);
		if (p.i < p.n)
			rc = fail(&p, "unexpected text after the JSON value");
	}
	if (rc != GLOSS_OK) {
		json_free(v);
		v = NULL;
	}
	*out = v;
	return rc;
}

/* ------------------------------------------------------------------ */
/* Access */

const struct json_value *
json_get(const struct json_value *v, const char *key)
{
	if (v == NULL || v->type != JSON_OBJECT)
		return NULL;
	for (size_t k = 0; k < v->n; k++)
		if (v->keys[k] && strcmp(v->keys[k], key) == 0)
			return &v->items[k];
	return NULL;
}

const char *
json_str(const struct json_value *v)
{
	return v && v->type == JSON_STRING ? v->string : NULL;
}

const char *
json_type_name(enum json_type t)
{
	static const char *const names[] = { "null", "boolean", "number", "string", "array", "object" };

	return (unsigned)t < GLOSS_ARRAY_SIZE(names) ? names[t] : "?";
}

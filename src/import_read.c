/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * import_read — the shapes of annotation JSON that gloss reads (see
 * include/gloss/import.h and src/import_int.h): the containers around the
 * annotations (arrays, AnnotationPage, AnnotationCollection, Hypothesis
 * search results and exports), and in each annotation its targets and
 * selectors, bodies, tags, times and colour.  What cannot be used is said
 * per annotation; nothing here touches the store or a file.
 */
#include "gloss/gloss.h"

#include <stdarg.h>

#include "gloss/export.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "import_int.h"

/* An annotation being read: what every one of its targets shares. */
struct anno {
	size_t number;
	struct strbuf note;
	char **tags;
	size_t ntags;
	const char *title;
	const char *uri;		/* Hypothesis: the annotated page */
	const char *creator;		/* "creator" (name, nickname or IRI) or Hypothesis's "user" */
	enum store_color color;
	bool has_created;
	int64_t created, modified;
	bool tagging;			/* the annotation's motivation is tagging only */
};

/* What the selectors of one target give. */
struct sel {
	const struct json_value *quote;	/* the first TextQuoteSelector */
	const struct json_value *first;	/* one marked "gloss:state": "first": the quote as made */
	bool has_pos;
	uint64_t start, end;
	struct strbuf kinds;		/* selector types seen that gloss cannot use */
	const char *bad;		/* why a usable-looking selector is not (static text) */
};

void
import_say(struct import_read *r, size_t number, bool rejected, const char *fmt, ...)
{
	va_list ap;
	struct strbuf sb = STRBUF_INIT;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	r->msgs = xreallocarray(r->msgs, r->nmsgs + 1, sizeof *r->msgs);
	r->msgs[r->nmsgs++] = (struct import_msg){ number, rejected, strbuf_detach(&sb, NULL) };
}

/* ------------------------------------------------------------------ */
/* Small readers */

/* True if v (a string, or an array of strings) names one of the IRIs or terms of name. */
static bool
has_type(const struct json_value *v, const char *name)
{
	const char *s;
	char full[80];

	if (v == NULL)
		return false;
	if (v->type == JSON_ARRAY) {
		for (size_t k = 0; k < v->n; k++)
			if (has_type(&v->items[k], name))
				return true;
		return false;
	}
	if ((s = json_str(v)) == NULL)
		return false;
	snprintf(full, sizeof full, "http://www.w3.org/ns/oa#%s", name);
	return strcmp(s, name) == 0 || (strncmp(s, "oa:", 3) == 0 && strcmp(s + 3, name) == 0) ||
	    strcmp(s, full) == 0;
}

static const struct json_value *
type_of(const struct json_value *v)
{
	const struct json_value *t = json_get(v, "type");

	return t ? t : json_get(v, "@type");
}

static bool
is_a(const struct json_value *v, const char *name)
{
	return v && v->type == JSON_OBJECT && has_type(type_of(v), name);
}

/* A whole number in [0, STORE_POSITION_MAX]. */
static bool
get_pos(const struct json_value *v, uint64_t *out)
{
	if (v == NULL || v->type != JSON_NUMBER || v->number < 0 || v->number > (double)STORE_POSITION_MAX ||
	    v->number != (double)(uint64_t)v->number)
		return false;
	*out = (uint64_t)v->number;
	return true;
}

static char *
nfc_dup(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	text_nfc(s, strlen(s), &sb);
	return strbuf_detach(&sb, NULL);
}

/* The first string of v (a string, or an array whose first item is one). */
static const char *
first_str(const struct json_value *v)
{
	if (v && v->type == JSON_ARRAY && v->n > 0)
		v = &v->items[0];
	return json_str(v);
}

/* ------------------------------------------------------------------ */
/* Bodies, tags, times */

static void
add_tag(struct import_read *r, struct anno *a, const char *raw)
{
	const char *p = raw;

	for (;;) {	/* Hypothesis allows commas, gloss's tags do not: one tag each */
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		char *one = xstrndup(p, len), *name, *key;

		if (store_tag_normalize(one, &name, &key) == GLOSS_OK) {
			a->tags = xreallocarray(a->tags, a->ntags + 1, sizeof *a->tags);
			a->tags[a->ntags++] = name;
			free(key);
		} else if (strspn(one, " \t\n\r") < len) {
			import_say(r, a->number, false, "tag \"%.60s\" left out: %s", one,
			    error_last(GLOSS_EUSAGE));
			error_clear();
		} else {
			error_clear();
		}
		free(one);
		if (comma == NULL)
			break;
		p = comma + 1;
	}
}

static void
add_note(struct anno *a, const char *text)
{
	if (text == NULL || text[strspn(text, " \t\n\r")] == '\0')
		return;
	if (a->note.len)
		strbuf_adds(&a->note, "\n\n");
	strbuf_adds(&a->note, text);
}

static bool
purpose_is(const struct json_value *b, const char *purpose)
{
	const struct json_value *p = json_get(b, "purpose");

	return has_type(p, purpose);
}

/* One body: a tag, a part of the note, or an IRI (kept in the note as a link). */
static void
read_body(struct import_read *r, struct anno *a, const struct json_value *b)
{
	const char *value = json_str(json_get(b, "value")), *iri;

	if (json_str(b)) {	/* a body given as an IRI */
		strbuf_addf(&a->note, "%s<%s>", a->note.len ? "\n\n" : "", json_str(b));
		return;
	}
	if (is_a(b, "Choice") && json_get(b, "items") && json_get(b, "items")->type == JSON_ARRAY &&
	    json_get(b, "items")->n > 0) {
		read_body(r, a, &json_get(b, "items")->items[0]);	/* the first of the choices */
		return;
	}
	if (value && (purpose_is(b, "tagging") || (a->tagging && json_get(b, "purpose") == NULL))) {
		add_tag(r, a, value);
		return;
	}
	if (value) {
		add_note(a, value);
		return;
	}
	iri = json_str(json_get(b, "id"));
	if (iri == NULL)
		iri = json_str(json_get(b, "source"));
	if (iri)
		strbuf_addf(&a->note, "%s<%s>", a->note.len ? "\n\n" : "", iri);
}

static void
read_bodies(struct import_read *r, struct anno *a, const struct json_value *v)
{
	const struct json_value *body = json_get(v, "body");

	if (body && body->type == JSON_ARRAY) {
		for (size_t k = 0; k < body->n; k++)
			read_body(r, a, &body->items[k]);
	} else if (body) {
		read_body(r, a, body);
	}
	add_note(a, json_str(json_get(v, "bodyValue")));
	add_note(a, json_str(json_get(v, "text")));	/* Hypothesis */
	if (json_get(v, "tags") && json_get(v, "tags")->type == JSON_ARRAY)
		for (size_t k = 0; k < json_get(v, "tags")->n; k++)
			if (json_str(&json_get(v, "tags")->items[k]))
				add_tag(r, a, json_get(v, "tags")->items[k].string);
}

/* A time field; false (with the annotation rejected) if it is there but not a time. */
static bool
read_time(struct import_read *r, struct anno *a, const struct json_value *v, const char *key,
    int64_t *t, bool *has)
{
	const struct json_value *f = json_get(v, key);

	if (f == NULL)
		return true;
	if (json_str(f) == NULL || !export_parse_time(f->string, t)) {
		import_say(r, a->number, true, "\"%s\" is not an RFC 3339 time (like "
		    "2024-01-31T12:00:00Z)", key);
		return false;
	}
	if (has)
		*has = true;
	return true;
}

static bool
read_times(struct import_read *r, struct anno *a, const struct json_value *v)
{
	bool has_mod = false;

	if (!read_time(r, a, v, "created", &a->created, &a->has_created) ||
	    !read_time(r, a, v, "modified", &a->modified, &has_mod) ||
	    (!has_mod && !read_time(r, a, v, "updated", &a->modified, &has_mod)))
		return false;
	if (!a->has_created && has_mod) {
		a->created = a->modified;
		a->has_created = true;
	}
	if (!has_mod)
		a->modified = a->created;
	return true;
}

/* ------------------------------------------------------------------ */
/* Selectors */

static void
seen_kind(struct sel *s, const struct json_value *v)
{
	const char *t = first_str(type_of(v));

	if (t && strstr(s->kinds.buf ? s->kinds.buf : "", t) == NULL)
		strbuf_addf(&s->kinds, "%s%s", s->kinds.len ? ", " : "", t);
}

static void
position(struct sel *s, const struct json_value *v)
{
	uint64_t a, z;

	if (!get_pos(json_get(v, "start"), &a) || !get_pos(json_get(v, "end"), &z) || z <= a) {
		s->bad = "a TextPositionSelector needs whole numbers start < end";
		return;
	}
	if (!s->has_pos) {
		s->has_pos = true;
		s->start = a;
		s->end = z;
	}
}

static void read_selector(struct sel *s, const struct json_value *v);

/* A W3C RangeSelector of two TextPositionSelectors: from the start of one to the start of the other. */
static void
range(struct sel *s, const struct json_value *v)
{
	const struct json_value *a = json_get(v, "startSelector"), *z = json_get(v, "endSelector");
	uint64_t sa, sz;

	if (!is_a(a, "TextPositionSelector") || !is_a(z, "TextPositionSelector")) {
		seen_kind(s, v);	/* Hypothesis's (XPath) or another kind: not for a text file */
		return;
	}
	if (get_pos(json_get(a, "start"), &sa) && get_pos(json_get(z, "start"), &sz) && sz > sa &&
	    !s->has_pos) {
		s->has_pos = true;
		s->start = sa;
		s->end = sz;
	}
}

static void
read_selector(struct sel *s, const struct json_value *v)
{
	const char *value;

	if (v->type == JSON_ARRAY) {
		for (size_t k = 0; k < v->n; k++)
			read_selector(s, &v->items[k]);
		return;
	}
	if (v->type != JSON_OBJECT)
		return;
	value = json_str(json_get(v, "value"));
	if (is_a(v, "TextQuoteSelector")) {
		if (json_str(json_get(v, "exact")) == NULL || json_get(v, "exact")->string[0] == '\0')
			s->bad = "a TextQuoteSelector needs a non-empty \"exact\"";
		else if (json_str(json_get(v, "gloss:state")) &&
		    strcmp(json_get(v, "gloss:state")->string, "first") == 0)
			s->first = s->first ? s->first : v;
		else if (s->quote == NULL)
			s->quote = v;
	} else if (is_a(v, "TextPositionSelector")) {
		position(s, v);
	} else if (is_a(v, "FragmentSelector") && value && import_source_fragment(value, &s->start,
	    &s->end) && !s->has_pos) {
		s->has_pos = true;	/* RFC 5147: char=S,E */
	} else if (is_a(v, "RangeSelector")) {
		range(s, v);
	} else {
		seen_kind(s, v);
	}
	if (json_get(v, "refinedBy"))
		read_selector(s, json_get(v, "refinedBy"));
}

/* ------------------------------------------------------------------ */
/* Targets */

/* The source of a target object: "source" (an IRI or an object with an id), else its "id". */
static const char *
target_source(const struct json_value *t, const struct anno *a)
{
	const struct json_value *src = json_get(t, "source");
	const char *s = json_str(src);

	if (s == NULL && src && src->type == JSON_OBJECT)
		s = json_str(json_get(src, "id"));
	if (s == NULL)
		s = json_str(json_get(t, "id"));	/* an external resource (no selector, as a rule) */
	if (s == NULL)
		s = a->uri;	/* Hypothesis: target[].source may be left out */
	return s;
}

static void
copy_shared(struct import_item *it, const struct anno *a)
{
	it->number = a->number;
	it->title = a->title;
	it->color = a->color;
	it->has_created = a->has_created;
	it->created = a->created;
	it->modified = a->modified;
	it->note = a->note.len ? xstrdup(a->note.buf) : NULL;
	it->tags = xcalloc(a->ntags + 1, sizeof *it->tags);
	for (size_t k = 0; k < a->ntags; k++)
		it->tags[k] = xstrdup(a->tags[k]);
	it->ntags = a->ntags;
	it->creator = a->creator ? xstrdup(a->creator) : NULL;
}

static void
add_item(struct import_read *r, const struct import_item *it)
{
	r->items = xreallocarray(r->items, r->nitems + 1, sizeof *r->items);
	r->items[r->nitems++] = *it;
}

/* One target; NULL on success, else why it cannot be used (static text, or in *why). */
static const char *
read_target(struct import_read *r, const struct anno *a, const struct json_value *t,
    struct strbuf *why)
{
	struct import_item it = { 0 };
	struct sel s = { .kinds = STRBUF_INIT };
	const char *src = json_str(t);

	if (src == NULL && t->type != JSON_OBJECT)
		return "the target is neither an IRI nor an object";
	if (src == NULL) {
		src = target_source(t, a);
		if (json_get(t, "selector"))
			read_selector(&s, json_get(t, "selector"));
		it.sha256 = json_str(json_get(t, "gloss:sha256"));
		if (json_str(json_get(t, "gloss:title")))
			it.title = json_str(json_get(t, "gloss:title"));
	}
	if (src == NULL) {
		strbuf_done(&s.kinds);
		return "the target names no source";
	}
	if (!s.has_pos && import_source_fragment(src, &s.start, &s.end))
		s.has_pos = true;	/* file:///x.txt#char=10,20 */
	if (s.quote == NULL && !s.has_pos) {
		if (s.bad)
			strbuf_adds(why, s.bad);
		else if (s.kinds.len)
			strbuf_addf(why, "no TextQuoteSelector or TextPositionSelector (only %s)", s.kinds.buf);
		else
			strbuf_adds(why, "the target has no selector: a note on the whole document, not on a passage");
		strbuf_done(&s.kinds);
		return NULL;
	}
	strbuf_done(&s.kinds);
	copy_shared(&it, a);
	if (json_str(json_get(t, "gloss:title")))
		it.title = json_str(json_get(t, "gloss:title"));
	it.source = src;
	if (s.quote) {
		it.exact = nfc_dup(json_str(json_get(s.quote, "exact")));
		it.prefix = json_str(json_get(s.quote, "prefix")) ? nfc_dup(json_get(s.quote, "prefix")->string) : NULL;
		it.suffix = json_str(json_get(s.quote, "suffix")) ? nfc_dup(json_get(s.quote, "suffix")->string) : NULL;
	}
	if (s.first) {
		it.first_exact = nfc_dup(json_str(json_get(s.first, "exact")));
		it.first_prefix = nfc_dup(json_str(json_get(s.first, "prefix")) ? json_get(s.first, "prefix")->string : "");
		it.first_suffix = nfc_dup(json_str(json_get(s.first, "suffix")) ? json_get(s.first, "suffix")->string : "");
	}
	it.has_pos = s.has_pos;
	it.cp_start = s.start;
	it.cp_end = s.end;
	add_item(r, &it);
	return NULL;
}

/* The targets of an annotation; false if none could be used. */
static bool
read_targets(struct import_read *r, const struct anno *a, const struct json_value *v)
{
	const struct json_value *t = json_get(v, "target");
	size_t n = t && t->type == JSON_ARRAY ? t->n : 1, before = r->nitems;
	struct strbuf why = STRBUF_INIT, all = STRBUF_INIT;

	if (t == NULL) {
		import_say(r, a->number, true, "no \"target\": nothing to anchor it to");
		return false;
	}
	for (size_t k = 0; k < n; k++) {
		const char *bad;

		strbuf_reset(&why);
		bad = read_target(r, a, t->type == JSON_ARRAY ? &t->items[k] : t, &why);
		if (bad || why.len)
			strbuf_addf(&all, "%s%s", all.len ? "; " : "", bad ? bad : why.buf);
		if ((bad || why.len) && n > 1 && r->nitems > before)
			import_say(r, a->number, false, "target %zu left out: %s", k + 1, bad ? bad : why.buf);
	}
	if (r->nitems == before)
		import_say(r, a->number, true, "%s", all.len ? all.buf : "no usable target");
	strbuf_done(&why);
	strbuf_done(&all);
	return r->nitems > before;
}

/* ------------------------------------------------------------------ */
/* Annotations */

/*
 * Who made it: "creator" as an IRI, or an agent's name, nickname or id (the
 * first of an array); Hypothesis's "user" ("acct:name@host", without acct:).
 */
static const char *
creator_of(const struct json_value *v)
{
	const struct json_value *c = json_get(v, "creator");
	const char *s;

	if (c && c->type == JSON_ARRAY)
		c = c->n ? &c->items[0] : NULL;
	if ((s = json_str(c)) == NULL && c && c->type == JSON_OBJECT &&
	    (s = json_str(json_get(c, "name"))) == NULL &&
	    (s = json_str(json_get(c, "nickname"))) == NULL)
		s = json_str(json_get(c, "id"));
	if (s == NULL && (s = json_str(json_get(v, "user"))) != NULL && strncmp(s, "acct:", 5) == 0)
		s += 5;
	return s && *s ? s : NULL;
}

static bool
annotation_like(const struct json_value *v)
{
	const struct json_value *t = type_of(v);

	if (v->type != JSON_OBJECT)
		return false;
	return t ? has_type(t, "Annotation") : json_get(v, "target") != NULL;
}

static bool
is_reply(const struct json_value *v)
{
	const struct json_value *refs = json_get(v, "references");

	return refs && refs->type == JSON_ARRAY && refs->n > 0;
}

static bool
has_selector(const struct json_value *target)
{
	if (target == NULL)
		return false;
	if (target->type == JSON_ARRAY) {
		for (size_t k = 0; k < target->n; k++)
			if (has_selector(&target->items[k]))
				return true;
		return false;
	}
	return json_get(target, "selector") != NULL || (json_str(target) && strstr(target->string, "#char="));
}

static void
anno_done(struct anno *a)
{
	strbuf_done(&a->note);
	for (size_t k = 0; k < a->ntags; k++)
		free(a->tags[k]);
	free(a->tags);
}

static void
read_annotation(struct import_read *r, const struct json_value *v)
{
	struct anno a = { .number = ++r->annotations, .note = STRBUF_INIT, .color = STORE_COLOR_DEFAULT };
	const char *color = json_str(json_get(v, "gloss:color"));
	const struct json_value *mot = json_get(v, "motivation");

	if (!annotation_like(v)) {
		if (v->type == JSON_OBJECT)
			import_say(r, a.number, true, "not an annotation (an object with neither \"type\": "
			    "\"Annotation\" nor a \"target\")");
		else
			import_say(r, a.number, true, "not an annotation but a %s", json_type_name(v->type));
		return;
	}
	if (is_reply(v) && !has_selector(json_get(v, "target"))) {
		import_say(r, a.number, true, "a reply to another annotation: gloss keeps no threads");
		return;
	}
	a.tagging = mot && has_type(mot, "tagging") && !(mot->type == JSON_ARRAY && mot->n > 1);
	a.uri = json_str(json_get(v, "uri"));
	a.creator = creator_of(v);
	a.title = first_str(json_get(json_get(v, "document"), "title"));
	if (color && !store_color_parse(color, &a.color))
		import_say(r, a.number, false, "unknown colour \"%.40s\": yellow", color);
	if (read_times(r, &a, v)) {
		read_bodies(r, &a, v);
		read_targets(r, &a, v);
	}
	anno_done(&a);
}

/* ------------------------------------------------------------------ */
/* Containers */

static void
walk_items(struct import_read *r, const struct json_value *items)
{
	for (size_t k = 0; items && items->type == JSON_ARRAY && k < items->n; k++)
		read_annotation(r, &items->items[k]);
}

/* A page and the pages embedded after it ("next" objects); an IRI is not fetched. */
static void
walk_page(struct import_read *r, const struct json_value *page)
{
	while (page && page->type == JSON_OBJECT) {
		const struct json_value *next = json_get(page, "next");

		walk_items(r, json_get(page, "items"));
		if (json_str(next))
			import_say(r, r->annotations, false, "the next page (%.200s) is not in the file: "
			    "not read", next->string);
		page = next;
	}
}

static enum gloss_status
walk(struct import_read *r, const struct json_value *v)
{
	const struct json_value *first = json_get(v, "first");

	if (v->type == JSON_ARRAY) {
		walk_items(r, v);
	} else if (v->type == JSON_OBJECT && annotation_like(v)) {
		read_annotation(r, v);
	} else if (is_a(v, "AnnotationPage") || (v->type == JSON_OBJECT && json_get(v, "items") &&
	    !is_a(v, "AnnotationCollection"))) {
		walk_page(r, v);
	} else if (is_a(v, "AnnotationCollection")) {
		walk_items(r, json_get(v, "items"));
		if (json_str(first))
			import_say(r, r->annotations, false, "the collection's first page (%.200s) is not "
			    "in the file: not read", first->string);
		walk_page(r, first);
	} else if (json_get(v, "rows")) {	/* Hypothesis: /api/search */
		walk_items(r, json_get(v, "rows"));
		walk_items(r, json_get(v, "replies"));
	} else if (json_get(v, "annotations")) {	/* Hypothesis: the client's export */
		walk_items(r, json_get(v, "annotations"));
	} else {
		return error_set(GLOSS_EPARSE, "line %u, column %u: not an annotation, an array of them, an "
		    "AnnotationPage or an AnnotationCollection", v->line, v->column);
	}
	return GLOSS_OK;
}

enum gloss_status
import_read_json(const struct json_value *root, struct import_read *out)
{
	memset(out, 0, sizeof *out);
	return walk(out, root);
}

void
import_read_done(struct import_read *r)
{
	for (size_t k = 0; k < r->nitems; k++) {
		struct import_item *it = &r->items[k];

		free(it->exact);
		free(it->prefix);
		free(it->suffix);
		free(it->first_exact);
		free(it->first_prefix);
		free(it->first_suffix);
		free(it->creator);
		free(it->note);
		for (size_t t = 0; t < it->ntags; t++)
			free(it->tags[t]);
		free(it->tags);
	}
	for (size_t k = 0; k < r->nmsgs; k++)
		free(r->msgs[k].text);
	free(r->items);
	free(r->msgs);
	memset(r, 0, sizeof *r);
}

/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * export — gathering annotations for an export (see include/gloss/export.h):
 * which highlights, in which order, and what each document tells about
 * them (title, author, date; section, paragraph, percentage; the code-point
 * offsets of the W3C selectors).  Rendering is in export_md.c and
 * export_json.c; the default path of the reader's E is here too.
 */
#include "gloss/gloss.h"

#include <pwd.h>
#include <time.h>
#include <unistd.h>

#include "export_int.h"
#include "gloss/annot.h"
#include "gloss/doc.h"
#include "gloss/meta.h"
#include "gloss/notes.h"
#include "gloss/options.h"
#include "gloss/locator.h"
#include "gloss/srcmap.h"
#include "gloss/xmalloc.h"

/* A document to export with what is open of it. */
struct source {
	int64_t id;
	struct doc *doc;		/* NULL when the file cannot be read */
	struct annot_doc *ad;
};

struct gather {
	struct store *st;
	const struct export_options *o;
	struct source *src;
	size_t nsrc;
};

/* ------------------------------------------------------------------ */
/* Documents */

static enum gloss_status
open_doc(const char *path, struct doc **doc)
{

	return doc_open_default(path, opt_force, doc);
}

/*
 * The document's title, author and date: the one place that asks for them
 * (the meta module), with the stored title when the file cannot be read.
 */
static void
doc_meta(struct doc *doc, const char *fallback_title, struct export_meta *m)
{
	struct meta mt;

	m->author = m->date = m->url = m->lang = NULL;
	if (doc == NULL) {
		m->title = xstrdup(fallback_title ? fallback_title : "Untitled");
		return;
	}
	meta_read(doc, &mt);
	m->title = mt.title;
	m->author = mt.author;
	m->date = mt.date;
	m->url = mt.url;
	m->lang = mt.lang;
}

/* Attaches path; *src gets the open document (or an error for a named file). */
static enum gloss_status
attach(struct store *st, const char *path, struct source *src)
{
	enum gloss_status rc = open_doc(path, &src->doc);

	if (rc == GLOSS_OK)
		rc = annot_attach(st, src->doc, ANNOT_NOW, &src->ad);
	if (rc == GLOSS_OK)
		src->id = annot_doc_id(src->ad);
	return rc;
}

static void
source_done(struct source *s)
{
	annot_detach(s->ad);
	doc_free(s->doc);
	s->ad = NULL;
	s->doc = NULL;
}

/* ------------------------------------------------------------------ */
/* Choosing highlights */

static int
hl_cmp(const void *pa, const void *pb)
{
	const struct store_annotation *a = &((const struct export_hl *)pa)->a;
	const struct store_annotation *b = &((const struct export_hl *)pb)->a;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->created != b->created)
		return a->created < b->created ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* Moves the wanted annotations of document d->id into d->hl, sorted. */
static enum gloss_status
load_highlights(struct gather *g, struct export_doc *d)
{
	struct store_list l = { 0 };
	struct store_filter f = { .doc_id = d->id, .tags = g->o->tags, .ntags = g->o->ntags,
	    .color = g->o->color, .since = g->o->since };
	enum gloss_status rc = store_query(g->st, &f, &l);

	if (rc != GLOSS_OK)
		return rc;
	d->hl = xcalloc(l.n ? l.n : 1, sizeof *d->hl);
	for (size_t i = 0; i < l.n; i++) {
		d->hl[d->n++].a = l.v[i];
		memset(&l.v[i], 0, sizeof l.v[i]);
	}
	store_list_free(&l);
	qsort(d->hl, d->n, sizeof *d->hl, hl_cmp);
	return GLOSS_OK;
}

/* ------------------------------------------------------------------ */
/* Where each highlight sits */

/* d's copy of a section heading (highlights come in order: the last one, or a new one). */
static const char *
section_of(struct export_doc *d, const char *heading)
{
	if (d->nheadings == 0 || strcmp(d->headings[d->nheadings - 1], heading) != 0) {
		d->headings = xreallocarray(d->headings, d->nheadings + 1, sizeof *d->headings);
		d->headings[d->nheadings++] = xstrdup(heading);
	}
	return d->headings[d->nheadings - 1];
}

/* Code points in text[from..to), counting from a known point. */
static uint64_t
count_cps(const char *text, uint64_t from, uint64_t to)
{
	uint64_t c = 0;

	for (uint64_t i = from; i < to; i++)
		c += ((unsigned char)text[i] & 0xC0) != 0x80;
	return c;
}

/* The index in d->notes of note k of the scan, added with its full text if new. */
static size_t
add_note(struct export_doc *d, const struct notes *notes, int k, int *map)
{
	const struct notes_note *nn = notes_note(notes, (size_t)k);
	int base = notes_resolve(notes, k);
	struct export_note *e;
	size_t same = 0;

	if (map[k] >= 0)
		return (size_t)map[k];
	for (size_t i = 0; i < d->nnotes; i++)
		same += strcmp(d->notes[i].label, nn->label) == 0;
	d->notes = xreallocarray(d->notes, d->nnotes + 1, sizeof *d->notes);
	e = &d->notes[d->nnotes];
	e->label = same ? xasprintf("%s-%zu", nn->label, same + 1) : xstrdup(nn->label);
	e->text = base != k ? xasprintf("%s (%s)", nn->text, notes_note(notes, (size_t)base)->text)
	    : xstrdup(nn->text);
	map[k] = (int)d->nnotes;
	return d->nnotes++;
}

/* The notes cited by markers inside highlight h. */
static void
cited_notes(struct export_doc *d, struct export_hl *h, const struct notes *notes, int *map)
{
	size_t nm = notes_marker_count(notes);

	for (size_t i = notes_marker_lower(notes, h->a.start); i < nm; i++) {
		const struct notes_marker *m = notes_marker(notes, i);

		if (m->start >= h->a.end)
			break;
		if (m->start < h->a.start || m->end > h->a.end || m->note < 0)
			continue;
		h->notes = xreallocarray(h->notes, h->nnotes + 1, sizeof *h->notes);
		h->notes[h->nnotes++] = add_note(d, notes, m->note, map);
	}
}

/* Where h is in the file itself: code points, and the file's own characters around it. */
static void
map_to_file(struct srcmap *m, struct export_hl *h)
{
	uint64_t sa, sz;
	struct strbuf sb = STRBUF_INIT;

	if (!srcmap_to_source(m, h->a.start, h->a.end, &sa, &sz))
		return;
	h->file_start = srcmap_cp(m, sa);
	h->file_end = srcmap_cp(m, sz);
	srcmap_append(m, sa, sz, &sb);
	h->file_exact = strbuf_detach(&sb, NULL);
	srcmap_append(m, srcmap_back(m, sa, ANCHOR_CONTEXT), sa, &sb);
	h->file_prefix = strbuf_detach(&sb, NULL);
	srcmap_append(m, sz, srcmap_fwd(m, sz, ANCHOR_CONTEXT), &sb);
	h->file_suffix = strbuf_detach(&sb, NULL);
	h->mapped = true;
}

/* Fills the location fields of d's highlights (sorted by start) from the document. */
static void
locate(struct doc *doc, struct export_doc *d)
{
	struct strbuf text = STRBUF_INIT;
	struct locator *loc;
	struct notes *notes = NULL;
	struct srcmap *sm;
	uint64_t len, at = 0, cps = 0;
	int *map;

	loc = locator_new(doc);
	d->known_format = true;
	d->format = doc_format(doc);
	len = doc_text_length(doc);
	doc_text_range(doc, 0, len, &text);
	if (notes_scan(doc, &notes) != GLOSS_OK)
		notes = NULL;
	map = xcalloc(notes ? notes_count(notes) + 1 : 1, sizeof *map);
	for (size_t k = 0; notes && k < notes_count(notes); k++)
		map[k] = -1;	/* not yet among d->notes */
	sm = srcmap_new(doc);
	for (size_t i = 0; i < d->n; i++) {
		struct export_hl *h = &d->hl[i];
		struct locator_place where = locator_at(loc, h->a.start);

		if (h->a.end > text.len || h->a.status == ANCHOR_ORPHANED)
			continue;
		if (h->a.start < at)
			at = cps = 0;
		cps += count_cps(text.buf, at, h->a.start);
		at = h->a.start;
		h->cp_start = cps;
		h->cp_end = cps + count_cps(text.buf, h->a.start, h->a.end);
		h->heading = where.heading ? section_of(d, where.heading) : NULL;
		h->paragraph = where.paragraph;
		h->percent = where.percent;
		h->located = true;
		map_to_file(sm, h);
		if (notes)
			cited_notes(d, h, notes, map);
	}
	srcmap_free(sm);
	notes_free(notes);
	free(map);
	locator_free(loc);
	strbuf_done(&text);
}

/* ------------------------------------------------------------------ */
/* Gathering */

static void
note_tags(struct export_set *set, const struct export_doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		for (size_t k = 0; k < d->hl[i].a.ntags; k++) {
			const char *t = d->hl[i].a.tags[k];
			size_t j = 0;

			while (j < set->ntags && strcmp(set->tags[j], t) != 0)
				j++;
			if (j == set->ntags) {
				set->tags = xreallocarray(set->tags, set->ntags + 1, sizeof *set->tags);
				set->tags[set->ntags++] = xstrdup(t);
			}
		}
	}
}

/* The path, SHA-256 and stored title of document id (title: caller frees). */
static enum gloss_status
doc_info(struct store *st, struct export_doc *d, char **title)
{
	struct store_doc_info info;
	enum gloss_status rc = store_doc_get(st, d->id, &info);

	if (rc != GLOSS_OK)
		return rc;
	if (d->path == NULL && info.path)
		d->path = xstrdup(info.path);
	memcpy(d->sha256, info.sha256, sizeof d->sha256);
	if (title)
		*title = info.title ? xstrdup(info.title) : NULL;
	store_doc_info_done(&info);
	return GLOSS_OK;
}

/* Fills one document of the set from the store and its file. */
static enum gloss_status
gather_doc(struct gather *g, struct source *src, struct export_doc *d)
{
	char *title = NULL;
	enum gloss_status rc;

	d->id = src->id;
	if ((rc = doc_info(g->st, d, &title)) != GLOSS_OK)
		return rc;
	if (src->doc == NULL && d->path && attach(g->st, d->path, src) == GLOSS_OK && src->id != d->id) {
		source_done(src);	/* the file there is another document now */
		src->id = d->id;
	}
	if (src->doc)
		rc = doc_info(g->st, d, NULL);	/* the SHA-256 after re-anchoring */
	doc_meta(src->doc, title, &d->meta);
	free(title);
	if (rc == GLOSS_OK)
		rc = load_highlights(g, d);
	if (rc == GLOSS_OK && src->doc)
		locate(src->doc, d);
	source_done(src);
	return rc;
}

static int
doc_cmp(const void *pa, const void *pb)
{
	const struct export_doc *a = pa, *b = pb;

	if ((a->path == NULL) != (b->path == NULL))
		return a->path == NULL ? 1 : -1;
	if (a->path && strcmp(a->path, b->path) != 0)
		return strcmp(a->path, b->path);
	return a->id < b->id ? -1 : a->id > b->id;
}

/* The sources to export: the named files, or every document with annotations. */
static enum gloss_status
choose_sources(struct gather *g)
{
	struct store_list l = { 0 };
	struct store_filter f = { .color = -1 };
	enum gloss_status rc;

	g->src = xcalloc(g->o->nfiles + 1, sizeof *g->src);
	for (size_t i = 0; i < g->o->nfiles; i++) {
		struct source *s = &g->src[g->nsrc++];

		if ((rc = attach(g->st, g->o->files[i], s)) != GLOSS_OK)
			return rc;
		if (s->id == 0)
			return error_set(GLOSS_ENOTFOUND, "%s: no annotations (the document is not in the "
			    "database)", g->o->files[i]);
	}
	if (g->o->nfiles)
		return GLOSS_OK;
	if ((rc = store_query(g->st, &f, &l)) != GLOSS_OK)
		return rc;
	for (size_t i = 0; i < l.n; i++) {
		size_t k = 0;

		while (k < g->nsrc && g->src[k].id != l.v[i].doc_id)
			k++;
		if (k == g->nsrc) {
			g->src = xreallocarray(g->src, g->nsrc + 1, sizeof *g->src);
			g->src[g->nsrc++] = (struct source){ .id = l.v[i].doc_id };
		}
	}
	store_list_free(&l);
	return GLOSS_OK;
}

static void
export_doc_done(struct export_doc *d)
{
	for (size_t k = 0; k < d->n; k++) {
		store_annotation_done(&d->hl[k].a);
		free(d->hl[k].notes);
		free(d->hl[k].file_exact);
		free(d->hl[k].file_prefix);
		free(d->hl[k].file_suffix);
	}
	for (size_t k = 0; k < d->nheadings; k++)
		free(d->headings[k]);
	for (size_t k = 0; k < d->nnotes; k++) {
		free(d->notes[k].label);
		free(d->notes[k].text);
	}
	free(d->hl);
	free(d->headings);
	free(d->notes);
	free(d->path);
	free(d->meta.title);
	free(d->meta.author);
	free(d->meta.date);
	free(d->meta.url);
	free(d->meta.lang);
	memset(d, 0, sizeof *d);
}

static void
set_free(struct export_set *set)
{
	for (size_t i = 0; i < set->ndocs; i++)
		export_doc_done(&set->docs[i]);
	for (size_t i = 0; i < set->ntags; i++)
		free(set->tags[i]);
	free(set->tags);
	free(set->docs);
}

static enum gloss_status
gather(struct gather *g, struct export_set *set)
{
	enum gloss_status rc = choose_sources(g);

	set->docs = xcalloc(g->nsrc + 1, sizeof *set->docs);
	for (size_t i = 0; rc == GLOSS_OK && i < g->nsrc; i++) {
		bool dup = false;

		for (size_t k = 0; k < set->ndocs; k++)
			dup = dup || set->docs[k].id == g->src[i].id;
		if (dup) {
			source_done(&g->src[i]);
			continue;
		}
		rc = gather_doc(g, &g->src[i], &set->docs[set->ndocs]);
		if (set->docs[set->ndocs].n > 0 || rc != GLOSS_OK)
			set->ndocs++;
		else
			export_doc_done(&set->docs[set->ndocs]);	/* nothing of it is exported */
	}
	qsort(set->docs, set->ndocs, sizeof *set->docs, doc_cmp);
	for (size_t i = 0; i < set->ndocs; i++)
		note_tags(set, &set->docs[i]);
	return rc;
}

enum gloss_status
export_run(struct store *st, const struct export_options *o, struct strbuf *out, size_t *count)
{
	struct gather g = { .st = st, .o = o };
	struct export_set set = { .now = o->now, .by = o->by, .creator = o->creator };
	enum gloss_status rc = GLOSS_OK;
	char *login = NULL;

	*count = 0;
	if (set.creator == NULL && (login = export_default_creator()) != NULL) {
		set.creator = login;
		set.creator_is_login = getenv("GLOSS_CREATOR") == NULL || *getenv("GLOSS_CREATOR") == '\0';
	}
	if (rc == GLOSS_OK)
		rc = gather(&g, &set);
	for (size_t i = 0; i < g.nsrc; i++)
		source_done(&g.src[i]);
	if (rc == GLOSS_OK) {
		for (size_t i = 0; i < set.ndocs; i++)
			*count += set.docs[i].n;
		if (o->format == EXPORT_JSON)
			export_json(&set, out);
		else
			export_md(&set, out);
	}
	free(g.src);
	free(login);
	set_free(&set);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Times, files and paths */

/* "+HH:MM", "+HHMM", "Z" or nothing (UTC) at s; the offset in seconds, false if malformed. */
static bool
parse_offset(const char *s, int64_t *off)
{
	int h, m, n = 0;

	*off = 0;
	if (*s == '\0' || ((*s == 'Z' || *s == 'z') && s[1] == '\0'))
		return true;
	if ((*s != '+' && *s != '-') || !((sscanf(s + 1, "%2d:%2d%n", &h, &m, &n) == 2 && n == 5) ||
	    (sscanf(s + 1, "%2d%2d%n", &h, &m, &n) == 2 && n == 4)) || s[1 + n] != '\0' || h > 23 || m > 59)
		return false;
	*off = (*s == '-' ? -1 : 1) * (int64_t)(h * 3600 + m * 60);
	return true;
}

bool
export_parse_time(const char *s, int64_t *t)
{
	struct tm tm = { 0 };
	int n = 0;
	int64_t off = 0;
	const char *rest;

	if (sscanf(s, "%4d-%2d-%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &n) != 3 || n != 10)
		return false;
	rest = s + 10;
	if (*rest != '\0') {
		if ((*rest != 'T' && *rest != 't' && *rest != ' ') || sscanf(rest + 1, "%2d:%2d:%2d%n",
		    &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &n) != 3 || n != 8)
			return false;
		rest += 1 + n;
		if (*rest == '.' || *rest == ',') {	/* a fraction of a second: dropped */
			rest++;
			if (*rest < '0' || *rest > '9')
				return false;
			while (*rest >= '0' && *rest <= '9')
				rest++;
		}
		if (!parse_offset(rest, &off))
			return false;
	}
	if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 ||
	    tm.tm_min > 59 || tm.tm_sec > 60)
		return false;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	*t = (int64_t)timegm(&tm) - off;
	return true;
}

char *
export_default_creator(void)
{
	const char *env = getenv("GLOSS_CREATOR");
	struct passwd *pw;

	if (env && *env)
		return xstrdup(env);
	if ((pw = getpwuid(getuid())) != NULL && pw->pw_name && *pw->pw_name)
		return xstrdup(pw->pw_name);
	env = getenv("LOGNAME");
	return env && *env ? xstrdup(env) : NULL;
}

char *
export_default_path(const char *doc_path)
{
	const char *dir = getenv("GLOSS_EXPORT_DIR"), *base, *dot;
	char *out;

	if (dir == NULL || *dir == '\0')
		dir = getenv("XDG_DOCUMENTS_DIR");
	if (dir == NULL || *dir == '\0')
		dir = getenv("HOME");
	if (dir == NULL || *dir == '\0')
		dir = ".";
	base = strrchr(doc_path, '/');
	base = base ? base + 1 : doc_path;
	dot = strrchr(base, '.');
	if (dot == NULL || dot == base)
		dot = base + strlen(base);
	out = xasprintf("%s%s%.*s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", (int)(dot - base), base,
	    EXPORT_FILE_SUFFIX);
	return out;
}

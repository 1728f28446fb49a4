/*
 * xref_cmd — the set of documents the cross-document index compares, and
 * the Cross-document section of `gloss notes` (see include/gloss/xref_cmd.h).
 */
#include "gloss/gloss.h"

#include <inttypes.h>
#include <limits.h>
#include <sys/stat.h>

#include "gloss/cachedb.h"
#include "gloss/glyph.h"
#include "gloss/json.h"
#include "gloss/options.h"
#include "gloss/links.h"
#include "gloss/notes_cmd.h"
#include "gloss/reader.h"
#include "gloss/xmalloc.h"
#include "gloss/xref.h"
#include "gloss/xref_cmd.h"

struct set {
	char **v;
	size_t n;
	char **dirs;		/* directories already listed */
	size_t ndirs;
};

char *
xref_cmd_canonical(const char *path)
{
	char buf[PATH_MAX];

	return xstrdup(realpath(path, buf) ? buf : path);
}

/* Paths are collected first and made unique at the end (sorted): thousands of files stay cheap. */
static void
add_path(struct set *s, const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > XREF_CMD_MAX_SIZE)
		return;
	s->v = xreallocarray(s->v, s->n + 1, sizeof *s->v);
	s->v[s->n++] = xref_cmd_canonical(path);
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
unique(struct set *s)
{
	size_t k = 0;

	if (s->n > 1)
		qsort(s->v, s->n, sizeof *s->v, str_cmp);
	for (size_t i = 0; i < s->n; i++) {
		if (k > 0 && strcmp(s->v[k - 1], s->v[i]) == 0)
			free(s->v[i]);
		else
			s->v[k++] = s->v[i];
	}
	s->n = k;
}

static void
add_dir(struct set *s, const char *dir)
{
	char **files, *c = xref_cmd_canonical(dir);
	size_t n;

	for (size_t i = 0; i < s->ndirs; i++)
		if (strcmp(s->dirs[i], c) == 0) {	/* listed already */
			free(c);
			return;
		}
	s->dirs = xreallocarray(s->dirs, s->ndirs + 1, sizeof *s->dirs);
	s->dirs[s->ndirs++] = c;
	n = reader_list_dir(dir, &files);

	for (size_t i = 0; i < n; i++) {
		add_path(s, files[i]);
		free(files[i]);
	}
	free(files);
}

size_t
xref_cmd_paths(const char *const *files, size_t n, char ***out)
{
	struct set s = { NULL, 0, NULL, 0 };
	const char *corpus = reader_corpus_dir();

	for (size_t i = 0; i < n; i++) {
		char *d = xstrdup(files[i]);
		char *slash = strrchr(d, '/');

		add_path(&s, files[i]);
		if (slash)
			*slash = '\0';
		add_dir(&s, slash ? (slash == d ? "/" : d) : ".");
		free(d);
	}
	if (corpus)
		add_dir(&s, corpus);
	unique(&s);
	for (size_t i = 0; i < s.ndirs; i++)
		free(s.dirs[i]);
	free(s.dirs);
	*out = s.v;
	return s.n;
}

/* ------------------------------------------------------------------ */
/* Updating */

/* The URLs of the document being indexed, for xref_update_step(). */
struct urls {
	struct links *links;
	const char **v;
	uint64_t *a, *z;
};

static void
doc_links(struct doc *doc, void *arg, size_t *n, const char *const **urls, const uint64_t **start,
    const uint64_t **end)
{
	struct urls *u = arg;
	size_t k;

	links_free(u->links);
	u->links = NULL;
	*n = 0;
	if (links_scan(doc, NULL, &u->links) != GLOSS_OK)
		return;
	k = links_count(u->links);
	u->v = xreallocarray(u->v, k + 1, sizeof *u->v);
	u->a = xreallocarray(u->a, k + 1, sizeof *u->a);
	u->z = xreallocarray(u->z, k + 1, sizeof *u->z);
	for (size_t i = 0; i < k; i++) {
		const struct links_link *l = links_get(u->links, i);

		u->v[i] = l->url;
		u->a[i] = l->start;
		u->z[i] = l->end;
	}
	*n = k;
	*urls = u->v;
	*start = u->a;
	*end = u->z;
}

enum gloss_status
xref_cmd_update(const char *const *files, size_t n, const atomic_bool *stop,
    struct cachedb **cache, struct xref **x)
{
	struct xref_update u = { 0 };
	struct urls urls = { 0 };
	char **paths;
	size_t np;

	*cache = NULL;
	*x = NULL;
	if (cachedb_open(NULL, cache) != GLOSS_OK || xref_open(*cache, x) != GLOSS_OK) {
		cachedb_close(*cache);
		*cache = NULL;
		return GLOSS_EDB;
	}
	np = xref_cmd_paths(files, n, &paths);
	u.paths = (const char *const *)paths;
	u.n = np;
	u.links = doc_links;
	u.arg = &urls;
	while (!(stop && atomic_load(stop)) && xref_update_step(*x, &u, 100000))
		;
	links_free(urls.links);
	free(urls.v);
	free(urls.a);
	free(urls.z);
	for (size_t i = 0; i < np; i++)
		free(paths[i]);
	free(paths);
	return GLOSS_OK;
}

/* ------------------------------------------------------------------ */
/* gloss notes: the Cross-document section */

static void
print_entry(struct strbuf *out, const struct xref_entry *e, bool json, bool first)
{
	const char *kind = e->url ? "url" : e->verbatim ? "verbatim" : "near";

	if (!json) {
		strbuf_addf(out, "%s\t%" PRIu64 "-%" PRIu64 "\t", kind, e->start, e->end);
		glyph_append_safe(out, e->other_path, strlen(e->other_path), opt_glyphs);
		strbuf_addf(out, "\t%" PRIu64 "-%" PRIu64 "\t%.2f", e->other_start, e->other_end, e->similarity);
		if (e->url) {
			strbuf_addc(out, '\t');
			glyph_append_safe(out, e->url, strlen(e->url), opt_glyphs);
		}
		strbuf_addc(out, '\n');
		return;
	}
	strbuf_adds(out, first ? "\n  {" : ",\n  {");
	strbuf_addf(out, "\"kind\": \"%s\", \"start\": %" PRIu64 ", \"end\": %" PRIu64 ", \"other_path\": ",
	    kind, e->start, e->end);
	json_string(out, e->other_path);
	strbuf_adds(out, ", \"other_title\": ");
	json_string(out, e->other_title ? e->other_title : "");
	strbuf_addf(out, ", \"other_start\": %" PRIu64 ", \"other_end\": %" PRIu64 ", \"similarity\": %.2f",
	    e->other_start, e->other_end, e->similarity);
	if (e->url) {
		strbuf_adds(out, ", \"url\": ");
		json_string(out, e->url);
	}
	strbuf_addc(out, '}');
}

static void
notes_xref(struct strbuf *out, const char *path, struct doc *doc, bool json, void *arg)
{
	struct cachedb *c;
	struct xref *x;
	struct xref_entry *v = NULL;
	size_t n = 0;
	char *self = xref_cmd_canonical(path);

	(void)doc;
	(void)arg;
	if (xref_cmd_update((const char *const *)&path, 1, NULL, &c, &x) == GLOSS_OK) {
		if (xref_query(x, self, &v, &n) != GLOSS_OK)
			n = 0;
	} else if (!json) {
		strbuf_addf(out, "(no index: %s)\n", error_last(GLOSS_EDB));
	}
	for (size_t i = 0; i < n; i++)
		print_entry(out, &v[i], json, i == 0);
	if (json && n)
		strbuf_adds(out, "\n");
	xref_entries_free(v, n);
	xref_close(x);
	cachedb_close(c);
	free(self);
}

int
xref_cmd_notes_main(int argc, char **argv)
{
	return notes_cmd_run(argc, argv, notes_xref, NULL);
}

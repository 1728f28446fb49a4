/*
 * xref_corpus — the cross-document index over the corpus (see
 * include/gloss/xref_corpus.h): which documents are compared, and one way
 * to open the index and bring it up to date, with each document's links.
 */
#include "gloss/gloss.h"

#include <limits.h>
#include <sys/stat.h>

#include "gloss/cachedb.h"
#include "gloss/corpus.h"
#include "gloss/links.h"
#include "gloss/xmalloc.h"
#include "gloss/xref.h"
#include "gloss/xref_corpus.h"

struct set {
	char **v;
	size_t n;
	char **dirs;		/* directories already listed */
	size_t ndirs;
};

char *
xref_corpus_canonical(const char *path)
{
	char buf[PATH_MAX];

	return xstrdup(realpath(path, buf) ? buf : path);
}

/* Paths are collected first and made unique at the end (sorted): thousands of files stay cheap. */
static void
add_path(struct set *s, const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > XREF_CORPUS_MAX_SIZE)
		return;
	s->v = xreallocarray(s->v, s->n + 1, sizeof *s->v);
	s->v[s->n++] = xref_corpus_canonical(path);
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
	char **files, *c = xref_corpus_canonical(dir);
	size_t n;

	for (size_t i = 0; i < s->ndirs; i++)
		if (strcmp(s->dirs[i], c) == 0) {	/* listed already */
			free(c);
			return;
		}
	s->dirs = xreallocarray(s->dirs, s->ndirs + 1, sizeof *s->dirs);
	s->dirs[s->ndirs++] = c;
	n = corpus_list_dir(dir, &files);

	for (size_t i = 0; i < n; i++) {
		add_path(s, files[i]);
		free(files[i]);
	}
	free(files);
}

size_t
xref_corpus_paths(const char *const *files, size_t n, char ***out)
{
	struct set s = { NULL, 0, NULL, 0 };
	const char *corpus = corpus_dir();

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
xref_corpus_update(const char *const *files, size_t n, const atomic_bool *stop,
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
	np = xref_corpus_paths(files, n, &paths);
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

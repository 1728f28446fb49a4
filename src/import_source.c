/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * import_source — where the source of an imported annotation is on this
 * computer (see src/import_int.h): file: IRIs in every form
 * (file:///p, file://localhost/p, file:/p, percent-encoded), absolute and
 * relative paths, and web addresses, matched by --map or by the source URL
 * that a local document records (meta.h: front matter, or the
 * user.xdg.origin.url attribute of a download).  The documents asked are
 * those the store knows, the corpus's and those beside the imported file;
 * they are read once, the first time a web address needs them.
 */
#include "gloss/gloss.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <strings.h>
#include <unistd.h>

#include "gloss/corpus.h"
#include "gloss/doc.h"
#include "gloss/meta.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "import_int.h"

#define URL_DOC_MAX (64ull << 20)	/* bytes: larger local documents are not asked for their URL */

struct url_entry {
	char *key;		/* the normalised URL */
	char *path;
};

struct import_sources {
	struct store *st;
	const struct import_options *o;
	bool indexed;
	struct url_entry *urls;
	size_t nurls;
};

struct import_sources *
import_sources_new(const struct import_options *o, struct store *st)
{
	struct import_sources *s = xcalloc(1, sizeof *s);

	s->o = o;
	s->st = st;
	return s;
}

void
import_sources_free(struct import_sources *s)
{
	if (s == NULL)
		return;
	for (size_t k = 0; k < s->nurls; k++) {
		free(s->urls[k].key);
		free(s->urls[k].path);
	}
	free(s->urls);
	free(s);
}

/* ------------------------------------------------------------------ */
/* Addresses */

static int
hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	    c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* s[0..n) percent-decoded; NULL if that gives a NUL byte. */
static char *
percent_decode(const char *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
			strbuf_addc(&sb, (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2])));
			i += 2;
		} else {
			strbuf_addc(&sb, s[i]);
		}
	}
	if (memchr(strbuf_str(&sb), '\0', sb.len)) {
		strbuf_done(&sb);
		return NULL;
	}
	return strbuf_detach(&sb, NULL);
}

/* The length of the IRI scheme at the start of s ("file" of "file:..."), 0 if none. */
static size_t
scheme_len(const char *s)
{
	size_t n = text_scheme_len(s);

	return n > 2 ? n - 1 : 0;	/* one letter is a drive (C:) */
}

static bool
parse_char(const char *v, uint64_t *start, uint64_t *end)
{
	unsigned long long a, z;
	int used = 0;

	if (sscanf(v, "char=%llu,%llu%n", &a, &z, &used) != 2 || (v[used] != '\0' && v[used] != ';') ||
	    z <= a || z > STORE_POSITION_MAX)
		return false;
	*start = a;
	*end = z;
	return true;
}

bool
import_source_fragment(const char *source, uint64_t *start, uint64_t *end)
{
	const char *hash = strrchr(source, '#');

	if (strncmp(source, "char=", 5) == 0)
		return parse_char(source, start, end);	/* a FragmentSelector's value */
	return hash && parse_char(hash + 1, start, end);
}

/*
 * A URL in the form that compares: scheme-less (http and https are the
 * same page), host in lower case without "www." and a default port, no
 * fragment, no trailing slash.  Caller frees.
 */
static char *
url_key(const char *url)
{
	const char *p = strstr(url, "://"), *host, *path;
	struct strbuf sb = STRBUF_INIT;
	size_t hlen;

	if (p == NULL)
		return xstrdup(url);
	host = p + 3;
	hlen = strcspn(host, "/?#");
	path = host + hlen;
	if (hlen > 4 && strncasecmp(host, "www.", 4) == 0)
		host += 4, hlen -= 4;
	for (size_t i = 0; i < hlen; i++)
		strbuf_addc(&sb, (char)tolower((unsigned char)host[i]));
	if (sb.len > 3 && (strcmp(sb.buf + sb.len - 3, ":80") == 0))
		strbuf_truncate(&sb, sb.len - 3);
	if (sb.len > 4 && strcmp(sb.buf + sb.len - 4, ":443") == 0)
		strbuf_truncate(&sb, sb.len - 4);
	strbuf_add(&sb, path, strcspn(path, "#"));
	while (sb.len > 0 && sb.buf[sb.len - 1] == '/')
		strbuf_truncate(&sb, sb.len - 1);
	return strbuf_detach(&sb, NULL);
}

/* ------------------------------------------------------------------ */
/* Local documents that record where they came from */

static void
add_url(struct import_sources *s, const char *url, const char *path)
{
	s->urls = xreallocarray(s->urls, s->nurls + 1, sizeof *s->urls);
	s->urls[s->nurls].key = url_key(url);
	s->urls[s->nurls].path = xstrdup(path);
	s->nurls++;
}

static bool
known_path(const struct import_sources *s, const char *path)
{
	for (size_t k = 0; k < s->nurls; k++)
		if (strcmp(s->urls[k].path, path) == 0)
			return true;
	return false;
}

/* Reads the source URL of the document at path, if it has one. */
static void
ask_document(struct import_sources *s, const char *path)
{
	struct doc_options dopt = { .format = -1, .tab_width = 8, .max_size = URL_DOC_MAX };
	struct doc *doc;
	struct meta m;

	/* doc_open opens regular files only, never a FIFO or a device */
	if (known_path(s, path) || doc_open(path, &dopt, &doc) != GLOSS_OK) {
		error_clear();
		return;
	}
	meta_read(doc, &m);
	if (m.url)
		add_url(s, m.url, path);
	meta_done(&m);
	doc_free(doc);
}

static void
ask_dir(struct import_sources *s, const char *dir)
{
	char **names;
	size_t n = dir ? corpus_list_dir(dir, &names) : 0;

	for (size_t k = 0; k < n; k++) {
		ask_document(s, names[k]);
		free(names[k]);
	}
	if (dir)
		free(names);
}

/* The documents the store knows (those with annotations). */
static void
ask_store(struct import_sources *s)
{
	struct store_list l = { 0 };
	struct store_filter f = { .color = -1 };
	int64_t last = 0;

	if (s->st == NULL || store_query(s->st, &f, &l) != GLOSS_OK) {
		error_clear();
		return;
	}
	for (size_t k = 0; k < l.n; k++) {
		struct store_doc_info info;

		if (l.v[k].doc_id == last || store_doc_get(s->st, l.v[k].doc_id, &info) != GLOSS_OK)
			continue;
		last = l.v[k].doc_id;
		if (info.path)
			ask_document(s, info.path);
		store_doc_info_done(&info);
	}
	store_list_free(&l);
}

static const char *
find_url(struct import_sources *s, const char *url)
{
	char *key = url_key(url);
	const char *path = NULL;

	if (!s->indexed) {
		s->indexed = true;
		ask_dir(s, s->o->base_dir ? s->o->base_dir : ".");
		ask_dir(s, corpus_dir());
		ask_store(s);
	}
	for (size_t k = 0; k < s->nurls && path == NULL; k++)
		if (strcmp(s->urls[k].key, key) == 0)
			path = s->urls[k].path;
	free(key);
	return path;
}

/* ------------------------------------------------------------------ */
/* Sources */

/* --map: the source itself, or under a mapped prefix ("https://site/docs/" = "dir/"). */
static char *
mapped(const struct import_sources *s, const char *source)
{
	for (size_t k = 0; k < s->o->nmaps; k++) {
		const struct import_map *m = &s->o->maps[k];
		size_t len = strlen(m->url);
		const char *rest = source + len;
		char *dec, *p;

		if (strcmp(source, m->url) == 0)
			return xstrdup(m->path);
		if (len == 0 || m->url[len - 1] != '/' || strncmp(source, m->url, len) != 0)
			continue;
		dec = percent_decode(rest, strcspn(rest, "?#"));
		if (dec == NULL || dec[0] == '\0' || strstr(dec, "..")) {	/* no way out of the directory */
			free(dec);
			continue;
		}
		p = xasprintf("%s%s%s", m->path, m->path[0] && m->path[strlen(m->path) - 1] == '/' ? "" : "/",
		    dec);
		free(dec);
		return p;
	}
	return NULL;
}

static char *
relative(const struct import_sources *s, const char *path)
{
	if (path[0] == '/' || s->o->base_dir == NULL)
		return xstrdup(path);
	return xasprintf("%s/%s", s->o->base_dir, path);
}

/* A file: IRI: the path, or false with *why. */
static bool
file_iri(const char *iri, char **path, char **why)
{
	const char *p = iri + 5, *host = NULL;
	size_t hlen = 0;
	char name[256];

	if (strncmp(p, "//", 2) == 0) {
		host = p + 2;
		hlen = strcspn(host, "/");
		p = host + hlen;
	}
	if (hlen && !(hlen == 9 && strncasecmp(host, "localhost", 9) == 0) &&
	    !(gethostname(name, sizeof name) == 0 && strlen(name) == hlen && strncasecmp(host, name, hlen) == 0)) {
		*why = xasprintf("a file on another computer (%.*s): name a local copy with --map URL=PATH",
		    (int)GLOSS_MIN(hlen, 200), host);
		return false;
	}
	*path = percent_decode(p, strcspn(p, "?#"));
	if (*path == NULL || (*path)[0] != '/') {
		free(*path);
		*path = NULL;
		*why = xasprintf("%.300s is not a usable file: IRI", iri);
		return false;
	}
	return true;
}

/* The path as the store keeps it: canonical when the file is there, else absolute. */
static char *
absolute(char *path)
{
	char buf[PATH_MAX], cwd[PATH_MAX];
	char *out;

	if (realpath(path, buf) != NULL)
		out = xstrdup(buf);
	else if (path[0] != '/' && getcwd(cwd, sizeof cwd) != NULL)
		out = xasprintf("%s/%s", cwd, path[0] == '.' && path[1] == '/' ? path + 2 : path);
	else
		return path;
	free(path);
	return out;
}

static bool
source_path(struct import_sources *s, const char *source, char **path, char **why);

bool
import_source_path(struct import_sources *s, const char *source, char **path, char **why)
{
	bool ok = source_path(s, source, path, why);

	if (ok && *path)
		*path = absolute(*path);
	return ok;
}

static bool
source_path(struct import_sources *s, const char *source, char **path, char **why)
{
	size_t sl = scheme_len(source);
	const char *found;

	*path = NULL;
	*why = NULL;
	if ((*path = mapped(s, source)) != NULL)
		return true;
	if (sl == 0) {
		const char *hash = strstr(source, "#char=");
		char *plain = xstrndup(source, hash ? (size_t)(hash - source) : strlen(source));

		*path = relative(s, plain);
		free(plain);
		return true;
	}
	if (sl == 4 && strncasecmp(source, "file", 4) == 0)
		return file_iri(source, path, why);
	if ((sl == 4 && strncasecmp(source, "http", 4) == 0) || (sl == 5 && strncasecmp(source, "https", 5) == 0)) {
		if ((found = find_url(s, source)) != NULL) {
			*path = xstrdup(found);
			return true;
		}
		*why = xasprintf("no local document records the source URL %.300s: name one with --map URL=PATH",
		    source);
		return false;
	}
	if (strncmp(source, "urn:x-gloss:document:", 21) == 0)
		return true;	/* gloss's own, for a document without a path: found by gloss:sha256 */
	*why = xasprintf("not a local file (%.300s): name one with --map URL=PATH", source);
	return false;
}

/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * library_cmd — `gloss library` and `gloss search` (see
 * include/gloss/library_cmd.h): options, bringing the index up to date with
 * a progress line on a terminal, and the two output formats.
 */
#include "gloss/gloss.h"

#include <errno.h>
#include <inttypes.h>
#include <unistd.h>

#include "gloss/cachedb.h"
#include "gloss/catalog.h"
#include "gloss/cmd.h"
#include "gloss/corpus.h"
#include "gloss/glyph.h"
#include "gloss/json.h"
#include "gloss/library_cmd.h"
#include "gloss/locator.h"
#include "gloss/monotime.h"
#include "gloss/options.h"
#include "gloss/store.h"
#include "gloss/xmalloc.h"

#define PROGRESS_AFTER_US 500000	/* show progress once the update takes this long */
#define STEP_US 100000
#define SEARCH_LIMIT 20

/* ------------------------------------------------------------------ */
/* Shared by the commands */

static int
report(enum gloss_status rc)
{
	cmd_error("%s", error_last(rc));
	return error_exit_code(rc);
}

/* Runs the update, with "indexing N%" on a terminal after half a second. */
static enum gloss_status
update(struct catalog *cat)
{
	int64_t start = (int64_t)monotime_us();
	bool shown = false, tty = isatty(STDERR_FILENO);
	enum gloss_status rc;

	while (catalog_update_step(cat, STEP_US)) {
		if (tty && (int64_t)monotime_us() - start > PROGRESS_AFTER_US) {
			fprintf(stderr, "\rgloss: indexing the library: %3d%%",
			    (int)(catalog_progress(cat) * 100));
			shown = true;
		}
	}
	if (shown)
		fputs("\r\033[K", stderr);
	rc = catalog_update(cat);	/* returns the update's first error */
	return rc;
}

/* Opens the store read-only for what it knows (none is fine). */
static struct store *
open_store(void)
{
	struct store *st = NULL;

	if (store_open(opt_db, STORE_READ, &st) != GLOSS_OK) {
		cmd_error("%s (going on without annotations)", error_last(GLOSS_EDB));
		return NULL;
	}
	return st;
}

static void
add_safe(struct strbuf *out, const char *s)
{
	if (s == NULL || *s == '\0')
		strbuf_addc(out, '-');
	else
		glyph_append_safe(out, s, strlen(s), opt_glyphs);
}

static void
add_json(struct strbuf *out, const char *key, const char *s, bool last)
{
	strbuf_addf(out, "\"%s\": ", key);
	if (s)
		json_string(out, s);
	else
		strbuf_adds(out, "null");
	strbuf_adds(out, last ? "" : ", ");
}

static int
write_out(struct strbuf *out)
{
	bool ok = fwrite(strbuf_str(out), 1, out->len, stdout) == out->len && fflush(stdout) == 0;

	if (!ok) {
		cmd_error("write error: %s", strerror(errno));
		return 1;
	}
	return 0;
}

enum { OPT_CORPUS, OPT_JSON, OPT_LIMIT };

static const struct cmd_option library_options[] = {
	{ "corpus", 0, "DIR", 0, OPT_CORPUS, "the library when no DIR is given" },
	{ "json", 0, NULL, 0, OPT_JSON, "print a JSON array" },
	{ NULL, 0, NULL, 0, 0, NULL },
};

static const struct cmd_option search_options[] = {
	{ "corpus", 0, "DIR", 0, OPT_CORPUS, "search the library of DIR" },
	{ "limit", 0, "N", 0, OPT_LIMIT, "at most N hits (default 20)" },
	{ "json", 0, NULL, 0, OPT_JSON, "print a JSON array" },
	{ NULL, 0, NULL, 0, 0, NULL },
};

/* Parses e's options (--corpus, --json, search's --limit); returns -1 to go on. */
static int
parse(const struct cmd_entry *e, int argc, char **argv, bool *json, long *limit)
{
	struct cmd_getopt g;
	char *end;
	int c;

	cmd_getopt_init(&g, e, argc, argv);
	while ((c = cmd_getopt_next(&g)) != CMD_END) {
		switch (c) {
		case OPT_CORPUS:
			opt_corpus = optarg;
			break;
		case OPT_JSON:
			*json = true;
			break;
		case OPT_LIMIT:
			*limit = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end || *limit < 1)
				return cmd_usage_error(e, "--limit needs a number of hits (1, 2, ...)");
			break;
		default:
			return cmd_getopt_status(c);
		}
	}
	return -1;
}

/* ------------------------------------------------------------------ */
/* gloss library */

static void
library_line(struct strbuf *out, const struct catalog_entry *e, const struct catalog_stats *s)
{
	add_safe(out, e->path);
	strbuf_addc(out, '\t');
	add_safe(out, e->title);
	strbuf_addc(out, '\t');
	add_safe(out, e->author);
	strbuf_addc(out, '\t');
	add_safe(out, e->date);
	strbuf_addf(out, "\t%" PRIu64 "\t", e->words);
	if (s->progress < 0)
		strbuf_adds(out, "-");
	else
		strbuf_addf(out, "%d%%", s->progress);
	strbuf_addf(out, "\t%zu\n", s->highlights);
}

static void
library_json(struct strbuf *out, const struct catalog_entry *e, const struct catalog_stats *s)
{
	strbuf_adds(out, "{");
	add_json(out, "path", e->path, false);
	add_json(out, "title", e->title, false);
	add_json(out, "author", e->author, false);
	add_json(out, "date", e->date, false);
	strbuf_addf(out, "\"words\": %" PRIu64 ", \"progress\": ", e->words);
	if (s->progress < 0)
		strbuf_adds(out, "null");
	else
		strbuf_addf(out, "%d", s->progress);
	strbuf_addf(out, ", \"highlights\": %zu}", s->highlights);
}

static int
print_library(struct catalog *cat, struct store *st, bool json)
{
	struct catalog_entry *v;
	struct strbuf out = STRBUF_INIT;
	size_t n;
	enum gloss_status rc = catalog_list(cat, &v, &n);
	int status;

	if (rc != GLOSS_OK)
		return report(rc);
	if (json)
		strbuf_adds(&out, n ? "[\n" : "[]\n");
	for (size_t i = 0; i < n; i++) {
		struct catalog_stats s;

		catalog_stats(st, &v[i], &s);
		if (json) {
			strbuf_adds(&out, "  ");
			library_json(&out, &v[i], &s);
			strbuf_adds(&out, i + 1 < n ? ",\n" : "\n]\n");
		} else {
			library_line(&out, &v[i], &s);
		}
	}
	status = write_out(&out);
	strbuf_done(&out);
	catalog_entries_free(v, n);
	return status;
}

/* A note on stderr for each entry with an article's name that is not a regular file (never opened). */
static void
tell_skipped(const char *const *dirs, size_t ndirs)
{
	for (size_t i = 0; i < ndirs; i++) {
		char **notes;
		size_t n = corpus_list_skipped(dirs[i], &notes);

		for (size_t k = 0; k < n; k++) {
			cmd_error("%s", notes[k]);
			free(notes[k]);
		}
		free(notes);
	}
}

/* Runs fn on the catalog of dirs (the corpus if none), updated first. */
static int
with_catalog(char **dirs, size_t ndirs, int (*fn)(struct catalog *, struct store *, void *), void *arg)
{
	const char *corpus = corpus_dir();
	struct store *st;
	struct cachedb *db;
	struct catalog *cat;
	enum gloss_status rc;
	int status;

	if (ndirs == 0 && corpus == NULL) {
		cmd_error("no corpus directory (use --corpus DIR)");
		return 1;
	}
	tell_skipped(ndirs ? (const char *const *)dirs : &corpus, ndirs ? ndirs : 1);
	st = open_store();
	rc = ndirs ? catalog_open_cache((const char *const *)dirs, ndirs, st, &db, &cat) :
	    catalog_open_cache(&corpus, 1, st, &db, &cat);
	if (rc == GLOSS_OK && (rc = update(cat)) != GLOSS_OK)
		cmd_error("%s", error_last(rc));	/* what was indexed can still be shown */
	status = rc == GLOSS_OK || cat ? fn(cat, st, arg) : report(rc);
	if (status == 0 && rc != GLOSS_OK)
		status = error_exit_code(rc);
	if (status == 0 && st && store_damaged(st)) {	/* progress and highlights as far as they could be read */
		cmd_error("%s", store_damaged(st));
		status = 1;
	}
	catalog_free(cat);
	cachedb_close(db);
	store_close(st);
	return status;
}

static int
library_run(struct catalog *cat, struct store *st, void *arg)
{
	return print_library(cat, st, *(bool *)arg);
}

static int
library_exec(int argc, char **argv)
{
	bool json = false;
	int status = parse(&library_cmd_library_entry, argc, argv, &json, NULL);

	if (status >= 0)
		return status;
	for (int i = optind; i < argc; i++) {
		if (access(argv[i], R_OK | X_OK) != 0) {
			cmd_error("%s: %s", argv[i], strerror(errno));
			return 1;
		}
	}
	return with_catalog(argv + optind, (size_t)(argc - optind), library_run, &json);
}

/* ------------------------------------------------------------------ */
/* gloss search */

static const char *const kind_names[] = { "text", "note", "quote", "tags" };

static void
location(struct strbuf *out, const struct catalog_hit *h)
{
	if (h->kind != CATALOG_TEXT) {
		strbuf_addf(out, "%s %d%%", kind_names[h->kind], (int)h->percent);
		return;
	}
	if (h->heading) {
		glyph_append_safe(out, h->heading, strlen(h->heading), opt_glyphs);
		strbuf_adds(out, ", ");
	}
	locator_append(out, h->para, (unsigned)h->percent);
}

static void
hit_line(struct strbuf *out, const struct catalog_hit *h, bool tty)
{
	const char *open = tty ? "\033[1m" : "**", *close = tty ? "\033[22m" : "**";

	add_safe(out, h->path);
	strbuf_addc(out, '\t');
	add_safe(out, h->title);
	strbuf_addc(out, '\t');
	location(out, h);
	strbuf_addc(out, '\t');
	glyph_append_safe(out, h->snippet, h->mark_start, opt_glyphs);
	strbuf_adds(out, open);
	glyph_append_safe(out, h->snippet + h->mark_start, h->mark_end - h->mark_start, opt_glyphs);
	strbuf_adds(out, close);
	glyph_append_safe(out, h->snippet + h->mark_end, strlen(h->snippet) - h->mark_end, opt_glyphs);
	strbuf_addc(out, '\n');
}

static void
hit_json(struct strbuf *out, const struct catalog_hit *h)
{
	strbuf_adds(out, "{");
	add_json(out, "path", h->path, false);
	add_json(out, "title", h->title, false);
	add_json(out, "kind", kind_names[h->kind], false);
	add_json(out, "heading", h->heading, false);
	strbuf_addf(out, "\"paragraph\": %u, \"percent\": %.1f, \"start\": %" PRIu64 ", \"end\": %"
	    PRIu64 ", ", h->para, h->percent, h->start, h->end);
	if (h->annot_id)
		strbuf_addf(out, "\"annotation\": %" PRId64 ", ", h->annot_id);
	add_json(out, "snippet", h->snippet, false);
	strbuf_addf(out, "\"match\": [%zu, %zu]}", h->mark_start, h->mark_end);
}

struct search_args {
	const char *query;
	bool json;
	long limit;
};

static int
search_run(struct catalog *cat, struct store *st, void *arg)
{
	const struct search_args *a = arg;
	struct catalog_hit *v;
	struct strbuf out = STRBUF_INIT;
	size_t n, more;
	enum gloss_status rc = catalog_search_count(cat, a->query, (size_t)a->limit, &v, &n, &more);
	bool tty = isatty(STDOUT_FILENO);
	int status;

	(void)st;
	if (rc != GLOSS_OK)
		return report(rc);
	if (a->json)
		strbuf_adds(&out, n ? "[\n" : "[]\n");
	for (size_t i = 0; i < n; i++) {
		if (a->json) {
			strbuf_adds(&out, "  ");
			hit_json(&out, &v[i]);
			strbuf_adds(&out, i + 1 < n ? ",\n" : "\n]\n");
		} else {
			hit_line(&out, &v[i], tty);
		}
	}
	status = write_out(&out);
	strbuf_done(&out);
	catalog_hits_free(v, n);
	if (status == 0 && n == 0) {	/* as grep: nothing found is exit 1 */
		cmd_error("search: no hits for \"%s\"", a->query);
		return 1;
	}
	if (status == 0 && more > 0)
		cmd_error("search: %s%zu more %s (--limit %ld)", more >= CATALOG_MORE_MAX ?
		    "at least " : "", more, more == 1 ? "hit" : "hits", a->limit);
	return status;
}

static int
search_exec(int argc, char **argv)
{
	struct search_args a = { .limit = SEARCH_LIMIT };
	struct strbuf q = STRBUF_INIT;
	char *fts;
	int status = parse(&library_cmd_search_entry, argc, argv, &a.json, &a.limit);

	if (status >= 0)
		return status;
	if (optind >= argc)
		return cmd_usage_error(&library_cmd_search_entry, "missing QUERY");
	for (int i = optind; i < argc; i++)
		strbuf_addf(&q, "%s%s", i > optind ? " " : "", argv[i]);
	a.query = strbuf_str(&q);
	if (catalog_query_compile(a.query, &fts) != GLOSS_OK) {	/* before any indexing */
		status = report(GLOSS_EPARSE);
	} else {
		free(fts);
		status = with_catalog(NULL, 0, search_run, &a);
	}
	strbuf_done(&q);
	return status;
}

/* ------------------------------------------------------------------ */
/* The entries */

const struct cmd_entry library_cmd_library_entry = {
	.name = "library",
	.usage = "[--corpus DIR] [DIR]... [--json]",
	.summary = "list the articles of DIR (default: the corpus)",
	.help = "One a line: path, title, author, date, words, progress and highlights,\n"
	    "separated by tabs.  The library index is brought up to date first.\n",
	.options = library_options,
	.exec = library_exec,
};

const struct cmd_entry library_cmd_search_entry = {
	.name = "search",
	.usage = "[--corpus DIR] [--limit N] QUERY... [--json]",
	.summary = "search the corpus (words, \"phrases\", prefix*, OR)",
	.help = "One hit a line: path, title, where (heading, paragraph and percent) and the\n"
	    "text around the match.\n",
	.options = search_options,
	.exec = search_exec,
};

/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * annot_cmd — `gloss annotate`, `annotations`, `tag`, `untag`, `note` and
 * `delete` (see include/gloss/annot_cmd.h): option parsing, the checks
 * that make a usage error (exit 2) before anything is opened, and the
 * calls into annot and store.  Output formats are in annot_cmd_print.c.
 */
#include "gloss/gloss.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <unistd.h>

#include "annot_cmd_print.h"
#include "gloss/anchor.h"
#include "gloss/annot.h"
#include "gloss/annot_cmd.h"
#include "gloss/cmd.h"
#include "gloss/doc.h"
#include "gloss/options.h"
#include "gloss/strbuf.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

#define QUOTE_SHOWN 60	/* code points of a quote repeated in a message */

/* ------------------------------------------------------------------ */
/* Shared */

/* Prints the last error and returns the exit status for rc. */
static int
report(enum gloss_status rc)
{
	cmd_error("%s", error_last(rc));
	return error_exit_code(rc);
}

/* Prints "gloss: CMD: MESSAGE" and the usage; returns 2. */
static int GLOSS_PRINTF(3, 4)
usage_error(const char *cmd, const char *usage, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	cmd_error("%s: %s", cmd, msg);
	fprintf(stderr, "Usage: %s\n", usage);
	return 2;
}

/* Parses a positive decimal id; false if it is not one. */
static bool
parse_id(const char *s, int64_t *id)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *s == '\0' || *end || v <= 0 || s[0] == '+')
		return false;
	*id = v;
	return true;
}

/*
 * A reading command's status once it has printed what it could: a
 * damaged database is said so on stderr and exits 1.
 */
static int
damage_status(struct store *st, int status)
{
	if (status != 0 || st == NULL || store_damaged(st) == NULL)
		return status;
	cmd_error("%s", store_damaged(st));
	return 1;
}

static enum gloss_status
open_document(const char *path, struct doc **doc)
{

	return doc_open_default(path, opt_force, doc);
}

/* A shortened copy of a quote for messages (caller frees). */
static char *
shown(const char *s)
{
	size_t i = 0, n = strlen(s), cps = 0;

	while (i < n && cps < QUOTE_SHOWN) {
		i += (size_t)text_cplen(s + i, n - i);
		cps++;
	}
	return i < n ? xasprintf("%.*s…", (int)i, s) : xstrdup(s);
}

/* ------------------------------------------------------------------ */
/* annotate */

#define ANNOTATE_USAGE "gloss annotate FILE --quote TEXT [--nth N] [--note TEXT] [--tag TAG]... " \
	"[--color NAME]"

struct annotate_opts {
	const char *file, *quote, *note;
	const char **tags;
	size_t ntags;
	long nth;		/* 0: not given */
	enum store_color color;
};

static int
parse_annotate(int argc, char **argv, struct annotate_opts *o)
{
	static const struct option longopts[] = {
		{ "quote", required_argument, NULL, 'q' },
		{ "nth", required_argument, NULL, 'n' },
		{ "note", required_argument, NULL, 'N' },
		{ "tag", required_argument, NULL, 't' },
		{ "color", required_argument, NULL, 'c' },
		{ "colour", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char *end;
	int c;

	optind = 0;	/* 0: re-initialise (the global parse stopped at the first operand) */
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'q':
			o->quote = optarg;
			break;
		case 'n':
			o->nth = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end || o->nth < 1)
				return usage_error("annotate", ANNOTATE_USAGE, "invalid --nth '%s' (1, 2, ...)", optarg);
			break;
		case 'N':
			o->note = optarg;
			break;
		case 't':
			o->tags = xreallocarray(o->tags, o->ntags + 1, sizeof *o->tags);
			o->tags[o->ntags++] = optarg;
			break;
		case 'c':
			if (!store_color_parse(optarg, &o->color)) {
				cmd_error("annotate: unknown colour '%s' (one of %s)", optarg, store_color_names());
				return 2;
			}
			break;
		case 'h':
			printf("Usage: %s\nHighlight the passage TEXT of FILE and print the new annotation's id.\n"
			    "White space in TEXT matches any white space in the text.  Colours: %s.\n",
			    ANNOTATE_USAGE, store_color_names());
			return 0;
		default:
			fprintf(stderr, "Usage: %s\n", ANNOTATE_USAGE);
			return 2;
		}
	}
	if (optind != argc - 1)
		return usage_error("annotate", ANNOTATE_USAGE, "%s",
		    optind == argc ? "missing FILE" : "too many arguments");
	o->file = argv[optind];
	if (o->quote == NULL)
		return usage_error("annotate", ANNOTATE_USAGE, "%s", "--quote TEXT is required");
	return -1;
}

/* Checks what can be checked before opening anything; -1 if all is well. */
static int
check_annotate(const struct annotate_opts *o, struct strbuf *quote)
{
	size_t a = 0, z;

	for (size_t i = 0; i < o->ntags; i++) {
		char *name, *key;

		if (store_tag_normalize(o->tags[i], &name, &key) != GLOSS_OK) {
			cmd_error("annotate: %s", error_last(GLOSS_EUSAGE));
			return 2;
		}
		free(name);
		free(key);
	}
	if (!text_valid(o->quote, strlen(o->quote)) ||
	    (o->note && !text_valid(o->note, strlen(o->note)))) {
		cmd_error("annotate: the quote and the note must be valid UTF-8");
		return 2;
	}
	text_nfc(o->quote, strlen(o->quote), quote);
	z = quote->len;
	while (a < z && strchr(" \t\n\r\f\v", quote->buf[a]))
		a++;
	while (z > a && strchr(" \t\n\r\f\v", quote->buf[z - 1]))
		z--;
	if (a == z) {
		cmd_error("annotate: empty selection: the quote is empty");
		return 2;
	}
	memmove(quote->buf, quote->buf + a, z - a);
	strbuf_truncate(quote, z - a);
	return -1;
}

/* Finds the quote in the document; -1 with *start, *end set, else the exit status. */
static int
locate_quote(struct doc *doc, const struct annotate_opts *o, const char *quote, uint64_t *start,
    uint64_t *end)
{
	struct strbuf text = STRBUF_INIT;
	uint64_t *r;
	size_t n;
	char *q = shown(quote);
	int rc = -1;

	doc_measure_all(doc);
	doc_text_range(doc, 0, doc_text_length(doc), &text);
	n = anchor_find_loose(strbuf_str(&text), text.len, quote, strlen(quote), &r);
	if (n == 0) {
		cmd_error("annotate: '%s' does not occur in %s", q, o->file);
		rc = 1;
	} else if (o->nth == 0 && n > 1) {
		cmd_error("annotate: '%s' occurs %zu times in %s; choose one with --nth 1 to %zu", q, n,
		    o->file, n);
		rc = 1;
	} else if ((size_t)o->nth > n) {
		cmd_error("annotate: '%s' occurs only %zu time%s in %s", q, n, n == 1 ? "" : "s", o->file);
		rc = 1;
	} else {
		size_t k = o->nth ? (size_t)o->nth - 1 : 0;

		*start = r[2 * k];
		*end = r[2 * k + 1];
	}
	free(r);
	free(q);
	strbuf_done(&text);
	return rc;
}

static int
annotate_run(const struct annotate_opts *o, const char *quote)
{
	struct store *st = NULL;
	struct doc *doc = NULL;
	struct annot_doc *ad = NULL;
	uint64_t start = 0, end = 0;
	int64_t id = 0;
	enum gloss_status rc;
	int status;

	if ((rc = open_document(o->file, &doc)) != GLOSS_OK)
		return report(rc);
	status = locate_quote(doc, o, quote, &start, &end);
	if (status < 0 && (rc = store_open(NULL, STORE_CREATE, &st)) == GLOSS_OK &&
	    (rc = annot_attach(st, doc, ANNOT_NOW, &ad)) == GLOSS_OK)
		rc = annot_add(ad, start, end, o->color, o->note, o->tags, o->ntags, &id);
	if (status < 0)
		status = rc == GLOSS_OK ? 0 : report(rc);
	if (status == 0 && (printf("%lld\n", (long long)id) < 0 || fflush(stdout) != 0)) {
		cmd_error("annotate: cannot write the id: %s", strerror(errno));
		status = 1;
	}
	annot_detach(ad);
	store_close(st);
	doc_free(doc);
	return status;
}

int
annotate_main(int argc, char **argv)
{
	struct annotate_opts o = { .color = STORE_COLOR_DEFAULT };
	struct strbuf quote = STRBUF_INIT;
	int status = parse_annotate(argc, argv, &o);

	if (status < 0)
		status = check_annotate(&o, &quote);
	if (status < 0)
		status = annotate_run(&o, strbuf_str(&quote));
	strbuf_done(&quote);
	free(o.tags);
	return status;
}

/* ------------------------------------------------------------------ */
/* annotations */

#define ANNOTATIONS_USAGE "gloss annotations [FILE] [--tag TAG] [--status anchored|moved|orphaned] " \
	"[--color NAME] [--json]"

struct list_opts {
	const char *file, *tag;
	struct store_filter filter;
	bool json;
};

static int
parse_annotations(int argc, char **argv, struct list_opts *o)
{
	static const struct option longopts[] = {
		{ "tag", required_argument, NULL, 't' },
		{ "status", required_argument, NULL, 's' },
		{ "color", required_argument, NULL, 'c' },
		{ "colour", required_argument, NULL, 'c' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum anchor_status status;
	enum store_color color;
	int c;

	optind = 0;	/* 0: re-initialise (the global parse stopped at the first operand) */
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			o->tag = optarg;
			o->filter.tags = &o->tag;
			o->filter.ntags = 1;
			break;
		case 's':
			if (!anchor_status_parse(optarg, &status))
				return usage_error("annotations", ANNOTATIONS_USAGE,
				    "unknown status '%s' (anchored, moved or orphaned)", optarg);
			o->filter.statuses |= 1u << status;
			break;
		case 'c':
			if (!store_color_parse(optarg, &color)) {
				cmd_error("annotations: unknown colour '%s' (one of %s)", optarg, store_color_names());
				return 2;
			}
			o->filter.color = (int)color;
			break;
		case 'j':
			o->json = true;
			break;
		case 'h':
			printf("Usage: %s\nList annotations, one a line: id, path, start-end, status, colour,\n"
			    "tags and quote, separated by tabs; or a JSON array with --json.\n"
			    "With FILE, only its annotations (re-anchored if it changed).\n", ANNOTATIONS_USAGE);
			return 0;
		default:
			fprintf(stderr, "Usage: %s\n", ANNOTATIONS_USAGE);
			return 2;
		}
	}
	if (argc - optind > 1)
		return usage_error("annotations", ANNOTATIONS_USAGE, "%s", "too many arguments");
	o->file = optind < argc ? argv[optind] : NULL;
	if (o->tag) {
		char *name, *key;

		if (store_tag_normalize(o->tag, &name, &key) != GLOSS_OK) {
			cmd_error("annotations: %s", error_last(GLOSS_EUSAGE));
			return 2;
		}
		free(name);
		free(key);
	}
	return -1;
}

static int
print_list(const struct store_list *l, bool json)
{
	struct strbuf out = STRBUF_INIT;
	bool ok;

	if (json)
		strbuf_adds(&out, l->n ? "[\n" : "[]\n");
	for (size_t i = 0; i < l->n; i++) {
		if (json) {
			strbuf_adds(&out, "  ");
			annot_cmd_print_json(&out, &l->v[i]);
			strbuf_adds(&out, i + 1 < l->n ? ",\n" : "\n]\n");
		} else {
			annot_cmd_print_line(&out, &l->v[i]);
		}
	}
	ok = fwrite(strbuf_str(&out), 1, out.len, stdout) == out.len && fflush(stdout) == 0;
	strbuf_done(&out);
	if (!ok) {
		cmd_error("annotations: write error: %s", strerror(errno));
		return 1;
	}
	return 0;
}

/* With FILE: attaches it (re-anchoring) and restricts the filter to it; -1 to go on. */
static int
restrict_to_file(struct store *st, struct list_opts *o, struct doc **doc, struct annot_doc **ad)
{
	enum gloss_status rc = open_document(o->file, doc);

	if (rc == GLOSS_OK)
		rc = annot_attach(st, *doc, ANNOT_NOW, ad);
	if (rc != GLOSS_OK)
		return report(rc);
	o->filter.doc_id = annot_doc_id(*ad);
	return o->filter.doc_id == 0 ? 0 : -1;	/* never annotated: nothing to list */
}

int
annotations_main(int argc, char **argv)
{
	struct list_opts o = { .filter = { .color = -1 } };
	struct store *st = NULL;
	struct doc *doc = NULL;
	struct annot_doc *ad = NULL;
	struct store_list l = { 0 };
	enum gloss_status rc;
	int status = parse_annotations(argc, argv, &o);

	if (status >= 0)
		return status;
	if ((rc = store_open(NULL, STORE_READ, &st)) != GLOSS_OK)
		return report(rc);
	if (o.file)
		status = restrict_to_file(st, &o, &doc, &ad);
	if (status < 0) {
		rc = store_query(st, &o.filter, &l);
		status = rc == GLOSS_OK ? print_list(&l, o.json) : report(rc);
	} else if (status == 0) {
		status = print_list(&l, o.json);
	}
	status = damage_status(st, status);
	store_list_free(&l);
	annot_detach(ad);
	doc_free(doc);
	store_close(st);
	return status;
}

/* ------------------------------------------------------------------ */
/* tag, untag, note, delete */

struct id_cmd {
	const char *name, *usage;
	int min_args, max_args;		/* after the id; -1: no limit */
	enum gloss_status (*run)(struct store *st, int64_t id, int argc, char **argv);
};

static enum gloss_status
run_tag(struct store *st, int64_t id, int argc, char **argv)
{
	return annot_set_tags(st, id, (const char *const *)argv, (size_t)argc, NULL, 0);
}

static enum gloss_status
run_untag(struct store *st, int64_t id, int argc, char **argv)
{
	return annot_set_tags(st, id, NULL, 0, (const char *const *)argv, (size_t)argc);
}

static enum gloss_status
read_stdin(struct strbuf *sb)
{
	char buf[8192];
	size_t n;

	while ((n = fread(buf, 1, sizeof buf, stdin)) > 0)
		strbuf_add(sb, buf, n);
	if (ferror(stdin))
		return error_set(GLOSS_EIO, "note: cannot read standard input: %s", strerror(errno));
	return GLOSS_OK;
}

static enum gloss_status
run_note(struct store *st, int64_t id, int argc, char **argv)
{
	struct strbuf text = STRBUF_INIT, nfc = STRBUF_INIT;
	enum gloss_status rc = GLOSS_OK;

	(void)argc;
	if (strcmp(argv[0], "-") == 0)
		rc = read_stdin(&text);
	else
		strbuf_adds(&text, argv[0]);
	if (rc == GLOSS_OK && (!text_valid(text.buf ? text.buf : "", text.len) ||
	    memchr(strbuf_str(&text), '\0', text.len)))
		rc = error_set(GLOSS_EUSAGE, "note: the note must be valid UTF-8 text");
	if (rc == GLOSS_OK) {
		text_nfc(strbuf_str(&text), text.len, &nfc);
		rc = annot_set_note(st, id, strbuf_str(&nfc));
	}
	strbuf_done(&text);
	strbuf_done(&nfc);
	return rc;
}

static enum gloss_status
run_delete(struct store *st, int64_t id, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return annot_delete(st, id);
}

static const struct id_cmd id_cmds[] = {
	{ "tag", "gloss tag ID TAG...", 1, -1, run_tag },
	{ "untag", "gloss untag ID TAG...", 1, -1, run_untag },
	{ "note", "gloss note ID TEXT  (TEXT '-' reads standard input; '' removes the note)", 1, 1, run_note },
	{ "delete", "gloss delete ID", 0, 0, run_delete },
};

static int
id_main(const struct id_cmd *c, int argc, char **argv)
{
	struct store *st = NULL;
	struct store_annotation a;
	enum gloss_status rc;
	int64_t id;
	int nargs = argc - 2;

	if (argc >= 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		printf("Usage: %s\n", c->usage);
		return 0;
	}
	if (argc < 2)
		return usage_error(c->name, c->usage, "%s", "missing ID");
	if (!parse_id(argv[1], &id))
		return usage_error(c->name, c->usage, "invalid annotation id '%s'", argv[1]);
	if (nargs < c->min_args || (c->max_args >= 0 && nargs > c->max_args))
		return usage_error(c->name, c->usage, "%s", nargs < c->min_args ? "missing arguments"
		    : "too many arguments");
	if ((rc = store_open(NULL, 0, &st)) == GLOSS_OK && (rc = store_get(st, id, &a)) == GLOSS_OK) {
		store_annotation_done(&a);
		rc = c->run(st, id, nargs, argv + 2);
	}
	store_close(st);
	if (rc == GLOSS_ENOTFOUND || rc == GLOSS_EUSAGE) {
		cmd_error("%s: %s", c->name, error_last(rc));
		return error_exit_code(rc);
	}
	return rc == GLOSS_OK ? 0 : report(rc);
}

int
tag_main(int argc, char **argv)
{
	return id_main(&id_cmds[0], argc, argv);
}

int
untag_main(int argc, char **argv)
{
	return id_main(&id_cmds[1], argc, argv);
}

int
note_main(int argc, char **argv)
{
	return id_main(&id_cmds[2], argc, argv);
}

int
delete_main(int argc, char **argv)
{
	return id_main(&id_cmds[3], argc, argv);
}

/* ------------------------------------------------------------------ */
/* recover */

#define RECOVER_USAGE "gloss recover NEW.db"

int
recover_main(int argc, char **argv)
{
	struct strbuf report = STRBUF_INIT;
	char *from;
	enum gloss_status rc;

	if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		printf("Usage: %s\nCopy what can be read of the annotation database (--db, $GLOSS_DB or "
		    "the default) into the new database NEW.db; the old one is left as it is.\n",
		    RECOVER_USAGE);
		return 0;
	}
	if (argc != 2)
		return usage_error("recover", RECOVER_USAGE, "%s", argc < 2 ? "missing NEW.db" :
		    "too many arguments");
	from = opt_db ? xstrdup(opt_db) : store_default_path();
	if (access(from, F_OK) != 0)
		rc = error_set(GLOSS_ENOENT, "no database at %s", from);
	else
		rc = store_recover(from, argv[1], &report);
	if (rc == GLOSS_OK)
		printf("%sRecovered into %s; %s was left as it is.  Use it with --db %s or "
		    "GLOSS_DB=%s.\n", strbuf_str(&report), argv[1], from, argv[1], argv[1]);
	strbuf_done(&report);
	free(from);
	if (rc != GLOSS_OK) {
		cmd_error("recover: %s", error_last(rc));
		return error_exit_code(rc);
	}
	return 0;
}

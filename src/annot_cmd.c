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

struct annotate_opts {
	const char *file, *quote, *note;
	const char **tags;
	size_t ntags;
	long nth;		/* 0: not given */
	enum store_color color;
};

enum { OPT_QUOTE, OPT_NTH, OPT_NOTE, OPT_TAG, OPT_COLOR, OPT_STATUS, OPT_JSON };

static const struct cmd_option annotate_options[] = {
	{ "quote", 0, "TEXT", 0, OPT_QUOTE, "the passage to highlight (required)" },
	{ "nth", 0, "N", 0, OPT_NTH, "the Nth of several occurrences" },
	{ "note", 0, "TEXT", 0, OPT_NOTE, "the annotation's note" },
	{ "tag", 0, "TAG", 0, OPT_TAG, "a tag (repeat for more)" },
	{ "color", 0, "NAME", 0, OPT_COLOR, "the highlight's colour" },
	{ "colour", 0, "NAME", 0, OPT_COLOR, NULL },
	{ NULL, 0, NULL, 0, 0, NULL },
};

static int
parse_annotate(int argc, char **argv, struct annotate_opts *o)
{
	const struct cmd_entry *e = &annot_cmd_annotate_entry;
	struct cmd_getopt g;
	char *end;
	int c;

	cmd_getopt_init(&g, e, argc, argv);
	while ((c = cmd_getopt_next(&g)) != CMD_END) {
		switch (c) {
		case OPT_QUOTE:
			o->quote = optarg;
			break;
		case OPT_NTH:
			o->nth = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end || o->nth < 1)
				return cmd_usage_error(e, "invalid --nth '%s' (1, 2, ...)", optarg);
			break;
		case OPT_NOTE:
			o->note = optarg;
			break;
		case OPT_TAG:
			o->tags = xreallocarray(o->tags, o->ntags + 1, sizeof *o->tags);
			o->tags[o->ntags++] = optarg;
			break;
		case OPT_COLOR:
			if (!store_color_parse(optarg, &o->color)) {
				cmd_error("unknown colour '%s' (one of %s)", optarg, store_color_names());
				return 2;
			}
			break;
		default:
			return cmd_getopt_status(c);
		}
	}
	if (optind != argc - 1)
		return cmd_usage_error(e, "%s", optind == argc ? "missing FILE" : "too many arguments");
	o->file = argv[optind];
	if (o->quote == NULL)
		return cmd_usage_error(e, "%s", "--quote TEXT is required");
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
			cmd_error("%s", error_last(GLOSS_EUSAGE));
			return 2;
		}
		free(name);
		free(key);
	}
	if (!text_valid(o->quote, strlen(o->quote)) ||
	    (o->note && !text_valid(o->note, strlen(o->note)))) {
		cmd_error("the quote and the note must be valid UTF-8");
		return 2;
	}
	text_nfc(o->quote, strlen(o->quote), quote);
	z = quote->len;
	while (a < z && strchr(" \t\n\r\f\v", quote->buf[a]))
		a++;
	while (z > a && strchr(" \t\n\r\f\v", quote->buf[z - 1]))
		z--;
	if (a == z) {
		cmd_error("empty selection: the quote is empty");
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
		cmd_error("'%s' does not occur in %s", q, o->file);
		rc = 1;
	} else if (o->nth == 0 && n > 1) {
		cmd_error("'%s' occurs %zu times in %s; choose one with --nth 1 to %zu", q, n,
		    o->file, n);
		rc = 1;
	} else if ((size_t)o->nth > n) {
		cmd_error("'%s' occurs only %zu time%s in %s", q, n, n == 1 ? "" : "s", o->file);
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
		cmd_error("cannot write the id: %s", strerror(errno));
		status = 1;
	}
	annot_detach(ad);
	store_close(st);
	doc_free(doc);
	return status;
}

static int
annotate_exec(int argc, char **argv)
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

struct list_opts {
	const char *file, *tag;
	struct store_filter filter;
	bool json;
};

static const struct cmd_option annotations_options[] = {
	{ "tag", 0, "TAG", 0, OPT_TAG, "only annotations with this tag" },
	{ "status", 0, "anchored|moved|orphaned", 0, OPT_STATUS, "only annotations of this status (repeat for more)" },
	{ "color", 0, "NAME", 0, OPT_COLOR, "only highlights of this colour" },
	{ "colour", 0, "NAME", 0, OPT_COLOR, NULL },
	{ "json", 0, NULL, 0, OPT_JSON, "print a JSON array" },
	{ NULL, 0, NULL, 0, 0, NULL },
};

static int
parse_annotations(int argc, char **argv, struct list_opts *o)
{
	const struct cmd_entry *e = &annot_cmd_annotations_entry;
	struct cmd_getopt g;
	enum anchor_status status;
	enum store_color color;
	int c;

	cmd_getopt_init(&g, e, argc, argv);
	while ((c = cmd_getopt_next(&g)) != CMD_END) {
		switch (c) {
		case OPT_TAG:
			o->tag = optarg;
			o->filter.tags = &o->tag;
			o->filter.ntags = 1;
			break;
		case OPT_STATUS:
			if (!anchor_status_parse(optarg, &status))
				return cmd_usage_error(e, "unknown status '%s' (anchored, moved or orphaned)", optarg);
			o->filter.statuses |= 1u << status;
			break;
		case OPT_COLOR:
			if (!store_color_parse(optarg, &color)) {
				cmd_error("unknown colour '%s' (one of %s)", optarg, store_color_names());
				return 2;
			}
			o->filter.color = (int)color;
			break;
		case OPT_JSON:
			o->json = true;
			break;
		default:
			return cmd_getopt_status(c);
		}
	}
	if (argc - optind > 1)
		return cmd_usage_error(e, "%s", "too many arguments");
	o->file = optind < argc ? argv[optind] : NULL;
	if (o->tag) {
		char *name, *key;

		if (store_tag_normalize(o->tag, &name, &key) != GLOSS_OK) {
			cmd_error("%s", error_last(GLOSS_EUSAGE));
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
		cmd_error("write error: %s", strerror(errno));
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

static int
annotations_exec(int argc, char **argv)
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
	const struct cmd_entry *entry;
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
		return error_set(GLOSS_EIO, "cannot read standard input: %s", strerror(errno));
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
		rc = error_set(GLOSS_EUSAGE, "the note must be valid UTF-8 text");
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

static const struct cmd_option no_options[] = { { NULL, 0, NULL, 0, 0, NULL } };

static int
id_main(const struct id_cmd *c, int argc, char **argv)
{
	const struct cmd_entry *e = c->entry;
	struct cmd_getopt g;
	struct store *st = NULL;
	struct store_annotation a;
	enum gloss_status rc;
	int64_t id;
	int nargs, opt;

	cmd_getopt_init(&g, e, argc, argv);
	if ((opt = cmd_getopt_next(&g)) != CMD_END)
		return cmd_getopt_status(opt);
	argc -= optind - 1;
	argv += optind - 1;
	nargs = argc - 2;
	if (argc < 2)
		return cmd_usage_error(e, "%s", "missing ID");
	if (!parse_id(argv[1], &id))
		return cmd_usage_error(e, "invalid annotation id '%s'", argv[1]);
	if (nargs < c->min_args || (c->max_args >= 0 && nargs > c->max_args))
		return cmd_usage_error(e, "%s", nargs < c->min_args ? "missing arguments" : "too many arguments");
	if ((rc = store_open(NULL, 0, &st)) == GLOSS_OK && (rc = store_get(st, id, &a)) == GLOSS_OK) {
		store_annotation_done(&a);
		rc = c->run(st, id, nargs, argv + 2);
	}
	store_close(st);
	return rc == GLOSS_OK ? 0 : report(rc);
}

static int
tag_exec(int argc, char **argv)
{
	static const struct id_cmd c = { &annot_cmd_tag_entry, 1, -1, run_tag };

	return id_main(&c, argc, argv);
}

static int
untag_exec(int argc, char **argv)
{
	static const struct id_cmd c = { &annot_cmd_untag_entry, 1, -1, run_untag };

	return id_main(&c, argc, argv);
}

static int
note_exec(int argc, char **argv)
{
	static const struct id_cmd c = { &annot_cmd_note_entry, 1, 1, run_note };

	return id_main(&c, argc, argv);
}

static int
delete_exec(int argc, char **argv)
{
	static const struct id_cmd c = { &annot_cmd_delete_entry, 0, 0, run_delete };

	return id_main(&c, argc, argv);
}

/* ------------------------------------------------------------------ */
/* recover */

static int
recover_exec(int argc, char **argv)
{
	struct cmd_getopt g;
	struct strbuf report = STRBUF_INIT;
	char *from;
	enum gloss_status rc;
	int opt;

	cmd_getopt_init(&g, &annot_cmd_recover_entry, argc, argv);
	if ((opt = cmd_getopt_next(&g)) != CMD_END)
		return cmd_getopt_status(opt);
	if (argc - optind != 1)
		return cmd_usage_error(&annot_cmd_recover_entry, "%s", optind == argc ? "missing NEW.db" :
		    "too many arguments");
	argv += optind - 1;
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
		cmd_error("%s", error_last(rc));
		return error_exit_code(rc);
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* The entries */

const struct cmd_entry annot_cmd_annotate_entry = {
	.name = "annotate",
	.usage = "FILE --quote TEXT [--nth N] [--note TEXT] [--tag TAG]... [--color NAME]",
	.summary = "highlight TEXT in FILE; print the annotation's id",
	.help = "White space in TEXT matches any white space in the text.  Colours: yellow,\n"
	    "green, blue, pink, purple, orange, red.\n",
	.options = annotate_options,
	.exec = annotate_exec,
};

const struct cmd_entry annot_cmd_annotations_entry = {
	.name = "annotations",
	.usage = "[FILE] [--tag TAG] [--status anchored|moved|orphaned]... [--color NAME] [--json]",
	.summary = "list annotations (of FILE, re-anchored if it changed)",
	.help = "One a line: id, path, start-end, status, colour, tags and quote, separated by\n"
	    "tabs; or a JSON array with --json.\n",
	.options = annotations_options,
	.exec = annotations_exec,
};

const struct cmd_entry annot_cmd_tag_entry = {
	.name = "tag",
	.usage = "ID TAG...",
	.summary = "add tags to an annotation",
	.options = no_options,
	.flags = CMD_IN_ORDER,
	.exec = tag_exec,
};

const struct cmd_entry annot_cmd_untag_entry = {
	.name = "untag",
	.usage = "ID TAG...",
	.summary = "remove tags from an annotation",
	.options = no_options,
	.flags = CMD_IN_ORDER,
	.exec = untag_exec,
};

const struct cmd_entry annot_cmd_note_entry = {
	.name = "note",
	.usage = "ID TEXT|-",
	.summary = "set an annotation's note",
	.help = "TEXT - reads the note from standard input; '' removes the note.\n",
	.options = no_options,
	.flags = CMD_IN_ORDER,
	.exec = note_exec,
};

const struct cmd_entry annot_cmd_delete_entry = {
	.name = "delete",
	.usage = "ID",
	.summary = "delete an annotation",
	.options = no_options,
	.flags = CMD_IN_ORDER,
	.exec = delete_exec,
};

const struct cmd_entry annot_cmd_recover_entry = {
	.name = "recover",
	.usage = "NEW.db",
	.summary = "copy what a damaged database still holds into NEW.db",
	.help = "The annotation database (--db, $GLOSS_DB or the default) is read and left as it\n"
	    "is; NEW.db must not exist.\n",
	.options = no_options,
	.flags = CMD_IN_ORDER,
	.exec = recover_exec,
};

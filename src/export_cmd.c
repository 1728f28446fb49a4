/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * export_cmd — `gloss export` and `gloss import` (include/gloss/export_cmd.h):
 * options, usage errors before anything is opened, and the calls into
 * export and import.
 */
#include "gloss/gloss.h"

#include <errno.h>
#include <time.h>

#include "gloss/cmd.h"
#include "gloss/export.h"
#include "gloss/export_cmd.h"
#include "gloss/file.h"
#include "gloss/import.h"
#include "gloss/xmalloc.h"

struct export_args {
	struct export_options o;
	const char **tags;
	const char *out;
	bool force, no_time;
};

/* The "exported" time: $GLOSS_EXPORT_TIME (ISO or seconds) or now; -1 if the variable is invalid. */
static int
export_now(struct export_args *a)
{
	const char *env = getenv("GLOSS_EXPORT_TIME");
	char *end;

	a->o.now = (int64_t)time(NULL);
	if (a->no_time)
		a->o.now = EXPORT_NO_TIME;
	else if (env && *env && !export_parse_time(env, &a->o.now)) {
		a->o.now = strtoll(env, &end, 10);
		if (*end)
			return cmd_usage_error(&export_cmd_export_entry, "invalid GLOSS_EXPORT_TIME '%s'", env);
	}
	return -1;
}

enum { OPT_TAG, OPT_COLOR, OPT_SINCE, OPT_BY, OPT_FORMAT, OPT_OUTPUT, OPT_FORCE, OPT_NO_TIME, OPT_CREATOR,
	OPT_STRICT, OPT_MAP };

static const struct cmd_option export_options[] = {
	{ "tag", 0, "TAG", 0, OPT_TAG, "only annotations with this tag (repeat for more)" },
	{ "color", 0, "NAME", 0, OPT_COLOR, "only highlights of this colour" },
	{ "colour", 0, "NAME", 0, OPT_COLOR, NULL },
	{ "since", 0, "DATE", 0, OPT_SINCE, "only annotations made or changed since DATE (YYYY-MM-DD)" },
	{ "by", 0, "document|tag", 0, OPT_BY, "group by document (default) or by tag" },
	{ "format", 0, "markdown|json", 0, OPT_FORMAT, "Markdown (default) or W3C Web Annotation JSON" },
	{ "output", 'o', "OUT", 0, OPT_OUTPUT, "write atomically to OUT instead of standard output" },
	{ "force", 0, NULL, 0, OPT_FORCE, "replace OUT if it exists" },
	{ "no-timestamp", 0, NULL, 0, OPT_NO_TIME, "leave out the time of the export" },
	{ "creator", 0, "NAME", 0, OPT_CREATOR, "who made the annotations (JSON)" },
	{ NULL, 0, NULL, 0, 0, NULL },
};

static int
bad_value(const char *what, const char *arg)
{
	return cmd_usage_error(&export_cmd_export_entry, "%s '%s'", what, arg);
}

static int
parse_option(struct export_args *a, int c)
{
	enum store_color color;

	switch (c) {
	case OPT_TAG:
		a->tags = xreallocarray(a->tags, a->o.ntags + 1, sizeof *a->tags);
		a->tags[a->o.ntags++] = optarg;
		return -1;
	case OPT_COLOR:
		if (!store_color_parse(optarg, &color))
			return bad_value("unknown colour", optarg);
		a->o.color = (int)color;
		return -1;
	case OPT_SINCE:
		if (!export_parse_time(optarg, &a->o.since))
			return bad_value("invalid --since (YYYY-MM-DD)", optarg);
		return -1;
	case OPT_BY:
		if (strcmp(optarg, "document") != 0 && strcmp(optarg, "tag") != 0)
			return bad_value("--by takes document or tag, not", optarg);
		a->o.by = optarg[0] == 't' ? EXPORT_BY_TAG : EXPORT_BY_DOCUMENT;
		return -1;
	case OPT_FORMAT:
		if (strcmp(optarg, "markdown") != 0 && strcmp(optarg, "json") != 0)
			return bad_value("--format takes markdown or json, not", optarg);
		a->o.format = optarg[0] == 'j' ? EXPORT_JSON : EXPORT_MARKDOWN;
		return -1;
	case OPT_OUTPUT:
		a->out = optarg;
		return -1;
	case OPT_FORCE:
		a->force = true;
		return -1;
	case OPT_NO_TIME:
		a->no_time = true;
		return -1;
	case OPT_CREATOR:
		a->o.creator = optarg;
		return -1;
	default:
		return cmd_getopt_status(c);
	}
}

static int
parse_export(int argc, char **argv, struct export_args *a)
{
	struct cmd_getopt g;
	int c, status;

	cmd_getopt_init(&g, &export_cmd_export_entry, argc, argv);
	while ((c = cmd_getopt_next(&g)) != CMD_END)
		if ((status = parse_option(a, c)) >= 0)
			return status;
	for (size_t i = 0; i < a->o.ntags; i++) {
		char *name, *key;

		if (store_tag_normalize(a->tags[i], &name, &key) != GLOSS_OK) {
			cmd_error("%s", error_last(GLOSS_EUSAGE));
			return 2;
		}
		free(name);
		free(key);
	}
	a->o.files = (const char *const *)argv + optind;
	a->o.nfiles = (size_t)(argc - optind);
	a->o.tags = a->tags;
	return export_now(a);
}

static int
write_out(const struct export_args *a, const struct strbuf *out)
{
	enum gloss_status rc;

	if (a->out) {
		if ((rc = file_write_atomic(a->out, strbuf_str(out), out->len, a->force)) != GLOSS_OK) {
			cmd_error("%s", error_last(rc));
			return 1;
		}
		return 0;
	}
	if (fwrite(strbuf_str(out), 1, out->len, stdout) != out->len || fflush(stdout) != 0) {
		cmd_error("write error: %s", strerror(errno));
		return 1;
	}
	return 0;
}

static int
export_exec(int argc, char **argv)
{
	struct export_args a = { .o = { .color = -1 } };
	struct store *st = NULL;
	struct strbuf out = STRBUF_INIT;
	enum gloss_status rc;
	size_t count = 0;
	int status = parse_export(argc, argv, &a);

	if (status < 0) {
		rc = store_open(NULL, STORE_READ, &st);
		if (rc == GLOSS_OK)
			rc = export_run(st, &a.o, &out, &count);
		if (rc != GLOSS_OK) {
			cmd_error("%s", error_last(rc));
			status = error_exit_code(rc);
		} else {
			if (count == 0)
				cmd_error("no annotations match; the export is empty");
			status = write_out(&a, &out);
		}
		if (status == 0 && st && store_damaged(st)) {	/* what could be read was written */
			cmd_error("%s", store_damaged(st));
			status = 1;
		}
	}
	store_close(st);
	strbuf_done(&out);
	free(a.tags);
	return status;
}

/* ------------------------------------------------------------------ */
/* import */

static enum gloss_status
read_file(const char *path, struct strbuf *sb)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char buf[65536];
	size_t n;
	int e;

	if (f == NULL)
		return error_set(errno == ENOENT ? GLOSS_ENOENT : GLOSS_EIO, "%s: %s", path, strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(sb, buf, n);
	e = ferror(f) ? errno : 0;
	if (f != stdin)
		fclose(f);
	if (e)
		return error_set(GLOSS_EIO, "%s: %s", path, strerror(e));
	return GLOSS_OK;
}

struct import_args {
	struct import_options o;
	struct import_map *maps;
	const char *file;
	char *dir;
};

/* "gloss: import: FILE: annotation N: why" */
static void
import_say(void *arg, const char *line)
{
	cmd_error("%s: %s", ((const struct import_args *)arg)->file, line);
}

static int
import_map_arg(struct import_args *a, char *arg)
{
	char *eq = strchr(arg, '=');

	if (eq == NULL || eq == arg || eq[1] == '\0')
		return cmd_usage_error(&export_cmd_import_entry, "--map takes URL=PATH, not '%s'", arg);
	*eq = '\0';
	a->maps = xreallocarray(a->maps, a->o.nmaps + 1, sizeof *a->maps);
	a->maps[a->o.nmaps++] = (struct import_map){ arg, eq + 1 };
	a->o.maps = a->maps;
	return -1;
}

static const struct cmd_option import_options[] = {
	{ "strict", 0, NULL, 0, OPT_STRICT, "import nothing if any annotation is rejected" },
	{ "map", 0, "URL=PATH", 0, OPT_MAP, "PATH is the local copy of the web page URL (repeat for more)" },
	{ NULL, 0, NULL, 0, 0, NULL },
};

static int
parse_import(int argc, char **argv, struct import_args *a)
{
	const struct cmd_entry *e = &export_cmd_import_entry;
	struct cmd_getopt g;
	int c, status;

	cmd_getopt_init(&g, e, argc, argv);
	while ((c = cmd_getopt_next(&g)) != CMD_END) {
		if (c == OPT_STRICT)
			a->o.strict = true;
		else if (c != OPT_MAP)
			return cmd_getopt_status(c);
		else if ((status = import_map_arg(a, optarg)) >= 0)
			return status;
	}
	if (argc - optind != 1)
		return cmd_usage_error(e, "%s", optind >= argc ? "missing FILE" : "too many arguments");
	a->file = argv[optind];
	if (strcmp(a->file, "-") != 0) {
		const char *slash = strrchr(a->file, '/');

		a->dir = slash ? xstrndup(a->file, slash == a->file ? 1 : (size_t)(slash - a->file)) : xstrdup(".");
		a->o.base_dir = a->dir;
	}
	a->o.say = import_say;
	a->o.arg = a;
	return -1;
}

static void
print_counts(const struct import_counts *c)
{
	printf("%zu imported: %zu anchored, %zu moved, %zu orphaned; %zu skipped as duplicates; %zu rejected\n",
	    c->imported, c->anchored, c->moved, c->orphaned, c->duplicates, c->rejected);
}

static int
import_exec(int argc, char **argv)
{
	struct import_args a = { 0 };
	struct strbuf data = STRBUF_INIT;
	struct store *st = NULL;
	struct import_counts counts = { 0 };
	enum gloss_status rc;
	int status = parse_import(argc, argv, &a);

	if (status >= 0)
		goto out;
	if ((rc = read_file(a.file, &data)) == GLOSS_OK && (rc = store_open(NULL, STORE_CREATE, &st)) == GLOSS_OK)
		rc = import_json(st, strbuf_str(&data), data.len, &a.o, &counts);
	if (rc == GLOSS_EPARSE) {
		cmd_error("%s: %s; nothing was imported", a.file, error_last(rc));
		status = 1;
	} else if (rc != GLOSS_OK) {
		cmd_error("%s", error_last(rc));
		status = error_exit_code(rc);
	} else {
		print_counts(&counts);
		status = counts.rejected ? 1 : 0;
	}
out:
	store_close(st);
	strbuf_done(&data);
	free(a.maps);
	free(a.dir);
	return status;
}

/* ------------------------------------------------------------------ */
/* The entries */

const struct cmd_entry export_cmd_export_entry = {
	.name = "export",
	.usage = "[FILE]... [--tag TAG]... [--color NAME] [--since DATE] [--by document|tag] "
	    "[--format markdown|json] [-o OUT] [--force] [--no-timestamp] [--creator NAME]",
	.summary = "export annotations as Markdown or Web Annotation JSON",
	.help = "The annotations of the FILEs, or of every document.  GLOSS_EXPORT_TIME fixes\n"
	    "the exported time; --creator (else $GLOSS_CREATOR, else the login name) names\n"
	    "who made the annotations.\n",
	.options = export_options,
	.exec = export_exec,
};

const struct cmd_entry export_cmd_import_entry = {
	.name = "import",
	.usage = "[--strict] [--map URL=PATH]... FILE.json",
	.summary = "import W3C Web Annotation JSON",
	.help = "gloss's own export, other W3C tools' files and Hypothesis API exports.  FILE -\n"
	    "reads standard input.  An annotation that cannot be imported is named with the\n"
	    "reason and the others are imported (--strict: nothing is).\n",
	.options = import_options,
	.exec = import_exec,
};

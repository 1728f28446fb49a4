/*
 * export_cmd — `gloss export` and `gloss import` (include/gloss/export_cmd.h):
 * options, usage errors before anything is opened, and the calls into
 * export and import.
 */
#include "gloss/gloss.h"

#include <errno.h>
#include <getopt.h>
#include <time.h>

#include "gloss/cmd.h"
#include "gloss/export.h"
#include "gloss/export_cmd.h"
#include "gloss/file.h"
#include "gloss/import.h"
#include "gloss/xmalloc.h"

#define EXPORT_USAGE "gloss export [FILE...] [--tag TAG]... [--color NAME] [--since DATE] " \
	"[--by document|tag] [--format markdown|json] [-o OUT] [--force] [--no-timestamp] [--creator NAME]"
#define IMPORT_USAGE "gloss import [--strict] [--map URL=PATH]... FILE.json"

struct export_args {
	struct export_options o;
	const char **tags;
	const char *out;
	bool force, no_time;
};

static int
usage(const char *cmd, const char *use, const char *msg, const char *arg)
{
	cmd_error("%s: %s%s%s%s", cmd, msg, arg ? " '" : "", arg ? arg : "", arg ? "'" : "");
	fprintf(stderr, "Usage: %s\n", use);
	return 2;
}

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
			return usage("export", EXPORT_USAGE, "invalid GLOSS_EXPORT_TIME", env);
	}
	return -1;
}

static int
parse_option(struct export_args *a, int c)
{
	enum store_color color;

	switch (c) {
	case 't':
		a->tags = xreallocarray(a->tags, a->o.ntags + 1, sizeof *a->tags);
		a->tags[a->o.ntags++] = optarg;
		return -1;
	case 'c':
		if (!store_color_parse(optarg, &color))
			return usage("export", EXPORT_USAGE, "unknown colour", optarg);
		a->o.color = (int)color;
		return -1;
	case 's':
		if (!export_parse_time(optarg, &a->o.since))
			return usage("export", EXPORT_USAGE, "invalid --since (YYYY-MM-DD)", optarg);
		return -1;
	case 'b':
		if (strcmp(optarg, "document") != 0 && strcmp(optarg, "tag") != 0)
			return usage("export", EXPORT_USAGE, "--by takes document or tag, not", optarg);
		a->o.by = optarg[0] == 't' ? EXPORT_BY_TAG : EXPORT_BY_DOCUMENT;
		return -1;
	case 'f':
		if (strcmp(optarg, "markdown") != 0 && strcmp(optarg, "json") != 0)
			return usage("export", EXPORT_USAGE, "--format takes markdown or json, not", optarg);
		a->o.format = optarg[0] == 'j' ? EXPORT_JSON : EXPORT_MARKDOWN;
		return -1;
	case 'o':
		a->out = optarg;
		return -1;
	case 'F':
		a->force = true;
		return -1;
	case 'T':
		a->no_time = true;
		return -1;
	case 'C':
		a->o.creator = optarg;
		return -1;
	case 'h':
		printf("Usage: %s\nExport annotations (of the FILEs, or of every document) as Markdown or\n"
		    "W3C Web Annotation JSON, to standard output or atomically to OUT.\n"
		    "GLOSS_EXPORT_TIME fixes the exported timestamp; --creator (else $GLOSS_CREATOR,\n"
		    "else the login name) names who made the annotations.\n", EXPORT_USAGE);
		return 0;
	default:
		fprintf(stderr, "Usage: %s\n", EXPORT_USAGE);
		return 2;
	}
}

static int
parse_export(int argc, char **argv, struct export_args *a)
{
	static const struct option longopts[] = {
		{ "tag", required_argument, NULL, 't' },
		{ "color", required_argument, NULL, 'c' },
		{ "colour", required_argument, NULL, 'c' },
		{ "since", required_argument, NULL, 's' },
		{ "by", required_argument, NULL, 'b' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		{ "no-timestamp", no_argument, NULL, 'T' },
		{ "creator", required_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c, status;

	optind = 0;	/* 0: re-initialise (the global parse stopped at the first operand) */
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1)
		if ((status = parse_option(a, c)) >= 0)
			return status;
	for (size_t i = 0; i < a->o.ntags; i++) {
		char *name, *key;

		if (store_tag_normalize(a->tags[i], &name, &key) != GLOSS_OK) {
			cmd_error("export: %s", error_last(GLOSS_EUSAGE));
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
			cmd_error("export: %s", error_last(rc));
			return 1;
		}
		return 0;
	}
	if (fwrite(strbuf_str(out), 1, out->len, stdout) != out->len || fflush(stdout) != 0) {
		cmd_error("export: write error: %s", strerror(errno));
		return 1;
	}
	return 0;
}

int
export_main(int argc, char **argv)
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
			cmd_error("export: %s", error_last(rc));
			status = error_exit_code(rc);
		} else {
			if (count == 0)
				cmd_error("export: no annotations match; the export is empty");
			status = write_out(&a, &out);
		}
		if (status == 0 && st && store_damaged(st)) {	/* what could be read was written */
			cmd_error("export: %s", store_damaged(st));
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
	cmd_error("import: %s: %s", ((const struct import_args *)arg)->file, line);
}

static int
import_map_arg(struct import_args *a, char *arg)
{
	char *eq = strchr(arg, '=');

	if (eq == NULL || eq == arg || eq[1] == '\0')
		return usage("import", IMPORT_USAGE, "--map takes URL=PATH, not", arg);
	*eq = '\0';
	a->maps = xreallocarray(a->maps, a->o.nmaps + 1, sizeof *a->maps);
	a->maps[a->o.nmaps++] = (struct import_map){ arg, eq + 1 };
	a->o.maps = a->maps;
	return -1;
}

static int
parse_import(int argc, char **argv, struct import_args *a)
{
	static const struct option longopts[] = {
		{ "strict", no_argument, NULL, 's' },
		{ "map", required_argument, NULL, 'm' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c, status;

	optind = 0;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 's') {
			a->o.strict = true;
		} else if (c == 'm') {
			if ((status = import_map_arg(a, optarg)) >= 0)
				return status;
		} else if (c == 'h') {
			printf("Usage: %s\nImport Web Annotation JSON: gloss's own export, other W3C tools' files\n"
			    "and Hypothesis API exports.  FILE - reads standard input.  An annotation that\n"
			    "cannot be imported is named with the reason and the others are imported\n"
			    "(--strict: nothing is); --map URL=PATH names the local copy of a web page.\n",
			    IMPORT_USAGE);
			return 0;
		} else {
			fprintf(stderr, "Usage: %s\n", IMPORT_USAGE);
			return 2;
		}
	}
	if (argc - optind != 1)
		return usage("import", IMPORT_USAGE, optind >= argc ? "missing FILE" : "too many arguments", NULL);
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

int
import_main(int argc, char **argv)
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
		cmd_error("import: %s: %s; nothing was imported", a.file, error_last(rc));
		status = 1;
	} else if (rc != GLOSS_OK) {
		cmd_error("import: %s", error_last(rc));
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

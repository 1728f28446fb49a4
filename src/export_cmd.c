/*
 * export_cmd — `gloss export` and `gloss import` (include/gloss/export_cmd.h):
 * options, usage errors before anything is opened, and the calls into
 * export and import.
 */
#include "gloss/gloss.h"

#include <errno.h>
#include <getopt.h>
#include <time.h>

#include "gloss/export.h"
#include "gloss/export_cmd.h"
#include "gloss/import.h"
#include "gloss/xmalloc.h"

#define EXPORT_USAGE "gloss export [FILE...] [--tag TAG]... [--color NAME] [--since DATE] " \
	"[--by document|tag] [--format markdown|json] [-o OUT] [--force] [--no-timestamp]"
#define IMPORT_USAGE "gloss import FILE.json"

struct export_args {
	struct export_options o;
	const char **tags;
	const char *out;
	bool force, no_time;
};

static int
usage(const char *cmd, const char *use, const char *msg, const char *arg)
{
	error_print("%s: %s%s%s%s", cmd, msg, arg ? " '" : "", arg ? arg : "", arg ? "'" : "");
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
	case 'h':
		printf("Usage: %s\nExport annotations (of the FILEs, or of every document) as Markdown or\n"
		    "W3C Web Annotation JSON, to standard output or atomically to OUT.\n"
		    "GLOSS_EXPORT_TIME fixes the exported timestamp.\n", EXPORT_USAGE);
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
			error_print("export: %s", error_last(GLOSS_EUSAGE));
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
		if ((rc = export_write_file(a->out, strbuf_str(out), out->len, a->force)) != GLOSS_OK) {
			error_print("export: %s", error_last(rc));
			return 1;
		}
		return 0;
	}
	if (fwrite(strbuf_str(out), 1, out->len, stdout) != out->len || fflush(stdout) != 0) {
		error_print("export: write error: %s", strerror(errno));
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
			error_print("export: %s", error_last(rc));
			status = error_exit_code(rc);
		} else {
			if (count == 0)
				error_print("export: no annotations match; the export is empty");
			status = write_out(&a, &out);
		}
		if (status == 0 && st && store_damaged(st)) {	/* what could be read was written */
			error_print("export: %s", store_damaged(st));
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

int
import_main(int argc, char **argv)
{
	struct strbuf data = STRBUF_INIT;
	struct store *st = NULL;
	enum gloss_status rc;
	size_t added, skipped;

	if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		printf("Usage: %s\nImport W3C Web Annotation JSON (as written by gloss export --format json);\n"
		    "FILE - reads standard input.  Nothing is imported if anything is wrong.\n", IMPORT_USAGE);
		return 0;
	}
	if (argc != 2)
		return usage("import", IMPORT_USAGE, argc < 2 ? "missing FILE" : "too many arguments", NULL);
	if ((rc = read_file(argv[1], &data)) == GLOSS_OK && (rc = store_open(NULL, STORE_CREATE, &st)) == GLOSS_OK)
		rc = import_json(st, strbuf_str(&data), data.len, &added, &skipped);
	store_close(st);
	strbuf_done(&data);
	if (rc == GLOSS_EPARSE) {
		error_print("import: %s: %s; nothing was imported", argv[1], error_last(rc));
		return 1;
	}
	if (rc != GLOSS_OK) {
		error_print("import: %s", error_last(rc));
		return error_exit_code(rc);
	}
	printf("%zu imported, %zu already present\n", added, skipped);
	return 0;
}

/*
 * dump — `gloss dump`: lays the document out with the same presentation
 * and layout as the pager and writes plain lines (see include/gloss/dump.h).
 */
#include "gloss/gloss.h"

#include <errno.h>
#include <getopt.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "gloss/dump.h"
#include "gloss/layout.h"
#include "gloss/options.h"
#include "gloss/present.h"
#include "gloss/strbuf.h"

#define DUMP_FLUSH (64u * 1024u)

static void
rtrim(struct strbuf *sb, size_t floor)
{
	while (sb->len > floor && sb->buf[sb->len - 1] == ' ')
		sb->len--;
	if (sb->buf)
		sb->buf[sb->len] = '\0';
}

static void
dump_block(struct doc_block *b, int width, enum glyph_mode mode, struct strbuf *out)
{
	struct present p;
	struct layout_opts o;
	const struct layout_line *lines;
	size_t n;

	present_block(b, mode, true, width, &p);
	o = present_layout_opts(&p, width, mode);
	lines = layout_block(b, &o, &n);
	for (size_t i = 0; i < n; i++) {
		size_t line_start = out->len;

		strbuf_adds(out, i == 0 ? p.first : p.rest);
		present_line_text(b, &lines[i], mode, out);
		rtrim(out, line_start);
		strbuf_addc(out, '\n');
	}
}

static bool
flush(struct strbuf *sb, FILE *out)
{
	bool ok = sb->len == 0 || fwrite(sb->buf, 1, sb->len, out) == sb->len;

	strbuf_reset(sb);
	return ok;
}

enum gloss_status
dump_doc(struct doc *doc, int width, enum glyph_mode mode, FILE *out)
{
	struct strbuf sb = STRBUF_INIT;
	struct doc_loc loc;
	bool ok = true, first = true, joined = false;
	uint32_t chunk = 0;

	if (doc_first(doc, &loc)) {
		do {
			struct doc_block *b = doc_block(doc, loc);

			if (!first && !joined)
				strbuf_addc(&sb, '\n');
			dump_block(b, width, mode, &sb);
			joined = (b->flags & DOC_BLOCK_JOINED) != 0;
			first = false;
			if (sb.len >= DUMP_FLUSH)
				ok = flush(&sb, out) && ok;
			if (loc.chunk != chunk) {
				chunk = loc.chunk;
				doc_trim(doc);
			}
		} while (doc_next(doc, &loc));
	}
	ok = flush(&sb, out) && ok;
	ok = fflush(out) == 0 && ok;
	strbuf_done(&sb);
	if (!ok)
		return error_set(GLOSS_EIO, "write error: %s", strerror(errno));
	return GLOSS_OK;
}

static int
terminal_width(void)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

static void
dump_usage(FILE *f)
{
	fputs("Usage: gloss dump [-w COLS] [--ascii] [--force] FILE\n"
	    "Print FILE laid out as plain text, COLS columns wide (default: the terminal's\n"
	    "width, or 80 when output is not a terminal).  FILE may be - for standard input.\n", f);
}

static int
parse_width(const char *s)
{
	char *end;
	long w;

	errno = 0;
	w = strtol(s, &end, 10);
	if (errno || *end || w < 1 || w > 100000)
		return -1;
	return (int)w;
}

int
dump_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "width", required_argument, NULL, 'w' },
		{ "ascii", no_argument, NULL, 'a' },
		{ "force", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct doc_options dopt = { .force = false, .format = -1, .tab_width = 8 };
	struct doc *doc;
	enum gloss_status rc;
	int width = terminal_width(), c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "w:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'w':
			if ((width = parse_width(optarg)) < 0) {
				error_print("dump: invalid width '%s'", optarg);
				return 2;
			}
			break;
		case 'a':
			opt_glyphs = GLYPH_ASCII;
			break;
		case 'f':
			opt_force = true;
			break;
		case 'h':
			dump_usage(stdout);
			return 0;
		default:
			dump_usage(stderr);
			return 2;
		}
	}
	if (optind != argc - 1) {
		error_print("dump: %s", optind == argc ? "missing FILE" : "too many arguments");
		dump_usage(stderr);
		return 2;
	}
	dopt.force = opt_force;
	rc = doc_open(argv[optind], &dopt, &doc);
	if (rc != GLOSS_OK) {
		error_print("%s", error_last(rc));
		return error_exit_code(rc);
	}
	rc = dump_doc(doc, width, opt_glyphs, stdout);
	doc_free(doc);
	if (rc != GLOSS_OK) {
		error_print("%s", error_last(rc));
		return 1;
	}
	return 0;
}

/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * notes_cmd — `gloss notes FILE [--json]` (include/gloss/notes_cmd.h):
 * option parsing, the text form (every string from the document through
 * the glyph module's safe output) and the JSON form.
 */
#include "gloss/gloss.h"


#include "gloss/cmd.h"
#include "gloss/error.h"
#include "gloss/glyph.h"
#include "gloss/json.h"
#include "gloss/locator.h"
#include "gloss/notes_cmd.h"
#include "gloss/options.h"
#include "gloss/strbuf.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"


struct printer {
	struct strbuf *out;
	struct doc *doc;
	const struct notes *notes;
	const struct links *links;
	struct locator *where;
};

/* ------------------------------------------------------------------ */
/* Places */

/* ------------------------------------------------------------------ */
/* Text form */

/* Appends s safely, on one line: paragraph breaks as ¶, other line ends and tabs as spaces. */
static void
add_line(struct strbuf *out, const char *s)
{
	struct strbuf one = STRBUF_INIT;

	text_one_line(&one, s, strlen(s), TEXT_LINE_PARAGRAPHS);
	glyph_append_safe(out, strbuf_str(&one), one.len, opt_glyphs);
	strbuf_done(&one);
}

/* "¶12, 40%" */
static void
add_place(struct printer *p, uint64_t off)
{
	struct locator_place at = locator_at(p->where, off);

	locator_append(p->out, at.paragraph, at.percent);
}

static void
text_note(struct printer *p, size_t i)
{
	const struct notes_note *n = notes_note(p->notes, i);
	int res = notes_resolve(p->notes, (int)i);

	add_line(p->out, n->label);
	strbuf_adds(p->out, n->ncites ? "\tcited at " : "\t(not cited)");
	for (size_t k = 0; k < n->ncites; k++) {
		if (k > 0)
			strbuf_adds(p->out, ", ");
		add_place(p, notes_marker(p->notes, n->cites[k])->start);
	}
	strbuf_addc(p->out, '\t');
	add_line(p->out, n->text);
	if (n->ibid_of >= 0) {
		strbuf_addc(p->out, '\t');
		add_line(p->out, "= Ibid. \u2192 ");
		add_line(p->out, notes_note(p->notes, (size_t)res)->label);
		if (n->page) {
			strbuf_adds(p->out, ", ");
			add_line(p->out, n->page);
		}
	}
	strbuf_addc(p->out, '\n');
}

static size_t
unmatched_count(const struct notes *notes)
{
	size_t k = 0;

	for (size_t i = 0; i < notes_marker_count(notes); i++)
		k += notes_marker(notes, i)->note < 0;
	return k;
}

static void
text_link(struct printer *p, const struct links_link *l)
{
	add_line(p->out, l->url);
	strbuf_addc(p->out, '\t');
	add_line(p->out, l->host[0] ? l->host : "-");
	strbuf_addc(p->out, '\t');
	if (l->note >= 0) {
		strbuf_adds(p->out, "note ");
		add_line(p->out, notes_note(p->notes, (size_t)l->note)->label);
	} else {
		add_place(p, l->start);
	}
	strbuf_addc(p->out, '\n');
}

static void
print_text(struct printer *p, const char *file, notes_cmd_xref_fn xref, void *arg)
{
	strbuf_addf(p->out, "Notes (%zu)\n", notes_count(p->notes));
	for (size_t i = 0; i < notes_count(p->notes); i++)
		text_note(p, i);
	strbuf_addf(p->out, "\nMarkers without a note (%zu)\n", unmatched_count(p->notes));
	for (size_t i = 0; i < notes_marker_count(p->notes); i++) {
		const struct notes_marker *m = notes_marker(p->notes, i);

		if (m->note >= 0)
			continue;
		add_line(p->out, m->label);
		strbuf_addc(p->out, '\t');
		add_place(p, m->start);
		strbuf_addf(p->out, "\t%s\n", notes_style_name(m->style));
	}
	strbuf_addf(p->out, "\nLinks (%zu)\n", links_count(p->links));
	for (size_t i = 0; i < links_count(p->links); i++)
		text_link(p, links_get(p->links, i));
	if (xref) {
		struct strbuf x = STRBUF_INIT;
		size_t n = 0;

		xref(&x, file, p->doc, false, arg);
		for (size_t i = 0; i < x.len; i++)
			n += x.buf[i] == '\n';
		strbuf_addf(p->out, "\nCross-document (%zu)\n", n);
		strbuf_add(p->out, strbuf_str(&x), x.len);
		strbuf_done(&x);
	}
}

/* ------------------------------------------------------------------ */
/* JSON form */

static void
json_place(struct printer *p, uint64_t start, uint64_t end)
{
	struct locator_place at = locator_at(p->where, start);

	strbuf_addf(p->out, "\"start\": %llu, \"end\": %llu, \"paragraph\": %u, \"percent\": %u",
	    (unsigned long long)start, (unsigned long long)end, at.paragraph, at.percent);
}

static void
json_note(struct printer *p, size_t i)
{
	const struct notes_note *n = notes_note(p->notes, i);
	int res = notes_resolve(p->notes, (int)i);

	strbuf_adds(p->out, "{\"label\": ");
	json_string(p->out, n->label);
	strbuf_adds(p->out, ", \"text\": ");
	json_string(p->out, n->text);
	strbuf_addf(p->out, ", \"start\": %llu, \"end\": %llu, \"cited_at\": [",
	    (unsigned long long)n->start, (unsigned long long)n->end);
	for (size_t k = 0; k < n->ncites; k++) {
		const struct notes_marker *m = notes_marker(p->notes, n->cites[k]);

		strbuf_adds(p->out, k ? ", {" : "{");
		json_place(p, m->start, m->end);
		strbuf_addc(p->out, '}');
	}
	strbuf_adds(p->out, "], \"ibid_of\": ");
	json_string_or_null(p->out, n->ibid_of >= 0 ? notes_note(p->notes, (size_t)res)->label : NULL);
	strbuf_adds(p->out, ", \"page\": ");
	json_string_or_null(p->out, n->page);
	strbuf_addc(p->out, '}');
}

static void
json_markers(struct printer *p)
{
	bool first = true;

	for (size_t i = 0; i < notes_marker_count(p->notes); i++) {
		const struct notes_marker *m = notes_marker(p->notes, i);

		if (m->note >= 0)
			continue;
		strbuf_adds(p->out, first ? "\n  {\"label\": " : ",\n  {\"label\": ");
		json_string(p->out, m->label);
		strbuf_addf(p->out, ", \"style\": \"%s\", ", notes_style_name(m->style));
		json_place(p, m->start, m->end);
		strbuf_addc(p->out, '}');
		first = false;
	}
	strbuf_adds(p->out, first ? "]" : "\n]");
}

static void
json_link(struct printer *p, const struct links_link *l)
{
	strbuf_adds(p->out, "{\"url\": ");
	json_string(p->out, l->url);
	strbuf_adds(p->out, ", \"host\": ");
	json_string(p->out, l->host);
	strbuf_addf(p->out, ", \"start\": %llu, \"end\": %llu, \"note\": ",
	    (unsigned long long)l->start, (unsigned long long)l->end);
	json_string_or_null(p->out, l->note >= 0 ? notes_note(p->notes, (size_t)l->note)->label : NULL);
	strbuf_addc(p->out, '}');
}

static void
print_json(struct printer *p, const char *file, notes_cmd_xref_fn xref, void *arg)
{
	size_t nn = notes_count(p->notes), nl = links_count(p->links);

	strbuf_adds(p->out, "{\"file\": ");
	json_string(p->out, file);
	strbuf_adds(p->out, ",\n\"notes\": [");
	for (size_t i = 0; i < nn; i++) {
		strbuf_adds(p->out, i ? ",\n  " : "\n  ");
		json_note(p, i);
	}
	strbuf_adds(p->out, nn ? "\n],\n\"unmatched_markers\": [" : "],\n\"unmatched_markers\": [");
	json_markers(p);
	strbuf_adds(p->out, ",\n\"links\": [");
	for (size_t i = 0; i < nl; i++) {
		strbuf_adds(p->out, i ? ",\n  " : "\n  ");
		json_link(p, links_get(p->links, i));
	}
	strbuf_adds(p->out, nl ? "\n]" : "]");
	if (xref) {
		strbuf_adds(p->out, ",\n\"cross_document\": [");
		xref(p->out, file, p->doc, true, arg);
		strbuf_addc(p->out, ']');
	}
	strbuf_adds(p->out, "}\n");
}

void
notes_cmd_print(struct strbuf *out, const char *file, struct doc *doc, const struct notes *notes,
    const struct links *links, bool json, notes_cmd_xref_fn xref, void *arg)
{
	struct printer p = { .out = out, .doc = doc, .notes = notes, .links = links };

	p.where = locator_new(doc);
	if (json)
		print_json(&p, file, xref, arg);
	else
		print_text(&p, file, xref, arg);
	locator_free(p.where);
}

/* ------------------------------------------------------------------ */
/* The command */

enum { OPT_JSON, OPT_FORCE };

const struct cmd_option notes_cmd_options[] = {
	{ "json", 0, NULL, 0, OPT_JSON, "print one JSON object" },
	{ "force", 0, NULL, 0, OPT_FORCE, "open a file that looks binary" },
	{ NULL, 0, NULL, 0, 0, NULL },
};

/* Parses the options; returns the index of FILE, or -1/-2 to exit 0/2. */
static int
parse_notes(const struct cmd_entry *e, int argc, char **argv, bool *json)
{
	struct cmd_getopt g;
	int c;

	cmd_getopt_init(&g, e, argc, argv);
	while ((c = cmd_getopt_next(&g)) != CMD_END) {
		if (c == OPT_JSON)
			*json = true;
		else if (c == OPT_FORCE)
			opt_force = true;
		else
			return c == CMD_HELP ? -1 : -2;
	}
	if (optind != argc - 1) {
		cmd_usage_error(e, "%s", optind == argc ? "missing FILE" : "too many arguments");
		return -2;
	}
	return optind;
}

int
notes_cmd_run(const struct cmd_entry *e, int argc, char **argv, notes_cmd_xref_fn xref, void *arg)
{
	struct strbuf out = STRBUF_INIT;
	struct notes *notes = NULL;
	struct links *links = NULL;
	struct doc *doc;
	enum gloss_status rc;
	bool json = false;
	int file = parse_notes(e, argc, argv, &json);

	if (file < 0)
		return file == -1 ? 0 : 2;
	if ((rc = doc_open_default(argv[file], opt_force, &doc)) != GLOSS_OK) {
		cmd_error("%s", error_last(rc));
		return error_exit_code(rc);
	}
	notes_scan(doc, &notes);
	links_scan(doc, notes, &links);
	notes_cmd_print(&out, argv[file], doc, notes, links, json, xref, arg);
	fwrite(strbuf_str(&out), 1, out.len, stdout);
	strbuf_done(&out);
	links_free(links);
	notes_free(notes);
	doc_free(doc);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cmd_error("write error");
		return 1;
	}
	return 0;
}

/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * ui_demo — runs the note editor or a list view alone on the terminal, so
 * that tests/term/tmux-editor.sh can drive them through tmux.
 *
 *   ui_demo editor --out FILE [--draft FILE] [--pid FILE] [--title T]
 *                  [--initial TEXT] [--rows N] [--no-hup-handler]
 *     On exit FILE holds the text (saved or hung up) and FILE.result the
 *     result word (saved, cancelled, hangup).  --draft FILE receives each
 *     draft (replaced each time, removed when the draft is dropped), and
 *     FILE.log one line per call ("draft" or "drop").
 *   ui_demo list --out FILE
 *     A list of 60 rows (key 1000 + row); Enter appends "enter KEY" to
 *     FILE, x deletes the selected row (and refreshes), q quits.
 */
#include "gloss/gloss.h"

#include <signal.h>
#include <unistd.h>

#include "gloss/display.h"
#include "gloss/editor.h"
#include "gloss/error.h"
#include "gloss/listview.h"
#include "gloss/options.h"
#include "gloss/view.h"

static const char *out_path, *draft_path, *pid_path;

static void
put_file(const char *path, const char *mode, const char *s)
{
	FILE *f = fopen(path, mode);

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	fputs(s, f);
	fclose(f);
}

static void
on_hup(int sig)
{
	(void)sig;
	editor_hangup();
}

static void
draft(void *arg, const char *text)
{
	char log[4096], tmp[4096];

	(void)arg;
	if (draft_path == NULL)
		return;
	snprintf(log, sizeof log, "%s.log", draft_path);
	snprintf(tmp, sizeof tmp, "%s.tmp", draft_path);
	if (text) {
		put_file(tmp, "w", text);
		rename(tmp, draft_path);
	} else {
		unlink(draft_path);
	}
	put_file(log, "a", text ? "draft\n" : "drop\n");
}

static int
run_editor(struct editor_opts *o, bool hup_handler)
{
	static const char *const names[] = { "saved", "cancelled", "hangup" };
	struct sigaction sa = { .sa_handler = on_hup };
	struct strbuf text = STRBUF_INIT;
	char path[4096];
	enum editor_result r;

	sigemptyset(&sa.sa_mask);
	if (!hup_handler)
		sa.sa_handler = SIG_IGN;
	sigaction(SIGHUP, &sa, NULL);
	o->draft = draft;
	r = editor_run(o, &text);
	display_done();
	put_file(out_path, "w", strbuf_str(&text));
	snprintf(path, sizeof path, "%s.result", out_path);
	put_file(path, "w", names[r]);
	printf("RESULT %s\n", names[r]);
	strbuf_done(&text);
	return 0;
}

/* ------------------------------------------------------------------ */
/* The list */

static const char *const fixed[] = {
	"Ёлка в лесу", "Новогодняя елка", "Apple pie recipe", "Беларуская мова: ўсё",
	"Українська: їжак і ґудзик", "Second note about ЁЛКИ", "Сто́ит запомнить",
};

struct demo_list {
	char *rows[60];
	size_t n;
};

static size_t
list_count(void *arg)
{
	return ((struct demo_list *)arg)->n;
}

static uint64_t
list_key(void *arg, size_t i)
{
	struct demo_list *l = arg;

	return (uint64_t)strtoull(l->rows[i], NULL, 10);
}

static void
list_draw(void *arg, size_t i, int y, int x, int width, bool selected)
{
	struct demo_list *l = arg;
	const char *s = l->rows[i];

	display_put(stdscr, y, x + 1, s, strlen(s), width - 2,
	    display_style(selected ? DISPLAY_SELECTED : DISPLAY_NORMAL), opt_glyphs);
}

static void
list_text(void *arg, size_t i, struct strbuf *out)
{
	struct demo_list *l = arg;

	strbuf_adds(out, strchr(l->rows[i], ' ') + 1);
}

static enum view_result
list_request(void *arg, struct view *v, enum action a, const struct key *k)
{
	struct demo_list *l = arg;
	uint64_t key;
	size_t row;
	char line[64];

	if (a == ACTION_ENTER && listview_selected(v, NULL, &key)) {
		snprintf(line, sizeof line, "enter %llu\n", (unsigned long long)key);
		put_file(out_path, "a", line);
		view_message("entered %llu", (unsigned long long)key);
		return VIEW_HANDLED;
	}
	(void)k;
	if (a == ACTION_DELETE && listview_selected(v, &row, NULL)) {	/* x */
		free(l->rows[row]);
		memmove(l->rows + row, l->rows + row + 1, (l->n - row - 1) * sizeof *l->rows);
		l->n--;
		listview_refresh(v);
		return VIEW_HANDLED;
	}
	return VIEW_UNHANDLED;
}

static void
list_status(void *arg, struct strbuf *left, struct strbuf *right)
{
	(void)arg;
	(void)right;
	strbuf_adds(left, "Demo list");
}

static void
list_done(void *arg)
{
	struct demo_list *l = arg;

	for (size_t i = 0; i < l->n; i++)
		free(l->rows[i]);
	free(l);
}

static const struct listview_ops demo_ops = {
	.count = list_count,
	.key = list_key,
	.draw = list_draw,
	.text = list_text,
	.request = list_request,
	.status = list_status,
	.done = list_done,
	.empty = "The list is empty",
};

static int
run_list(void)
{
	struct demo_list *l = calloc(1, sizeof *l);

	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(l->rows); i++) {
		char buf[128];

		if (i < GLOSS_ARRAY_SIZE(fixed))
			snprintf(buf, sizeof buf, "%zu %s", 1000 + i, fixed[i]);
		else
			snprintf(buf, sizeof buf, "%zu Filler row number %zu", 1000 + i, i);
		l->rows[l->n++] = strdup(buf);
	}
	put_file(out_path, "w", "");
	view_push(listview_new(&demo_ops, l));
	view_run();
	display_done();
	printf("RESULT list closed\n");
	return 0;
}

int
main(int argc, char **argv)
{
	struct editor_opts o = { 0 };
	bool hup_handler = true;
	char pid[32];

	if (argc < 2)
		return 2;
	for (int i = 2; i < argc; i++) {
		const char *next = i + 1 < argc ? argv[i + 1] : "";

		if (strcmp(argv[i], "--out") == 0)
			out_path = next, i++;
		else if (strcmp(argv[i], "--draft") == 0)
			draft_path = next, i++;
		else if (strcmp(argv[i], "--pid") == 0)
			pid_path = next, i++;
		else if (strcmp(argv[i], "--title") == 0)
			o.title = next, i++;
		else if (strcmp(argv[i], "--initial") == 0)
			o.initial = next, i++;
		else if (strcmp(argv[i], "--rows") == 0)
			o.rows = atoi(next), i++;
		else if (strcmp(argv[i], "--no-hup-handler") == 0)
			hup_handler = false;
		else
			return 2;
	}
	if (out_path == NULL)
		return 2;
	if (pid_path) {
		snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
		put_file(pid_path, "w", pid);
	}
	opt_glyphs = display_locale(false);
	if (!display_init(false)) {
		fprintf(stderr, "ui_demo: %s\n", error_last(GLOSS_EIO));
		return 1;
	}
	if (strcmp(argv[1], "editor") == 0)
		return run_editor(&o, hup_handler);
	if (strcmp(argv[1], "list") == 0)
		return run_list();
	display_done();
	return 2;
}

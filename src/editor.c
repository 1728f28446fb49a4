/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * editor — the note editor's curses front end (see include/gloss/editor.h).
 *
 * It owns one modal session: the box on the screen, the key loop, the
 * draft timer, the cancel confirmation and the round trip through an
 * external editor.  The text itself lives in an editor_buf (editor_buf.c).
 * Text reaches the screen only through display_put(); the borders are
 * curses line characters.
 *
 * The loop waits for keys at most TICK_MS at a time so that it notices a
 * hangup (editor_hangup() from a signal handler, or the terminal gone:
 * input failing at once again and again) and the draft timer.  Keys that
 * are already pending are handled before the next redraw, so a paste
 * costs one wrap, not one per character.
 */
#include "gloss/gloss.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gloss/display.h"
#include "gloss/editor.h"
#include "gloss/monotime.h"
#include "gloss/options.h"
#include "gloss/xmalloc.h"

#define TICK_MS 200		/* longest wait for a key */
#define BURST_MS 20		/* gap that ends a burst of input after Esc */
#define BURST_MAX 4096		/* longest burst looked at as a whole */
#define DRAFT_IDLE_MS 1000	/* a change is drafted after this much quiet */
#define DRAFT_MAX_MS 10000	/* ... or after this long of steady typing */
#define INPUT_ERRORS 5		/* failed reads in a row that mean the terminal is gone */
#define MAX_FILE (16 << 20)	/* largest text read back from the external editor */
#define TEXT_X 2			/* first text column: a border and a space */
#define CTRL(c) ((c) & 0x1F)

enum { GO_ON = -1 };

static volatile sig_atomic_t hangup_flag;

struct ed {
	const struct editor_opts *o;
	struct editor_buf *buf;
	const char *initial;
	size_t top;		/* first display line shown */
	int y0, height;		/* the box: screen rows [y0, y0 + height) */
	char msg[256];		/* shown instead of the key hint until the next key */
	bool confirm;		/* ^C was pressed once on changed text */
	unsigned long drafted;	/* the version last given to draft() (or the initial one) */
	long long changed_ms, unsaved_ms;
	int ctrl_left, ctrl_right;	/* key codes of Ctrl-Left/Right, or 0 */
};

void
editor_hangup(void)
{
	hangup_flag = 1;
}

static void GLOSS_PRINTF(2, 3)
message(struct ed *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
}

/* The key code that the terminal description gives a capability, or 0. */
static int
key_code(const char *cap)
{
	char *s = tigetstr(cap);
	int code;

	if (s == NULL || s == (char *)-1)
		return 0;
	code = key_defined(s);
	return code > 0 ? code : 0;
}

/* ------------------------------------------------------------------ */
/* Drawing */

static void
geometry(struct ed *e)
{
	e->height = e->o->rows > 0 ? GLOSS_MIN(e->o->rows, LINES) : LINES;
	e->height = GLOSS_MAX(e->height, 3);
	e->y0 = GLOSS_MAX(LINES - e->height, 0);
}

/* Text rows inside the box. */
static int
text_rows(const struct ed *e)
{
	return GLOSS_MAX(e->height - 2, 1);
}

/* Text goes in columns [TEXT_X, COLS - TEXT_X), the last one kept for the cursor. */
static int
wrap_width(void)
{
	return GLOSS_MAX(COLS - 2 * TEXT_X - 1, 1);
}

static void
draw_label(int y, int x, const char *s, struct display_attr a)
{
	if (COLS - x - 3 > 2)
		display_put(stdscr, y, x, s, strlen(s), COLS - x - 3, a, opt_glyphs);
}

static void
draw_box(struct ed *e)
{
	int y1 = e->y0 + e->height - 1;
	struct strbuf label = STRBUF_INIT;

	mvadd_wch(e->y0, 0, WACS_ULCORNER);
	mvhline_set(e->y0, 1, WACS_HLINE, COLS - 2);
	mvadd_wch(e->y0, COLS - 1, WACS_URCORNER);
	mvvline_set(e->y0 + 1, 0, WACS_VLINE, e->height - 2);
	mvvline_set(e->y0 + 1, COLS - 1, WACS_VLINE, e->height - 2);
	mvadd_wch(y1, 0, WACS_LLCORNER);
	mvhline_set(y1, 1, WACS_HLINE, COLS - 2);
	mvadd_wch(y1, COLS - 1, WACS_LRCORNER);
	strbuf_addf(&label, " %s ", e->o->title ? e->o->title : "Note");
	draw_label(e->y0, 2, strbuf_str(&label), display_style(DISPLAY_BOLD));
	strbuf_reset(&label);
	if (e->msg[0]) {
		strbuf_addf(&label, " %s ", e->msg);
		draw_label(y1, 2, strbuf_str(&label), display_style(DISPLAY_STATUS_MSG));
	} else {
		draw_label(y1, 2, " Esc save · ^C cancel · ^O external editor ",
		    display_style(DISPLAY_DIM));
	}
	strbuf_done(&label);
}

/* Scrolls so that the cursor's line is shown; returns that line and column. */
static size_t
scroll_to_cursor(struct ed *e, int *col)
{
	size_t li = editor_buf_cursor_line(e->buf, wrap_width(), col);
	size_t rows = (size_t)text_rows(e);

	if (li < e->top)
		e->top = li;
	else if (li >= e->top + rows)
		e->top = li - rows + 1;
	return li;
}

static void
draw(struct ed *e)
{
	struct strbuf s = STRBUF_INIT;
	struct display_attr a = display_style(DISPLAY_NORMAL);
	int col, rows = text_rows(e);
	size_t n, li;
	const struct editor_line *lines;

	geometry(e);
	li = scroll_to_cursor(e, &col);
	lines = editor_buf_lines(e->buf, wrap_width(), &n);
	for (int r = 0; r < rows; r++) {
		int y = e->y0 + 1 + r;

		display_clear_eol(stdscr, y, 1, COLS - 1, a);
		if (e->top + (size_t)r >= n)
			continue;
		strbuf_reset(&s);
		editor_buf_range(e->buf, lines[e->top + r].start, lines[e->top + r].end, &s);
		display_put(stdscr, y, TEXT_X, strbuf_str(&s), s.len, wrap_width() + 1, a, opt_glyphs);
	}
	draw_box(e);
	move(e->y0 + 1 + (int)(li - e->top), TEXT_X + col);
	refresh();
	strbuf_done(&s);
}

/* ------------------------------------------------------------------ */
/* Drafts */

static void
draft_now(struct ed *e)
{
	struct strbuf s = STRBUF_INIT;

	if (e->o->draft == NULL)
		return;
	editor_buf_text(e->buf, &s);
	e->o->draft(e->o->arg, strbuf_str(&s));
	e->drafted = editor_buf_version(e->buf);
	strbuf_done(&s);
}

/* Notes when the text changed; drafts it once it has been quiet long enough. */
static void
draft_tick(struct ed *e, unsigned long before)
{
	long long t = (long long)monotime_ms();
	unsigned long v = editor_buf_version(e->buf);

	if (v != before) {
		if (before == e->drafted)
			e->unsaved_ms = t;
		e->changed_ms = t;
	}
	if (v != e->drafted && (t - e->changed_ms >= DRAFT_IDLE_MS || t - e->unsaved_ms >= DRAFT_MAX_MS))
		draft_now(e);
}

/* ------------------------------------------------------------------ */
/* The external editor */

/* Runs `$VISUAL path` (or $EDITOR, or vi) through the shell; its wait status or -1. */
static int
run_external(const char *path)
{
	const char *ed = getenv("VISUAL");
	struct sigaction ign = { .sa_handler = SIG_IGN }, old_int, old_quit;
	char *cmd;
	pid_t pid;
	int status = -1;

	if (ed == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || *ed == '\0')
		ed = "vi";
	cmd = xasprintf("%s \"$1\"", ed);
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid = fork();
	if (pid == 0) {
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGQUIT, &old_quit, NULL);
		if (!isatty(STDIN_FILENO)) {
			int fd = open("/dev/tty", O_RDONLY);

			if (fd >= 0)
				dup2(fd, STDIN_FILENO);
		}
		execl("/bin/sh", "sh", "-c", cmd, "sh", path, (char *)NULL);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	free(cmd);
	return pid > 0 ? status : -1;
}

static bool
write_file(int fd, const struct strbuf *s)
{
	size_t off = 0;

	while (off < s->len) {
		ssize_t w = write(fd, s->buf + off, s->len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		off += (size_t)w;
	}
	return true;
}

/* Reads path into s (one trailing newline dropped); false with a message. */
static bool
read_back(struct ed *e, const char *path, struct strbuf *s)
{
	char chunk[8192];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (f == NULL) {
		message(e, "Cannot read the note back: %s; the note is unchanged", strerror(errno));
		return false;
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && s->len <= MAX_FILE)
		strbuf_add(s, chunk, n);
	fclose(f);
	if (s->len > MAX_FILE) {
		message(e, "The file is too large for a note; the note is unchanged");
		return false;
	}
	if (s->len > 0 && s->buf[s->len - 1] == '\n')
		strbuf_truncate(s, s->len - (s->len > 1 && s->buf[s->len - 2] == '\r' ? 2 : 1));
	return true;
}

static void
report_failure(struct ed *e, int status)
{
	if (status == -1)
		message(e, "Cannot start the editor: %s; the note is unchanged", strerror(errno));
	else if (WIFEXITED(status))
		message(e, "The editor failed (exit status %d); the note is unchanged", WEXITSTATUS(status));
	else
		message(e, "The editor was stopped; the note is unchanged");
}

/* ^O: the text goes through $VISUAL in a private temporary file. */
static void
external(struct ed *e)
{
	const char *dir = getenv("TMPDIR");
	struct strbuf s = STRBUF_INIT;
	char *path;
	int fd, status;
	bool ok;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	path = xasprintf("%s/gloss-note-XXXXXX.txt", dir);
	fd = mkstemps(path, 4);		/* mode 0600 */
	if (fd < 0) {
		message(e, "Cannot create a temporary file in %s: %s", dir, strerror(errno));
		free(path);
		return;
	}
	editor_buf_text(e->buf, &s);
	strbuf_addc(&s, '\n');
	ok = write_file(fd, &s);
	ok = close(fd) == 0 && ok;
	if (!ok) {
		message(e, "Cannot write the temporary file: %s", strerror(errno));
	} else {
		if (editor_buf_version(e->buf) != e->drafted)
			draft_now(e);
		display_suspend();
		status = run_external(path);
		display_resume();
		strbuf_reset(&s);
		if (status != 0)
			report_failure(e, status);
		else if (read_back(e, path, &s))
			editor_buf_set_text(e->buf, strbuf_str(&s), s.len);
	}
	unlink(path);
	free(path);
	strbuf_done(&s);
}

/* ------------------------------------------------------------------ */
/* Keys */

static bool
modified(const struct ed *e)
{
	struct strbuf s = STRBUF_INIT;
	bool changed;

	editor_buf_text(e->buf, &s);
	changed = strcmp(strbuf_str(&s), e->initial) != 0;
	strbuf_done(&s);
	return changed;
}

/* Inserts one key of a pasted burst as a character. */
static void
insert_literal(struct ed *e, uint32_t c)
{
	if (c == '\r' || c == '\n')
		editor_buf_newline(e->buf);
	else
		editor_buf_insert_cp(e->buf, c);
}

enum esc { ESC_KEY, ESC_DONE, ESC_FN };

/*
 * Is burst[0..n) (the keys after an Esc) an unknown key: Alt+key, or one
 * whole CSI (ESC [ parameters final) or SS3 (ESC O x) sequence?
 */
static bool
unknown_key(const uint32_t *burst, size_t n)
{
	size_t i = 1;

	if (n == 1)
		return true;
	if (burst[0] == 'O')
		return n == 2;
	if (burst[0] != '[')
		return false;
	while (i < n && burst[i] >= 0x20 && burst[i] <= 0x3F)
		i++;
	return i == n - 1 && burst[i] >= 0x40 && burst[i] <= 0x7E;
}

/*
 * Esc.  Alone it is the Esc key (save).  With more input right behind it,
 * it starts a burst: an unknown function key or Alt+key is ignored; any
 * other burst (a paste) is inserted as characters, Esc included.  A known
 * function key ends the burst and is left in *k (ESC_FN).
 */
static enum esc
escape(struct ed *e, struct key *k)
{
	uint32_t burst[BURST_MAX];
	size_t n = 0;
	bool fn = false;

	if (!display_getkey(k, 0))
		return ESC_KEY;
	do {
		if ((fn = k->fn))
			break;
		burst[n++] = k->code;
	} while (n < BURST_MAX && display_getkey(k, BURST_MS));
	if (n == BURST_MAX || !unknown_key(burst, n)) {
		insert_literal(e, 0x1B);
		for (size_t i = 0; i < n; i++)
			insert_literal(e, burst[i]);
	}
	return fn ? ESC_FN : ESC_DONE;
}

/* Moves and deletions bound to function keys. */
static void
function_key(struct ed *e, uint32_t c)
{
	int w = wrap_width(), page = GLOSS_MAX(text_rows(e) - 1, 1);

	switch (c) {
	case KEY_LEFT: editor_buf_left(e->buf); break;
	case KEY_RIGHT: editor_buf_right(e->buf); break;
	case KEY_UP: editor_buf_up(e->buf, w, 1); break;
	case KEY_DOWN: editor_buf_down(e->buf, w, 1); break;
	case KEY_PPAGE: editor_buf_up(e->buf, w, page); break;
	case KEY_NPAGE: editor_buf_down(e->buf, w, page); break;
	case KEY_HOME: editor_buf_home(e->buf, w); break;
	case KEY_END: editor_buf_end(e->buf, w); break;
	case KEY_BACKSPACE: editor_buf_delete_prev(e->buf); break;
	case KEY_DC: editor_buf_delete_next(e->buf); break;
	case KEY_ENTER: editor_buf_newline(e->buf); break;
	case KEY_RESIZE: erase(); break;
	default:
		if (e->ctrl_left && c == (uint32_t)e->ctrl_left)
			editor_buf_word_left(e->buf);
		else if (e->ctrl_right && c == (uint32_t)e->ctrl_right)
			editor_buf_word_right(e->buf);
		break;
	}
}

/* Editing keys that are characters. */
static void
char_key(struct ed *e, uint32_t c)
{
	int w = wrap_width();

	switch (c) {
	case '\r': case '\n': editor_buf_newline(e->buf); break;
	case '\t': editor_buf_insert_cp(e->buf, '\t'); break;
	case CTRL('H'): case 0x7F: editor_buf_delete_prev(e->buf); break;
	case CTRL('D'): editor_buf_delete_next(e->buf); break;
	case CTRL('A'): editor_buf_home(e->buf, w); break;
	case CTRL('E'): editor_buf_end(e->buf, w); break;
	case CTRL('U'): editor_buf_kill_start(e->buf); break;
	case CTRL('K'): editor_buf_kill_end(e->buf); break;
	case CTRL('W'): editor_buf_delete_word(e->buf); break;
	case CTRL('L'): clearok(curscr, TRUE); break;
	default:
		if (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0))
			editor_buf_insert_cp(e->buf, c);
		break;
	}
}

/* Handles one key; returns an editor_result, or GO_ON. */
static int
handle(struct ed *e, struct key *k)
{
	bool confirm = e->confirm;

	e->msg[0] = '\0';
	e->confirm = false;
	if (!k->fn && k->code == 0x1B) {
		switch (escape(e, k)) {
		case ESC_KEY: return EDITOR_SAVED;
		case ESC_DONE: return GO_ON;
		case ESC_FN: break;
		}
	}
	if (k->fn) {
		function_key(e, k->code);
		return GO_ON;
	}
	switch (k->code) {
	case CTRL('X'):
		return EDITOR_SAVED;
	case CTRL('C'): case CTRL('G'):
		if (confirm || !modified(e))
			return EDITOR_CANCELLED;
		e->confirm = true;
		message(e, "The note changed: ^C again discards it, Esc saves it");
		return GO_ON;
	case CTRL('O'):
		external(e);
		return GO_ON;
	default:
		char_key(e, k->code);
		return GO_ON;
	}
}

/* ------------------------------------------------------------------ */
/* The loop */

/*
 * Waits for the next key; false on timeout.  Reads that fail at once, again
 * and again, mean that the terminal has gone: *gone is set.
 */
static bool
next_key(struct key *k, bool pending, int *errors, bool *gone)
{
	long long t = (long long)monotime_ms();

	if (display_getkey(k, pending ? 0 : TICK_MS)) {
		*errors = 0;
		return true;
	}
	if (!pending && (long long)monotime_ms() - t < TICK_MS / 2)
		*gone = ++*errors >= INPUT_ERRORS;
	else if (!pending)
		*errors = 0;
	return false;
}

/* Asks the caller to store the text; false (the text drafted, the reason shown) if it could not. */
static bool
saved(struct ed *e)
{
	struct strbuf s = STRBUF_INIT;
	bool ok;

	if (e->o->save == NULL)
		return true;
	editor_buf_text(e->buf, &s);
	ok = e->o->save(e->o->arg, strbuf_str(&s), e->msg, sizeof e->msg);
	strbuf_done(&s);
	if (!ok && editor_buf_version(e->buf) != e->drafted)
		draft_now(e);
	return ok;
}

static int
loop(struct ed *e)
{
	bool pending = false, gone = false;
	int errors = 0;

	while (!hangup_flag && !gone) {
		struct key k;
		unsigned long before = editor_buf_version(e->buf);
		int r;

		if (!pending)
			draw(e);
		if (!next_key(&k, pending, &errors, &gone)) {
			pending = false;
			draft_tick(e, before);
			continue;
		}
		pending = true;		/* handle keys already typed before redrawing */
		r = handle(e, &k);
		if (r == EDITOR_SAVED && !saved(e))
			r = GO_ON;
		if (r != GO_ON)
			return r;
		draft_tick(e, before);
	}
	return EDITOR_HANGUP;
}

enum editor_result
editor_run(const struct editor_opts *o, struct strbuf *out)
{
	struct ed e = { .o = o, .initial = o->initial ? o->initial : "" };
	int r;

	e.buf = editor_buf_new(e.initial);
	e.drafted = editor_buf_version(e.buf);
	e.ctrl_left = key_code("kLFT5");
	e.ctrl_right = key_code("kRIT5");
	raw();
	curs_set(1);
	erase();
	r = loop(&e);
	curs_set(0);
	noraw();
	cbreak();
	if (r == EDITOR_SAVED || r == EDITOR_HANGUP) {
		strbuf_reset(out);
		editor_buf_text(e.buf, out);
	}
	if (r == EDITOR_HANGUP)
		draft_now(&e);
	else if (o->draft)
		o->draft(o->arg, NULL);
	editor_buf_free(e.buf);
	return (enum editor_result)r;
}

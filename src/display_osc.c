/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * display_osc — the display module's terminal features beyond curses
 * (see include/gloss/display.h): hyperlinks laid over text curses has
 * drawn, and clipboard writes.
 *
 * Hyperlinks.  curses has no notion of OSC 8, so views record where link
 * text lies on screen (display_link) while drawing, and display_refresh()
 * first lets curses update the screen, then writes each recorded piece
 * again: cursor to the cell, OSC 8 open, the very cells curses shows
 * (read back from curscr, with their attributes set through vid_puts, so
 * curses' idea of the terminal's attributes stays true), OSC 8 close, and
 * the cursor back where curses left it.  The screen's contents do not
 * change; the terminal just learns which cells are links.
 *
 * Clipboard.  Inside tmux the text goes to tmux itself (`tmux load-buffer
 * -w -`: tmux's paste buffer, and the outer terminal's clipboard where tmux
 * forwards it), since tmux drops OSC 52 in passthrough unless
 * allow-passthrough is on; elsewhere, or when that fails, OSC 52 (wrapped
 * for GNU screen, which passes it by default).
 */
#include "gloss/gloss.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/wait.h>
#include <term.h>
#include <unistd.h>
#include <wchar.h>

#include "gloss/display.h"
#include "gloss/osc.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"

struct link_piece {
	int y, x, w;
	char *url;
	unsigned id;
};

static bool links_on;
static struct link_piece *pieces;
static size_t npieces, cap;
static struct strbuf out = STRBUF_INIT;

void
display_links_enable(bool on)
{
	links_on = on;
}

void
display_link(int y, int x, int w, const char *url, size_t n, unsigned id)
{
	if (!links_on || w <= 0 || !osc_url_allowed(url, n))
		return;
	if (npieces == cap) {
		cap = cap ? 2 * cap : 16;
		pieces = xreallocarray(pieces, cap, sizeof *pieces);
	}
	pieces[npieces++] = (struct link_piece){ y, x, w, xstrndup(url, n), id };
}

static void
forget_pieces(void)
{
	for (size_t i = 0; i < npieces; i++)
		free(pieces[i].url);
	npieces = 0;
}

static int
out_putc(int c)
{
	strbuf_addc(&out, (char)c);
	return c;
}

static void
move_to(int y, int x)
{
	const char *s = tiparm(cursor_address, y, x);

	if (s)
		strbuf_adds(&out, s);
}

/* The cells [x, x+w) of row y as curses shows them. */
static void
add_cells(int y, int x, int w)
{
	for (int end = x + w; x < end && x < COLS;) {
		cchar_t cc;
		wchar_t wch[CCHARW_MAX + 1] = { 0 };
		attr_t attrs;
		short pair;
		char mb[MB_LEN_MAX];
		int cw;

		if (mvwin_wch(curscr, y, x, &cc) == ERR || getcchar(&cc, wch, &attrs, &pair, NULL) == ERR)
			break;
		vid_puts(attrs, pair, NULL, out_putc);
		for (int i = 0; wch[i]; i++) {
			mbstate_t st = { 0 };
			size_t k = wcrtomb(mb, wch[i], &st);

			if (k != (size_t)-1)
				strbuf_add(&out, mb, k);
		}
		cw = wcwidth(wch[0]);
		x += cw > 1 ? cw : 1;
	}
}

void
display_refresh(void)
{
	int cy, cx;

	refresh();
	if (npieces == 0 || cursor_address == NULL)
		goto done;
	getyx(newscr, cy, cx);
	strbuf_reset(&out);
	for (size_t i = 0; i < npieces; i++) {
		struct link_piece *pc = &pieces[i];

		/* the bottom-right cell is never rewritten: the terminal could scroll */
		if (pc->y >= LINES - 1 && pc->x + pc->w >= COLS)
			pc->w = COLS - 1 - pc->x;
		move_to(pc->y, pc->x);
		osc_link_open(&out, pc->url, strlen(pc->url), pc->id);
		add_cells(pc->y, pc->x, pc->w);
		osc_link_close(&out);
	}
	vid_puts(A_NORMAL, 0, NULL, out_putc);
	move_to(cy, cx);
	fflush(stdout);
	if (write(STDOUT_FILENO, out.buf, out.len) < 0)
		links_on = false;	/* the terminal is gone: stop trying */
done:
	forget_pieces();
}

/* Runs `tmux load-buffer [-w] -` with data on its standard input; true if tmux took it. */
static bool
tmux_load(const char *data, size_t n, bool clipboard)
{
	int fds[2], status = 0;
	bool written = true;
	pid_t pid;

	if (pipe(fds) != 0)
		return false;
	pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);

		dup2(fds[0], STDIN_FILENO);
		if (null >= 0) {
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		close(fds[0]);
		close(fds[1]);
		if (clipboard)
			execlp("tmux", "tmux", "load-buffer", "-w", "-", (char *)NULL);
		else
			execlp("tmux", "tmux", "load-buffer", "-", (char *)NULL);
		_exit(127);
	}
	close(fds[0]);
	if (pid < 0) {
		close(fds[1]);
		return false;
	}
	for (size_t off = 0; off < n && written;) {
		ssize_t w = write(fds[1], data + off, n - off);

		if (w > 0)
			off += (size_t)w;
		else if (!(w < 0 && errno == EINTR))
			written = false;
	}
	close(fds[1]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return written && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

enum gloss_status
display_clipboard(const char *data, size_t n, enum display_clip *how)
{
	struct strbuf sb = STRBUF_INIT;
	enum osc_wrap wrap = osc_wrap_from_env();
	enum gloss_status rc;
	void (*old)(int);
	bool tmux;

	if (wrap == OSC_WRAP_TMUX && n <= OSC_CLIPBOARD_MAX) {
		old = signal(SIGPIPE, SIG_IGN);	/* a tmux that exits early must not end gloss */
		tmux = tmux_load(data, n, true) || tmux_load(data, n, false);
		signal(SIGPIPE, old);
		if (tmux) {
			*how = DISPLAY_CLIP_TMUX;
			return GLOSS_OK;
		}
	}
	*how = DISPLAY_CLIP_TERMINAL;
	rc = osc_clipboard(&sb, data, n, wrap);
	if (rc == GLOSS_OK) {
		fflush(stdout);
		if (write(STDOUT_FILENO, sb.buf, sb.len) < 0)
			rc = GLOSS_EIO;
	}
	strbuf_done(&sb);
	return rc;
}

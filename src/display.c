/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * display — curses on the terminal: locale choice, set-up and tear-down,
 * styles, key input and the safe text drawing primitive (see
 * include/gloss/display.h).
 */
#include "gloss/gloss.h"

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <term.h>
#include <unistd.h>
#include <wchar.h>

#include "gloss/display.h"
#include "gloss/error.h"
#include "gloss/options.h"
#include "gloss/text.h"

static SCREEN *screen;
static FILE *tty_in;
static bool active;
static bool colors;
static struct display_attr styles[DISPLAY_STYLE_COUNT];

enum { PAIR_MATCH = 1, PAIR_LINK, PAIR_SUP, PAIR_CODE, PAIR_KEY, PAIR_MARK, PAIR_FG, PAIR_HL = PAIR_FG + 8 };

/* The colours of the themable elements (the config file's color lines), by pair. */
static struct {
	const char *name;
	short pair, fg, bg;
} theme[] = {
	{ "match", PAIR_MATCH, COLOR_BLACK, COLOR_YELLOW },
	{ "link", PAIR_LINK, COLOR_BLUE, -1 },
	{ "note", PAIR_SUP, COLOR_CYAN, -1 },
	{ "code", PAIR_CODE, COLOR_GREEN, -1 },
	{ "key", PAIR_KEY, COLOR_CYAN, -1 },
	{ "mark", PAIR_MARK, COLOR_MAGENTA, -1 },
};

#define HL_COLORS 7

/*
 * Highlight colours: background, foreground, fallback background for 8
 * colours, mono attribute (underlined, never reverse: reverse is the search
 * match and the selection).
 */
static const struct {
	short bg256, fg, bg8;
	attr_t extra8;		/* added on 8-colour terminals to tell apart shared colours */
	attr_t mono;
} hl_colors[HL_COLORS] = {
	{ 228, COLOR_BLACK, COLOR_YELLOW, 0, A_UNDERLINE },			/* yellow */
	{ 157, COLOR_BLACK, COLOR_GREEN, 0, A_UNDERLINE | A_BOLD },		/* green */
	{ 117, COLOR_BLACK, COLOR_CYAN, 0, A_UNDERLINE },			/* blue */
	{ 218, COLOR_BLACK, COLOR_MAGENTA, 0, A_UNDERLINE | A_BOLD },		/* pink */
	{ 183, COLOR_BLACK, COLOR_MAGENTA, A_UNDERLINE, A_UNDERLINE },		/* purple */
	{ 215, COLOR_BLACK, COLOR_YELLOW, A_UNDERLINE, A_UNDERLINE | A_BOLD },	/* orange */
	{ 210, COLOR_BLACK, COLOR_RED, 0, A_UNDERLINE },			/* red */
};
static struct display_attr hl_attr[HL_COLORS];

static bool
codeset_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

static bool
locale_is_c(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs == NULL || strcmp(cs, "ANSI_X3.4-1968") == 0 || strcmp(cs, "ASCII") == 0 ||
	    strcmp(cs, "US-ASCII") == 0;
}

enum glyph_mode
display_locale(bool ascii_forced)
{
	static const char *const fallbacks[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8" };

	setlocale(LC_CTYPE, "");	/* the reader depends on no other category */
	if (!codeset_is_utf8() && locale_is_c()) {
		for (size_t i = 0; i < GLOSS_ARRAY_SIZE(fallbacks); i++)
			if (setlocale(LC_CTYPE, fallbacks[i]) && codeset_is_utf8())
				break;
	}
	if (ascii_forced || !codeset_is_utf8())
		return GLYPH_ASCII;
	return GLYPH_UTF8;
}

static bool
terminal_has(const char *cap)
{
	char *s = tigetstr(cap);

	return s != NULL && s != (char *)-1;
}

static void
set_style(enum display_style s, attr_t mono, attr_t color_attr, short pair)
{
	styles[s].attr = colors && pair ? color_attr : mono;
	styles[s].pair = colors ? pair : 0;
}

static void
init_highlights(void)
{
	bool many = colors && COLORS >= 256 && COLOR_PAIRS > PAIR_HL + HL_COLORS;

	for (int i = 0; i < HL_COLORS; i++) {
		if (!colors) {
			hl_attr[i].attr = hl_colors[i].mono;
			hl_attr[i].pair = 0;
			continue;
		}
		init_pair((short)(PAIR_HL + i), hl_colors[i].fg,
		    many ? hl_colors[i].bg256 : hl_colors[i].bg8);
		hl_attr[i].attr = many ? A_NORMAL : hl_colors[i].extra8;
		hl_attr[i].pair = (short)(PAIR_HL + i);
	}
}

static void
init_styles(void)
{
	attr_t emph = terminal_has("sitm") ? A_ITALIC : A_UNDERLINE;
	attr_t dim = terminal_has("dim") ? A_DIM : A_NORMAL;
	attr_t caret = terminal_has("blink") ? A_BLINK | A_REVERSE : A_REVERSE;

	if (colors) {
		for (size_t i = 0; i < GLOSS_ARRAY_SIZE(theme); i++)
			init_pair(theme[i].pair, theme[i].fg < COLORS ? theme[i].fg : -1,
			    theme[i].bg < COLORS ? theme[i].bg : -1);
		for (short i = 0; i < 8; i++)	/* colours of terminal output (DOC_SPAN_FG) */
			init_pair((short)(PAIR_FG + i), i, -1);
	}
	for (int i = 0; i < 8; i++)	/* without colours: plain */
		set_style((enum display_style)(DISPLAY_FG_BLACK + i), A_NORMAL, A_NORMAL, (short)(PAIR_FG + i));
	set_style(DISPLAY_NORMAL, A_NORMAL, A_NORMAL, 0);
	set_style(DISPLAY_BOLD, A_BOLD, A_BOLD, 0);
	set_style(DISPLAY_UNDERLINE, A_UNDERLINE, A_UNDERLINE, 0);
	set_style(DISPLAY_DIM, dim, dim, 0);
	set_style(DISPLAY_EMPH, emph, emph, 0);
	set_style(DISPLAY_STRONG, A_BOLD, A_BOLD, 0);
	set_style(DISPLAY_LINK, A_UNDERLINE, A_UNDERLINE, PAIR_LINK);
	set_style(DISPLAY_SUP, A_BOLD | A_UNDERLINE, A_NORMAL, PAIR_SUP);
	set_style(DISPLAY_CODE, A_NORMAL, A_NORMAL, PAIR_CODE);
	set_style(DISPLAY_SUBST, A_REVERSE, A_REVERSE, 0);
	set_style(DISPLAY_MATCH, A_REVERSE, A_NORMAL, PAIR_MATCH);
	set_style(DISPLAY_MATCH_CURRENT, A_REVERSE | A_BOLD | (colors ? 0 : A_UNDERLINE), 0, 0);
	set_style(DISPLAY_STATUS, A_REVERSE, A_REVERSE, 0);
	set_style(DISPLAY_STATUS_MSG, A_REVERSE | A_BOLD, A_REVERSE | A_BOLD, 0);
	set_style(DISPLAY_PROMPT, A_NORMAL, A_NORMAL, 0);
	set_style(DISPLAY_SELECTED, A_REVERSE | A_BOLD, A_REVERSE | A_BOLD, 0);
	set_style(DISPLAY_CARET, colors ? A_REVERSE : caret, A_REVERSE, 0);
	set_style(DISPLAY_MARK, A_BOLD, A_BOLD, PAIR_MARK);
	set_style(DISPLAY_HELP_KEY, A_BOLD, A_BOLD, PAIR_KEY);
	init_highlights();
}

bool
display_theme_set(const char *element, short fg, short bg)
{
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(theme); i++) {
		if (strcmp(theme[i].name, element) == 0) {
			theme[i].fg = fg;
			theme[i].bg = bg;
			return true;
		}
	}
	return false;
}

bool
display_theme_get(size_t i, const char **element, short *fg, short *bg)
{
	if (i >= GLOSS_ARRAY_SIZE(theme))
		return false;
	*element = theme[i].name;
	*fg = theme[i].fg;
	*bg = theme[i].bg;
	return true;
}

bool
display_want_colors(bool terminal_has_colors)
{
	const char *no = getenv("NO_COLOR");

	switch (opt_color) {
	case OPT_COLOR_NEVER:
		return false;
	case OPT_COLOR_ALWAYS:
		return terminal_has_colors;
	default:
		return terminal_has_colors && (no == NULL || *no == '\0');
	}
}

/*
 * ncurses 6.4 (Debian 12's) flushes its output buffer after every cursor
 * movement while the screen is in its initial state, and only a return from
 * endwin() leaves that state: each refresh went out as one write per line
 * (about 40 for a screen, each a wake-up of the terminal or an SSH packet).
 * Leaving curses mode once and coming back, before anything is drawn, makes a
 * refresh one write (tests/term/tmux-writes.sh, docs/benchmarks.md).
 */
static void
batch_output(void)
{
	endwin();
	refresh();
}

bool
display_init(bool mouse)
{
	if (!isatty(STDIN_FILENO)) {
		tty_in = fopen("/dev/tty", "r");
		if (tty_in == NULL) {
			error_set(GLOSS_EIO, "no terminal to read keys from");
			return false;
		}
	}
	screen = newterm(NULL, stdout, tty_in ? tty_in : stdin);
	if (screen == NULL) {
		error_set(GLOSS_EIO, "cannot use the terminal type '%s'",
		    getenv("TERM") ? getenv("TERM") : "(unset)");
		return false;
	}
	set_term(screen);
	batch_output();
	active = true;
	error_set_cleanup(display_done);
	raw();			/* ^C ^Z ^S ^Q are keys: no flow control freezing the screen */
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	colors = display_want_colors(has_colors()) && start_color() == OK;
	if (colors)
		use_default_colors();
	init_styles();
	if (mouse) {
		mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
		mouseinterval(0);	/* presses and releases, not clicks: a drag selects */
	}
	return true;
}

void
display_done(void)
{
	if (!active)
		return;
	active = false;
	endwin();
	delscreen(screen);
	screen = NULL;
	if (tty_in)
		fclose(tty_in);
	tty_in = NULL;
}

void
display_suspend(void)
{
	if (active)
		endwin();
}

void
display_resume(void)
{
	if (active) {
		refresh();
		clearok(curscr, TRUE);
	}
}

struct display_attr
display_highlight(int c)
{
	return hl_attr[c >= 0 && c < HL_COLORS ? c : 0];
}

struct display_attr
display_style(enum display_style s)
{
	return styles[(unsigned)s < DISPLAY_STYLE_COUNT ? s : DISPLAY_NORMAL];
}

bool
display_getkey(struct key *k, int timeout_ms)
{
	wint_t wc;
	int r;

	wtimeout(stdscr, timeout_ms);
	r = wget_wch(stdscr, &wc);
	if (r == ERR)
		return false;
	k->fn = r == KEY_CODE_YES;
	k->code = (uint32_t)wc;
	return true;
}

bool
display_key_pending(void)
{
	struct key k;

	if (!display_getkey(&k, 0))
		return false;
	if (k.fn)
		ungetch((int)k.code);
	else
		unget_wch((wchar_t)k.code);
	return true;
}

/* Draws one code point of the given width, or '?' if the C library disagrees. */
static void
put_cp(WINDOW *win, int y, int x, uint32_t cp, int width, attr_t attr, short pair)
{
	wchar_t wc[2] = { (wchar_t)cp, 0 };
	cchar_t cc;

	if (cp >= 0x80 && wcwidth((wchar_t)cp) != width) {
		wc[0] = L'?';
		for (int i = 1; i < width; i++) {
			setcchar(&cc, wc, attr, pair, NULL);
			mvwadd_wch(win, y, x + i, &cc);
		}
	}
	setcchar(&cc, wc, attr, pair, NULL);
	mvwadd_wch(win, y, x, &cc);
}

static void
put_combining(WINDOW *win, uint32_t cp, attr_t attr, short pair)
{
	wchar_t wc[2] = { (wchar_t)cp, 0 };
	cchar_t cc;

	if (wcwidth((wchar_t)cp) != 0)
		return;
	setcchar(&cc, wc, attr, pair, NULL);
	wadd_wch(win, &cc);
}

int
display_put(WINDOW *win, int y, int x, const char *s, size_t n, int maxw,
    struct display_attr a, enum glyph_mode mode)
{
	int used = 0;
	size_t i = 0;
	uint32_t prev = 0;

	while (i < n) {
		uint32_t cp;
		struct glyph g;
		attr_t attr;

		i += (size_t)text_decode(s + i, n - i, &cp);
		if (cp >= 0x20 && cp < 0x7F) {
			if (used + 1 > maxw)
				break;
			put_cp(win, y, x + used++, cp, 1, a.attr, a.pair);
			prev = cp;
			continue;
		}
		if (mode == GLYPH_UTF8 && glyph_joins(prev, cp)) {
			prev = cp;	/* on screen the cluster shows its first character */
			continue;
		}
		prev = cp;
		glyph_get(cp, mode, &g);
		if (g.flags & GLYPH_COMBINING) {
			if (used > 0 && mode == GLYPH_UTF8)
				put_combining(win, g.cp[0], a.attr, a.pair);
			continue;
		}
		if (g.n == 0 || g.width == 0)
			continue;
		if (used + g.width > maxw)
			break;
		attr = a.attr | ((g.flags & GLYPH_SUBST) ? A_REVERSE : 0);
		if (g.n == 1) {
			put_cp(win, y, x + used, g.cp[0], g.width, attr, a.pair);
		} else {
			for (int k = 0; k < g.n; k++)
				put_cp(win, y, x + used + k, g.cp[k], 1, attr, a.pair);
		}
		used += g.width;
	}
	return used;
}

int
display_width(const char *s, size_t n, enum glyph_mode mode)
{
	int w = 0;

	uint32_t prev = 0;

	for (size_t i = 0; i < n;) {
		uint32_t cp;

		i += (size_t)text_decode(s + i, n - i, &cp);
		w += glyph_width_after(prev, cp, mode);
		prev = cp;
	}
	return w;
}

void
display_clear_eol(WINDOW *win, int y, int x, int cols, struct display_attr a)
{
	cchar_t cc;
	wchar_t sp[2] = { L' ', 0 };

	setcchar(&cc, sp, a.attr, a.pair, NULL);
	for (; x < cols; x++)
		mvwadd_wch(win, y, x, &cc);
}

/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * display — the terminal: locale, curses set-up and tear-down, colours and
 * attributes, reading keys, and drawing text safely.
 *
 * Locale rule.  gloss needs a UTF-8 LC_CTYPE to draw Cyrillic through
 * ncursesw.  display_locale() calls setlocale(LC_CTYPE, "") — the reader
 * depends on no other category, and loading all twelve costs the first
 * screen about 0.3 ms; messages and numbers stay those of the C locale.
 * When the result
 * is the C/POSIX locale (LANG and LC_* unset or naming a locale that is not
 * installed — common over SSH) it switches LC_CTYPE to C.UTF-8 (or another
 * UTF-8 locale) and assumes a UTF-8 terminal, which is what every current
 * terminal emulator is.  When the user's locale explicitly names another
 * character set (KOI8-R, ISO-8859-5…), or --ascii is given, text is shown
 * transliterated to ASCII.
 *
 * Drawing.  display_put() is the only way document text reaches the
 * screen: each code point goes through the glyph module (controls become
 * visible substitutes), columns follow the layout's widths, and a character
 * whose width the C library disagrees about is drawn as '?' so that columns
 * stay aligned.
 */
#ifndef GLOSS_DISPLAY_H
#define GLOSS_DISPLAY_H

#include "gloss/gloss.h"
#include "gloss/error.h"
#include "gloss/glyph.h"
#include "gloss/keymap.h"

/* Styles (attribute + colour) used by the views. */
#define DISPLAY_STYLES(_) \
	_(NORMAL) \
	_(BOLD) \
	_(UNDERLINE) \
	_(DIM) \
	_(EMPH) \
	_(STRONG) \
	_(LINK) \
	_(SUP) \
	_(CODE) \
	_(SUBST) \
	_(MATCH) \
	_(MATCH_CURRENT) \
	_(STATUS) \
	_(STATUS_MSG) \
	_(PROMPT) \
	_(SELECTED) \
	_(CARET) \
	_(MARK) \
	_(HELP_KEY) \
	_(FG_BLACK) _(FG_RED) _(FG_GREEN) _(FG_YELLOW) _(FG_BLUE) _(FG_MAGENTA) _(FG_CYAN) _(FG_WHITE)

enum display_style {
#define DISPLAY_STYLE_ENUM(name) DISPLAY_##name,
	DISPLAY_STYLES(DISPLAY_STYLE_ENUM)
#undef DISPLAY_STYLE_ENUM
	DISPLAY_STYLE_COUNT
};

struct display_attr {
	attr_t attr;
	short pair;
};

/* Applies the locale rule above; returns the glyph mode to use. */
enum glyph_mode display_locale(bool ascii_forced);

/*
 * Colours.  With opt_color auto, colours are used when the terminal has
 * them and NO_COLOR is unset or empty (no-color.org); always uses them
 * whenever the terminal can, never not at all.  Attributes (bold,
 * underline, reverse...) stay.  Without colours, the things a reader must
 * tell apart get distinct attributes: a search match is reverse, the
 * current match reverse, bold and underlined, a selection reverse and bold,
 * the caret blinks (reverse where the terminal cannot blink), highlights
 * are underlined (bold for every second colour) and never reversed.
 */
bool display_want_colors(bool terminal_has_colors);
/*
 * The theme: the colours (curses colour numbers, -1 the terminal's
 * default) of the elements "match", "link", "note" (note markers), "code",
 * "key" (help keys) and "mark"; set before display_init.  False for an
 * unknown element.  display_theme_get walks them (i from 0) for
 * --print-config; element is static.
 */
bool display_theme_set(const char *element, short fg, short bg);
bool display_theme_get(size_t i, const char **element, short *fg, short *bg);
/* Starts curses on the terminal; false with a message if it cannot. */
bool display_init(bool mouse);
/* Ends curses (safe to call twice; registered as the fatal-path cleanup). */
void display_done(void);
/* Suspends curses around an external program (an editor) and resumes. */
void display_suspend(void);
void display_resume(void);

/* The attribute of a style; styles combine by OR-ing attributes. */
struct display_attr display_style(enum display_style s);
/*
 * The attribute of highlight colour c (enum store_color order: yellow,
 * green, blue, pink, purple, orange, red).  Without colours each has a
 * distinct combination of reverse, underline and bold.
 */
struct display_attr display_highlight(int c);

/*
 * Reads a key, waiting at most timeout_ms (-1: forever).  Returns false on
 * timeout.  KEY_RESIZE and KEY_MOUSE come back as function keys.
 */
bool display_getkey(struct key *k, int timeout_ms);
/* True if a key is waiting (for interrupting long work). */
bool display_key_pending(void);

/*
 * Draws s[0..n) at (y, x) of win in at most maxw columns with attribute a;
 * returns the columns used.  Substitutes for controls are drawn in reverse.
 */
int display_put(WINDOW *win, int y, int x, const char *s, size_t n, int maxw,
    struct display_attr a, enum glyph_mode mode);
/* Display width of s[0..n) in the given mode. */
int display_width(const char *s, size_t n, enum glyph_mode mode);
/* Clears from (y, x) to the end of the line with attribute a. */
void display_clear_eol(WINDOW *win, int y, int x, int cols, struct display_attr a);

/*
 * Terminal features beyond curses (display_osc.c).  With links enabled,
 * display_link() records that the w cells at (y, x) show a link to url
 * (id groups the pieces of one link); display_refresh() refreshes the
 * screen, then marks the recorded cells as OSC 8 hyperlinks and forgets
 * them.  Views call display_link() while drawing; view.c calls
 * display_refresh() instead of refresh().
 */
void display_links_enable(bool on);
void display_link(int y, int x, int w, const char *url, size_t n, unsigned id);
void display_refresh(void);
/* Where display_clipboard() put the text. */
enum display_clip {
	DISPLAY_CLIP_TERMINAL,	/* OSC 52 to the terminal (wrapped for screen, or tmux as a fallback) */
	DISPLAY_CLIP_TMUX,	/* tmux load-buffer -w: tmux's buffer, and its clipboard where it forwards */
};
/*
 * Puts data on the clipboard: inside tmux through `tmux load-buffer -w -`,
 * else (or when tmux refuses) as OSC 52; GLOSS_ETOOBIG over the limit.
 */
enum gloss_status display_clipboard(const char *data, size_t n, enum display_clip *how);

#endif

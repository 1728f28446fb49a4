/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * editor — the multi-line note editor: a pure text buffer (editor_buf_*,
 * no curses, unit-tested) and a modal curses front end (editor_run).
 *
 * The buffer holds the text as Unicode code points with a cursor (an index
 * between code points, always on a grapheme-cluster boundary).  Every edit
 * and move steps over whole grapheme clusters (libunistring), so a letter
 * with a combining stress mark (о́) or an emoji ZWJ sequence is one step.
 * For display the text is soft-wrapped to a width: columns are the sum of
 * glyph_width() of the code points (what display_put() draws), lines break
 * after the last space that fits, else before the cluster that does not
 * fit.  A position may sit at column == width (after the last character of
 * a full line, or before a space left hanging at the end of a wrapped
 * line), so the front end gives the buffer one column less than it has.
 *
 * Text rules.  Newlines are "\n".  Text set from UTF-8 (the initial text,
 * the external editor's file) gets U+FFFD for invalid bytes and NUL, "\r\n"
 * and a lone "\r" become "\n", tabs become spaces to the next multiple of
 * EDITOR_TAB_WIDTH columns; other control characters are kept as
 * characters (they are drawn as visible substitutes, never obeyed).
 */
#ifndef GLOSS_EDITOR_H
#define GLOSS_EDITOR_H

#include "gloss/gloss.h"
#include "gloss/strbuf.h"

#define EDITOR_TAB_WIDTH 4

/* ------------------------------------------------------------------ */
/* The buffer */

struct editor_buf;

/* One display line: code points [start, end) of the text. */
struct editor_line {
	size_t start, end;
	bool soft;		/* wrapped: the next line goes on with the same text line */
};

/* A new buffer holding utf8 (NULL: empty), cursor at the end; caller frees. */
struct editor_buf *editor_buf_new(const char *utf8);
void editor_buf_free(struct editor_buf *b);

/* Replaces the whole text (rules above); the cursor goes to the end. */
void editor_buf_set_text(struct editor_buf *b, const char *utf8, size_t n);
/* Appends the text as UTF-8 to out (after what out holds). */
void editor_buf_text(const struct editor_buf *b, struct strbuf *out);
/* Number of code points, and the cursor as a code-point index. */
size_t editor_buf_length(const struct editor_buf *b);
size_t editor_buf_cursor(const struct editor_buf *b);
/* Moves the cursor to code point i (clamped, then back to a cluster boundary). */
void editor_buf_set_cursor(struct editor_buf *b, size_t i);
/* A counter that grows with every change of the text (not with moves). */
unsigned long editor_buf_version(const struct editor_buf *b);

/* Inserts UTF-8 at the cursor, as typed text: the rules above apply. */
void editor_buf_insert(struct editor_buf *b, const char *utf8, size_t n);
/* Inserts one code point (a tab becomes spaces; NUL becomes U+FFFD). */
void editor_buf_insert_cp(struct editor_buf *b, uint32_t cp);
void editor_buf_newline(struct editor_buf *b);
/* Deletes the cluster before / after the cursor; false if there was none. */
bool editor_buf_delete_prev(struct editor_buf *b);
bool editor_buf_delete_next(struct editor_buf *b);
/* Deletes back to the start of the word before the cursor (^W). */
void editor_buf_delete_word(struct editor_buf *b);
/*
 * Deletes to the start / end of the text line (^U / ^K).  At the start
 * (end) of a line it deletes the newline instead, joining two lines.
 */
void editor_buf_kill_start(struct editor_buf *b);
void editor_buf_kill_end(struct editor_buf *b);

/* Moves by one cluster; false at the start / end of the text. */
bool editor_buf_left(struct editor_buf *b);
bool editor_buf_right(struct editor_buf *b);
/*
 * Word moves: a word is a run of clusters starting with a letter or digit
 * (any script), with apostrophes between letters (м'ясо, з’їзд) inside it.
 * Left goes to the start of the word before the cursor, right to the end
 * of the word after it.
 */
void editor_buf_word_left(struct editor_buf *b);
void editor_buf_word_right(struct editor_buf *b);

/*
 * Display-line moves at a wrap width.  Up and down keep the column: the
 * column of the first of a run of vertical moves is remembered, so passing
 * a short line does not lose it.  n is the number of lines (PgUp/PgDn).
 * Home goes to the start of the display line; End to its end (on a wrapped
 * line: before its last cluster, since the end is the next line's start).
 */
void editor_buf_up(struct editor_buf *b, int width, int n);
void editor_buf_down(struct editor_buf *b, int width, int n);
void editor_buf_home(struct editor_buf *b, int width);
void editor_buf_end(struct editor_buf *b, int width);

/*
 * The display lines at a width (>= 1); *n gets their number (at least 1).
 * The array belongs to the buffer, valid until its next change.
 */
const struct editor_line *editor_buf_lines(struct editor_buf *b, int width, size_t *n);
/* The display line of the cursor at a width, and its column there. */
size_t editor_buf_cursor_line(struct editor_buf *b, int width, int *col);
/* Appends code points [a, z) as UTF-8 to out. */
void editor_buf_range(const struct editor_buf *b, size_t a, size_t z, struct strbuf *out);

/* ------------------------------------------------------------------ */
/* The front end */

enum editor_result {
	EDITOR_SAVED,		/* Esc or ^X: *out holds the text */
	EDITOR_CANCELLED,	/* ^C or ^G (confirmed if the text changed) */
	EDITOR_HANGUP,		/* editor_hangup() was called or the terminal went away */
};

/*
 * Drafts.  draft(arg, text) is called with the whole text once a change
 * has stayed unsaved for about a second of idle time (or ten seconds of
 * continuous typing), before the external editor runs, and on hangup;
 * draft(arg, NULL) means "drop the draft" and is called on save and on
 * cancel.  text is valid only during the call.
 */
typedef void (*editor_draft_fn)(void *arg, const char *text);
/*
 * Saving.  save(arg, text, why, n) is called on Esc and ^X; when it returns
 * false the editor stays open with the text, showing why (up to n bytes),
 * and the text is drafted: a note that cannot be stored is never lost.
 */
typedef bool (*editor_save_fn)(void *arg, const char *text, char *why, size_t n);

struct editor_opts {
	const char *title;	/* shown in the top border (NULL: "Note") */
	const char *initial;	/* the text to start from (NULL: empty) */
	editor_draft_fn draft;	/* or NULL */
	editor_save_fn save;	/* or NULL: EDITOR_SAVED returns the text, the caller stores it */
	void *arg;		/* passed to draft and save */
	int rows;		/* height of the box at the bottom of the screen (0: the whole screen) */
};

/*
 * Runs the editor on the current curses screen until the text is saved,
 * cancelled or the program hangs up.  On EDITOR_SAVED and EDITOR_HANGUP
 * *out is replaced by the text; on EDITOR_CANCELLED it is left alone.  The
 * caller redraws its own screen afterwards.
 *
 * Keys: characters insert; Enter newline; Tab spaces to the next multiple
 * of EDITOR_TAB_WIDTH; arrows, Home/End, PgUp/PgDn, Ctrl-Left/Right (word),
 * ^A/^E (line start/end) move; BS/^H, Del/^D, ^W (word), ^U/^K (to line
 * start/end) delete; ^L redraws; Esc or ^X saves; ^C or ^G cancels (a
 * second ^C/^G confirms when the text changed); ^O edits the text in
 * $VISUAL, else $EDITOR, else vi.  The terminal is put in raw mode while
 * the editor runs so that ^C, ^O and ^S arrive as keys; the caller's mode
 * (cbreak) is restored on return.
 *
 * Pastes and unknown keys.  An Esc that arrives together with more input
 * is not the Esc key.  If that burst is Alt+key or one complete CSI/SS3
 * sequence (a function key the terminal description does not know), it is
 * ignored.  Any other burst (a pasted escape sequence) is inserted as
 * characters, Esc and other controls included (CR/LF still make a newline,
 * Tab spaces): they are drawn as visible substitutes (␛]0;X␇), never sent
 * to the terminal, and can be deleted like any character.  Control
 * characters outside such a burst act as their keys or are ignored; C1
 * controls typed as characters are ignored.
 */
enum editor_result editor_run(const struct editor_opts *o, struct strbuf *out);

/*
 * Tells a running editor (or the next one) that the program is hanging up:
 * it stores the draft and returns EDITOR_HANGUP within about 200 ms.
 * Async-signal-safe: call it from a SIGHUP/SIGTERM handler.
 */
void editor_hangup(void);

#endif

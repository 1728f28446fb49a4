/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_editor — the note editor's text buffer: exact text and cursor after
 * sequences of edits and moves.  A state is written as the text with '|'
 * at the cursor.
 */
#include "gloss/gloss.h"

#include "gloss/editor.h"
#include "gloss/options.h"

#include "../lib/tap.h"

#define ACUTE "\xcc\x81"			/* U+0301 combining acute (stress mark) */
#define FAMILY "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7"	/* 👨‍👩‍👧 */

/* The buffer as text with '|' at the cursor (one of two static buffers). */
static const char *
state(struct editor_buf *b)
{
	static char out[2][1024];
	static int next;
	char *o = out[next++ % 2];
	struct strbuf s = STRBUF_INIT;

	editor_buf_range(b, 0, editor_buf_cursor(b), &s);
	strbuf_addc(&s, '|');
	editor_buf_range(b, editor_buf_cursor(b), editor_buf_length(b), &s);
	snprintf(o, sizeof out[0], "%s", strbuf_str(&s));
	strbuf_done(&s);
	return o;
}

/* A buffer from a state string ('|' marks the cursor). */
static struct editor_buf *
make(const char *st)
{
	const char *bar = strchr(st, '|');
	struct editor_buf *b = editor_buf_new(NULL);

	editor_buf_insert(b, st, (size_t)(bar - st));
	{
		size_t cur = editor_buf_cursor(b);

		editor_buf_insert(b, bar + 1, strlen(bar + 1));
		editor_buf_set_cursor(b, cur);
	}
	return b;
}

static const char *
text(struct editor_buf *b)
{
	static char out[1024];
	struct strbuf s = STRBUF_INIT;

	editor_buf_text(b, &s);
	snprintf(out, sizeof out, "%s", strbuf_str(&s));
	strbuf_done(&s);
	return out;
}

/* The display lines at a width, joined by '/' (a soft end marked '~'). */
static const char *
lines(struct editor_buf *b, int width)
{
	static char out[1024];
	struct strbuf s = STRBUF_INIT;
	size_t n;
	const struct editor_line *l = editor_buf_lines(b, width, &n);

	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_addc(&s, '/');
		editor_buf_range(b, l[i].start, l[i].end, &s);
		if (l[i].soft)
			strbuf_addc(&s, '~');
	}
	snprintf(out, sizeof out, "%s", strbuf_str(&s));
	strbuf_done(&s);
	return out;
}

static void
test_cyrillic(void)
{
	struct editor_buf *b = editor_buf_new(NULL);

	editor_buf_insert(b, "привет", strlen("привет"));
	is_str(state(b), "привет|", "Cyrillic is inserted, cursor after it");
	is_int((long long)editor_buf_cursor(b), 6, "six code points");
	editor_buf_left(b);
	editor_buf_left(b);
	editor_buf_left(b);
	editor_buf_insert(b, "ва", 4);
	is_str(state(b), "прива|вет", "insertion in the middle");
	editor_buf_free(b);

	b = make("привет|");
	ok(editor_buf_delete_prev(b), "backspace deletes");
	is_str(state(b), "приве|", "backspace removes one two-byte letter");
	is_int((long long)strlen(text(b)), 10, "five letters of two bytes are left");
	editor_buf_set_cursor(b, 0);
	ok(!editor_buf_delete_prev(b), "backspace at the start does nothing");
	ok(editor_buf_delete_next(b), "delete at the start");
	is_str(state(b), "|риве", "delete removes the letter after the cursor");
	editor_buf_free(b);
}

static void
test_combining(void)
{
	struct editor_buf *b = make("до" ACUTE "|ма");

	is_int((long long)editor_buf_cursor(b), 3, "д, о, U+0301 before the cursor");
	editor_buf_left(b);
	is_str(state(b), "д|о" ACUTE "ма", "left steps over о with its stress mark");
	editor_buf_right(b);
	is_str(state(b), "до" ACUTE "|ма", "right steps over it too");
	editor_buf_delete_prev(b);
	is_str(state(b), "д|ма", "backspace removes the letter and its stress mark");
	editor_buf_free(b);

	b = make("д|о" ACUTE "ма");
	editor_buf_delete_next(b);
	is_str(state(b), "д|ма", "delete removes the whole cluster after the cursor");
	editor_buf_free(b);

	b = make("мо|");
	editor_buf_insert_cp(b, 0x0301);
	is_str(state(b), "мо" ACUTE "|", "a typed stress mark joins the letter before it");
	editor_buf_left(b);
	is_str(state(b), "м|о" ACUTE, "and they move as one");
	editor_buf_set_cursor(b, 2);
	is_str(state(b), "м|о" ACUTE, "a cursor set inside a cluster goes to its start");
	editor_buf_free(b);
}

static void
test_emoji(void)
{
	struct editor_buf *b = make("a" FAMILY "|b");

	is_int((long long)editor_buf_cursor(b), 6, "the family is five code points");
	editor_buf_left(b);
	is_str(state(b), "a|" FAMILY "b", "left steps over the whole ZWJ sequence");
	editor_buf_right(b);
	is_str(state(b), "a" FAMILY "|b", "right steps over it");
	editor_buf_delete_prev(b);
	is_str(state(b), "a|b", "backspace removes the whole ZWJ sequence");
	editor_buf_free(b);
}

static void
test_words(void)
{
	struct editor_buf *b = make("|Привет, world! м'ясо і з’їзд 42x");

	editor_buf_word_right(b);
	is_str(state(b), "Привет|, world! м'ясо і з’їзд 42x", "word right: end of a Cyrillic word");
	editor_buf_word_right(b);
	is_str(state(b), "Привет, world|! м'ясо і з’їзд 42x", "word right: end of a Latin word");
	editor_buf_word_right(b);
	is_str(state(b), "Привет, world! м'ясо| і з’їзд 42x", "an ASCII apostrophe inside a word");
	editor_buf_word_right(b);
	editor_buf_word_right(b);
	is_str(state(b), "Привет, world! м'ясо і з’їзд| 42x", "a typographic apostrophe inside a word");
	editor_buf_word_right(b);
	is_str(state(b), "Привет, world! м'ясо і з’їзд 42x|", "digits and letters are one word");
	editor_buf_word_right(b);
	is_str(state(b), "Привет, world! м'ясо і з’їзд 42x|", "word right at the end stays");
	editor_buf_word_left(b);
	is_str(state(b), "Привет, world! м'ясо і з’їзд |42x", "word left: start of the word");
	editor_buf_word_left(b);
	editor_buf_word_left(b);
	is_str(state(b), "Привет, world! м'ясо |і з’їзд 42x", "word left over two words");
	editor_buf_word_left(b);
	editor_buf_word_left(b);
	is_str(state(b), "Привет, |world! м'ясо і з’їзд 42x", "word left skips punctuation");
	editor_buf_free(b);

	b = make("до" ACUTE "ма 'quoted'|");
	editor_buf_word_left(b);
	is_str(state(b), "до" ACUTE "ма '|quoted'", "quotes at word edges are not apostrophes");
	editor_buf_word_left(b);
	is_str(state(b), "|до" ACUTE "ма 'quoted'", "a stress mark stays inside its word");
	editor_buf_free(b);

	b = make("hello, мир|");
	editor_buf_delete_word(b);
	is_str(state(b), "hello, |", "^W deletes the word before the cursor");
	editor_buf_delete_word(b);
	is_str(state(b), "|", "^W again deletes the punctuation and the word before");
	editor_buf_free(b);
}

static void
test_kills(void)
{
	struct editor_buf *b = make("первая строка\nвторая |строка\nтретья");

	editor_buf_kill_end(b);
	is_str(state(b), "первая строка\nвторая |\nтретья", "^K kills to the end of the line");
	editor_buf_kill_end(b);
	is_str(state(b), "первая строка\nвторая |третья", "^K at the end joins the next line");
	editor_buf_kill_start(b);
	is_str(state(b), "первая строка\n|третья", "^U kills to the start of the line");
	editor_buf_kill_start(b);
	is_str(state(b), "первая строка|третья", "^U at the start joins the line before");
	editor_buf_set_cursor(b, 0);
	editor_buf_kill_start(b);
	is_str(state(b), "|первая строкатретья", "^U at the very start does nothing");
	editor_buf_set_cursor(b, editor_buf_length(b));
	editor_buf_kill_end(b);
	is_str(state(b), "первая строкатретья|", "^K at the very end does nothing");
	editor_buf_free(b);
}

static void
test_wrap(void)
{
	struct editor_buf *b = make("один два три четыре|");
	int col;

	is_str(lines(b, 10), "один два ~/три четыре", "wraps after the last space that fits");
	is_str(lines(b, 4), "один ~/два ~/три ~/четы~/ре", "a long word is cut; spaces hang");
	is_str(lines(b, 100), "один два три четыре", "one line when it fits");
	editor_buf_free(b);

	b = make("hello world|");
	is_str(lines(b, 5), "hello ~/world", "a space that does not fit hangs at the end");
	editor_buf_set_cursor(b, 5);
	is_int((long long)editor_buf_cursor_line(b, 5, &col), 0, "before the hanging space: line 0");
	is_int(col, 5, "at column 5 (the column kept for the cursor)");
	editor_buf_set_cursor(b, 6);
	is_int((long long)editor_buf_cursor_line(b, 5, &col), 1, "after it: the next line");
	is_int(col, 0, "at its start");
	editor_buf_free(b);

	b = make("абв\n\nгд\n|");
	is_str(lines(b, 10), "абв//гд/", "hard line breaks, empty lines, a final newline");
	is_int((long long)editor_buf_cursor_line(b, 10, &col), 3, "the cursor after the last newline is on the last line");
	editor_buf_free(b);

	b = make("汉字汉字汉字abcdef|");
	is_str(lines(b, 6), "汉字汉~/字汉字~/abcdef", "wide characters take two columns");
	is_str(lines(b, 5), "汉字~/汉字~/汉字a~/bcdef", "a wide character that does not fit moves down");
	is_str(lines(b, 1), "汉~/字~/汉~/字~/汉~/字~/a~/b~/c~/d~/e~/f", "a width below a wide character still makes progress");
	editor_buf_free(b);

	options_reset();
	opt_glyphs = GLYPH_ASCII;
	b = make("ЖЖЖ|");
	is_str(lines(b, 4), "ЖЖ~/Ж", "in ASCII mode Ж takes two columns (Zh)");
	editor_buf_free(b);
	opt_glyphs = GLYPH_UTF8;

	b = make("a\tb|");
	is_str(text(b), "a   b", "a tab becomes spaces to the next multiple of 4");
	editor_buf_free(b);
}

static void
test_vertical(void)
{
	struct editor_buf *b = make("汉字汉字汉字ab|cdef");
	int col;

	editor_buf_up(b, 6, 1);
	is_str(state(b), "汉字汉字|汉字abcdef", "up from column 2 lands at column 2 between wide characters");
	editor_buf_cursor_line(b, 6, &col);
	is_int(col, 2, "column 2");
	editor_buf_set_cursor(b, 7);
	editor_buf_up(b, 6, 1);
	is_str(state(b), "汉字汉|字汉字abcdef", "up from column 1: not inside the wide character, before it");
	editor_buf_down(b, 6, 1);
	is_str(state(b), "汉字汉字汉字a|bcdef", "down again returns to column 1 (the column is kept)");
	editor_buf_up(b, 6, 2);
	is_str(state(b), "|汉字汉字汉字abcdef", "up two lines");
	editor_buf_set_cursor(b, 2);
	editor_buf_up(b, 6, 1);
	is_str(state(b), "|汉字汉字汉字abcdef", "up from the first line goes to its start");
	editor_buf_down(b, 6, 5);
	is_str(state(b), "汉字汉字汉字abcd|ef", "down past the last line: the last line, at the kept column 4");
	editor_buf_down(b, 6, 1);
	is_str(state(b), "汉字汉字汉字abcdef|", "down on the last line: the end");
	editor_buf_free(b);

	b = make("abcdefgh\nab\nabcdef|gh");
	editor_buf_up(b, 20, 1);
	is_str(state(b), "abcdefgh\nab|\nabcdefgh", "up to a short line: its end");
	editor_buf_up(b, 20, 1);
	is_str(state(b), "abcdef|gh\nab\nabcdefgh", "up again: the column is kept past the short line");
	editor_buf_left(b);
	editor_buf_down(b, 20, 1);
	is_str(state(b), "abcdefgh\nab|\nabcdefgh", "a horizontal move resets the kept column");
	editor_buf_down(b, 20, 1);
	is_str(state(b), "abcdefgh\nab\nabcde|fgh", "down keeps the new column");
	editor_buf_free(b);

	b = make("один два три|");
	editor_buf_up(b, 9, 1);
	is_str(state(b), "оди|н два три", "up into a wrapped line keeps the column");
	editor_buf_end(b, 9);
	is_str(state(b), "один два| три", "end of a wrapped line: before its hanging space");
	editor_buf_home(b, 9);
	is_str(state(b), "|один два три", "home: start of the display line");
	editor_buf_down(b, 9, 1);
	is_str(state(b), "один два |три", "down from column 0 of a wrapped line: the continued line's start");
	editor_buf_end(b, 9);
	is_str(state(b), "один два три|", "end of the last line: after its last character");
	editor_buf_home(b, 9);
	is_str(state(b), "один два |три", "home of a continued line: its start, not the text line's");
	editor_buf_free(b);

	b = make("abcdefghij|");
	editor_buf_set_cursor(b, 2);
	editor_buf_end(b, 4);
	is_str(state(b), "abc|defghij", "end of a line cut inside a word: before its last character");
	editor_buf_free(b);
}

static void
test_utf8(void)
{
	struct editor_buf *b = editor_buf_new("a\xff" "b\xc3");
	struct strbuf s = STRBUF_INIT;

	is_str(text(b), "a\xef\xbf\xbd" "b\xef\xbf\xbd", "invalid bytes become U+FFFD");
	is_str(state(b), "a\xef\xbf\xbd" "b\xef\xbf\xbd|", "a new buffer has the cursor at the end");
	editor_buf_set_text(b, "x\r\ny\rz", 6);
	is_str(text(b), "x\ny\nz", "CR LF and CR become LF");
	editor_buf_set_text(b, "n\0ul", 4);
	is_str(text(b), "n\xef\xbf\xbdul", "NUL becomes U+FFFD");
	editor_buf_set_text(b, "\x1b]0;X\x07", 6);
	is_str(text(b), "\x1b]0;X\x07", "other controls are kept as characters");
	editor_buf_set_text(b, "", 0);
	editor_buf_text(b, &s);
	ok(s.buf != NULL && s.len == 0, "the empty text is an empty string");
	strbuf_reset(&s);
	editor_buf_set_text(b, "ёлка о" ACUTE FAMILY, strlen("ёлка о" ACUTE FAMILY));
	strbuf_adds(&s, "prefix:");
	editor_buf_text(b, &s);
	is_str(strbuf_str(&s), "prefix:ёлка о" ACUTE FAMILY, "to UTF-8 appends, byte for byte");
	strbuf_done(&s);
	editor_buf_free(b);
}

static void
test_version(void)
{
	struct editor_buf *b = make("ab|");
	unsigned long v = editor_buf_version(b);

	editor_buf_left(b);
	editor_buf_up(b, 10, 1);
	editor_buf_word_right(b);
	is_int((long long)editor_buf_version(b), (long long)v, "moves do not change the version");
	editor_buf_insert_cp(b, 'c');
	ok(editor_buf_version(b) > v, "an insertion does");
	v = editor_buf_version(b);
	editor_buf_kill_end(b);
	is_int((long long)editor_buf_version(b), (long long)v, "a kill that deletes nothing does not");
	editor_buf_newline(b);
	ok(editor_buf_version(b) > v, "a newline does");
	editor_buf_free(b);
}

int
main(void)
{
	options_reset();
	opt_glyphs = GLYPH_UTF8;
	test_cyrillic();
	test_combining();
	test_emoji();
	test_words();
	test_kills();
	test_wrap();
	test_vertical();
	test_utf8();
	test_version();
	return tap_done();
}

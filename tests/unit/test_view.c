/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_view — messages fitted to the status line (view_fit_message): never
 * cut inside a word, paths shortened from the left, the error before the
 * file; the messages kept for ^T (view_messages).
 */
#include "gloss/gloss.h"
#include "gloss/display.h"
#include "gloss/options.h"
#include "gloss/strbuf.h"
#include "gloss/view.h"

#include "../lib/tap.h"

static const char db_error[] = "database /home/reader/.local/share/gloss/gloss.db: UNIQUE constraint "
    "failed: documents.sha256 while saving a change; nothing was changed";

static const char *
fit(const char *msg, int width)
{
	static struct strbuf sb = STRBUF_INIT;

	strbuf_reset(&sb);
	view_fit_message(msg, width, &sb);
	ok(display_width(strbuf_str(&sb), sb.len, opt_glyphs) <= width, "fits %d cells: '%s'", width,
	    strbuf_str(&sb));
	return strbuf_str(&sb);
}

static void
test_fit(void)
{
	is_str(fit("Deleted the highlight (U brings it back)", 60), "Deleted the highlight (U brings it back)",
	    "a message that fits is left as it is");
	is_str(fit(db_error, 110), "database …/gloss.db: UNIQUE constraint failed: documents.sha256 while "
	    "saving a change; nothing was changed", "110 cells: the path shortened to its file name");
	is_str(fit(db_error, 100), "database: UNIQUE constraint failed: documents.sha256 while saving a "
	    "change; nothing was changed…", "100 cells: the whole error, the file left off");
	is_str(fit("database /home/reader/gloss.db is locked by another program (gave up after 100 ms) "
	    "while saving a change; nothing was changed", 90), "database is locked by another program "
	    "(gave up after 100 ms) while saving a change…",
	    "90 cells: the error first, cut between words");
	is_str(fit("database /home/reader/gloss.db is locked by another program (gave up after 100 ms) "
	    "while saving a change; nothing was changed", 120), "database …/gloss.db is locked by another "
	    "program (gave up after 100 ms) while saving a change; nothing was changed",
	    "120 cells: in its place, the path shortened");
	is_str(fit(db_error, 60), "database: UNIQUE constraint failed: documents.sha256 while…",
	    "60 cells: the error, cut between words");
	is_str(fit(db_error, 125), "database …/.local/share/gloss/gloss.db: UNIQUE constraint failed: "
	    "documents.sha256 while saving a change; nothing was changed",
	    "125 cells: only the path's leading directories go");
	is_str(fit("Selection: move with w b e h l j k ( ) { }, s sentence, p paragraph; H highlights, Esc "
	    "cancels", 60), "Selection: move with w b e h l j k ( ) { }, s sentence, p…",
	    "a long hint is cut between words, never inside one");
	is_str(fit("/work/corpus/belarusian-ukrainian-relations-brink-of-war.md  lines 5-22/105  byte "
	    "421/17669  2%", 54), "…s-brink-of-war.md  lines 5-22/105  byte 421/17669  2%",
	    "=: the path shortened from the left, the lines, byte and percent kept");
	is_str(fit("/work/corpus/belarusian-ukrainian-relations-brink-of-war.md  lines 5-22/105  byte "
	    "421/17669  2%", 94), "…/corpus/belarusian-ukrainian-relations-brink-of-war.md  lines 5-22/105  "
	    "byte 421/17669  2%", "=: at 94 cells whole directories go");
	is_str(fit("Не удалось сохранить заметку: диск заполнен, черновик сохранён в файле", 40),
	    "Не удалось сохранить заметку: диск…", "Cyrillic: cut between words, by cells");
	is_str(fit("config: /home/reader/.config/gloss/config:2: set colum 50: no such setting (column, color, "
	    "hyperlinks, mouse, fold, incsearch)", 80), "config: …/config:2: set colum 50: no such setting "
	    "(column, color, hyperlinks…", "a FILE:LINE stays in its place, shortened");
	is_str(fit("Supercalifragilisticexpialidocious", 10), "Supercali…",
	    "one word longer than the line: as much of it as fits");
}

static void
test_kept(void)
{
	struct strbuf sb = STRBUF_INIT;

	view_messages(&sb);
	is_str(strbuf_str(&sb), "", "no messages yet");
	view_message("first %d", 1);
	view_message("first %d", 1);
	view_message("%s", db_error);
	strbuf_reset(&sb);
	view_messages(&sb);
	is_str(strbuf_str(&sb), "first 1\n\n" "database /home/reader/.local/share/gloss/gloss.db: UNIQUE "
	    "constraint failed: documents.sha256 while saving a change; nothing was changed",
	    "kept in full, oldest first, a repeat once");
	for (int i = 0; i < VIEW_MESSAGES_KEPT + 5; i++)
		view_message("message %d", i);
	strbuf_reset(&sb);
	view_messages(&sb);
	ok(strncmp(strbuf_str(&sb), "message 5\n\n", 11) == 0 && strstr(strbuf_str(&sb), "message 54") &&
	    !strstr(strbuf_str(&sb), "first"), "the last %d are kept", VIEW_MESSAGES_KEPT);
	strbuf_done(&sb);
}

int
main(void)
{
	opt_glyphs = GLYPH_UTF8;
	test_fit();
	test_kept();
	return tap_done();
}

#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# tmux-sidebar.sh — the sidebar in the real reader: notes cited on screen are
# marked and followed as the text scrolls; Enter on an entry jumps and ^O
# comes back to the same screen; o shows a note in a popup; the text is laid
# out narrower beside the sidebar and not at all under the overlay of a
# narrow terminal; cross-document entries open the other article.
. "${top_srcdir:-.}/tests/lib/lib.sh"
need_tmux

md="$top_srcdir/corpus/belarusian-ukrainian-relations-brink-of-war.md"
# text_part N: the capture without the status line, its first N bytes a row, without trailing spaces
text_part() {
	tm_capture | sed '$d' | cut -c "1-$1" | sed 's/ *$//'
}

tm_start 130 30 xterm-256color "$GLOSS '$md'"
tm_wait "Belarusian-Ukrainian Relations"; ok $? "the endnote article opens"
tm_settle
full=$(tm_capture)
tm_keys s; tm_wait "Notes 11"; ok $? "s shows the sidebar with the 11 notes"
contains "$(tm_row 2)" "i “Военное учение" "the first note, its label and text"
lacks "$(tm_capture)" "▸" "no note is cited on the first screen"
lacks "$(text_part 88)" "│  Notes" "the text column ends before the sidebar"

tm_keys 4 0 %; tm_settle
contains "$(tm_capture)" "▸ vii Можейко" "at 40% note vii is marked as cited on screen"
contains "$(tm_capture)" "▸ ix “Analytical" "and note ix"
lacks "$(tm_capture)" "▸ xi" "note xi is not (it is cited further on)"
tm_keys G; tm_settle
lacks "$(tm_capture)" "▸ vii" "the marks follow the text to the end"

tm_keys 4 0 %; tm_settle
before=$(text_part 87)
tm_keys C-w j Enter; tm_settle
contains "$(tm_capture)" "ᵛⁱⁱⁱ “Про роботу" "Enter on a note entry shows the note in the text"
tm_keys C-o; tm_settle
is "$(text_part 87)" "$before" "^O returns to exactly the same screen"
tm_keys Tab; tm_settle
contains "$(tm_capture)" "ᵛⁱⁱⁱ “Про роботу" "Tab goes forward again"
tm_keys C-o Escape; tm_settle

tm_keys 1 9 %; tm_settle
tm_keys o; tm_wait "Note i" 20; ok $? "o opens the first note on screen in a popup"
contains "$(tm_capture)" "┌─Note i─" "the popup has a title"
contains "$(tm_capture)" "“Военное учение Беларуси и России получило название" "and the note's full text"
tm_keys q; tm_settle
lacks "$(tm_capture)" "┌─Note" "q closes the popup"

tm_keys g; tm_settle
tm_keys s; tm_settle
is "$(tm_capture)" "$full" "closing the sidebar lays the text out as before"

# Enter on a marker (caret on it) goes to its note; in the note, back to the citation.
tm_keys C-o; tm_settle
tm_kill

# A narrow terminal: the sidebar is an overlay; the text under it is not re-laid out.
tm_start 80 24 xterm-256color "$GLOSS '$md'"
tm_wait "Belarusian-Ukrainian Relations"; tm_settle
left=$(text_part 19)
tm_keys s; tm_settle
contains "$(tm_capture)" "Notes 11" "the overlay shows the notes"
is "$(text_part 19)" "$left" "the text under the overlay keeps its layout"
tm_keys Escape; tm_settle
lacks "$(tm_capture)" "Notes 11" "Esc closes the overlay"
tm_kill

# Cross-document entries: the two articles that share passages.
lat="$top_srcdir/corpus/lukashenko-occupied-territories-latushka.txt"
tm_start 130 30 xterm-256color "$GLOSS '$lat'"
tm_wait "Latushka"
tm_keys s; tm_settle
tm_keys C-w Right Right; tm_wait "≈ 77% in Cooperation" 50; ok $? "the Xref tab lists the shared passages"
tm_keys Enter; tm_settle
contains "$(tm_row 30)" "Cooperation of the Lukashenko regime" "Enter opens the other article"
tm_keys C-o; tm_settle
lacks "$(tm_row 30)" "Cooperation of the Lukashenko regime" "^O comes back to the first one"

done_testing

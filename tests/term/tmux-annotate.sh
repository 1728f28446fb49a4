#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# tmux-annotate.sh — annotating in the real reader: highlight by keyboard,
# write a Cyrillic note, tag it, quit, reopen: everything is there, in the
# database and on screen; a second gloss on the same database sees changes
# without restarting; the reading position comes back.
. "${top_srcdir:-.}/tests/lib/lib.sh"
need_tmux
[ -n "${SQLITE3_CLI:-}" ] || skip_all "sqlite3 not found"

doc="$TEST_TMP/статья.txt"
cat >"$doc" <<'EOF'
Заголовок статьи

Первый абзац: в лесу родилась ёлочка, в лесу она росла. Зимой и летом стройная, зелёная была.

Second paragraph in English, with a sentence to highlight. And another one after it.
EOF
sql() {
	"$SQLITE3_CLI" -batch "$GLOSS_DB" "$1"
}

tm_start 90 20 xterm-256color "$GLOSS '$doc'; echo EXITED \$?"
tm_wait "Заголовок статьи"; ok $? "the document opens"

# The caret appears at the first line (the title) with w; four words on: "в"; e e e: to "ёлочка".
tm_keys w w w w; tm_settle
tm_keys v e e e; tm_settle
contains "$(tm_row 20)" "SELECT" "v starts a selection (the status line says so)"
tm_keys H; tm_settle
contains "$(tm_row 20)" "Highlighted in yellow" "H highlights the selection"
is "$(sql 'select quote, color, status from annotations')" "в лесу родилась ёлочка|yellow|anchored" \
	"the row holds the exact quote"
tm_keys a; tm_wait "Note on" 20; ok $? "a opens the note editor"
tm_keys -l "Новогодняя"; tm_keys Enter; tm_keys -l "заметка (вторая строка)"; tm_keys BSpace; tm_settle
tm_keys Escape; tm_settle
is "$(sql 'select note from annotations')" "Новогодняя
заметка (вторая строка" "the Cyrillic note (two lines, a backspace) is committed"
tm_keys t; tm_wait "Tags" 20
tm_keys -l "дети, EU-sanctions"; tm_keys Enter; tm_settle
is "$(sql 'select group_concat(name, ",") from (select t.name from tags t join annotation_tags x on x.tag_id = t.id order by t.name)')" \
	"EU-sanctions,дети" "both tags are stored"

# Tag completion: "E" + Tab completes to the existing tag.
tm_keys ")" ; tm_settle
tm_keys H; tm_settle
tm_keys t; tm_wait "Tags" 20
tm_keys -l "eu"; tm_keys Tab; tm_settle
contains "$(tm_row 20)" "EU-sanctions," "Tab completes a tag whatever its case"
tm_keys Enter; tm_settle
is "$(sql 'select count(*) from annotations')" "2" "a second highlight (the next sentence)"

# Colours and delete/undo.
tm_keys 3 c; tm_settle
is "$(sql 'select color from annotations order by id desc limit 1')" "blue" "3c makes it blue"
tm_keys x; tm_settle
is "$(sql 'select count(*) from annotations')" "1" "x deletes the highlight under the caret"
tm_keys U; tm_settle
is "$(sql 'select count(*) from annotations')" "2" "U brings it back"

# The panel (A): this document's highlights; Enter goes to one.
tm_keys A; tm_settle
contains "$(tm_capture)" "в лесу родилась ёлочка #EU-sanctions #дети  ✎ Новогодняя заметка" \
	"A lists the highlights with tags and the note's first line"
tm_keys G Enter; tm_settle
contains "$(tm_row 20)" "Заголовок статьи" "Enter returns to the document"

# A note being typed when the connection drops is kept as a draft.
tm_keys a; tm_wait "Note on" 20
tm_keys -l "черновик"; sleep 1.5
tm kill-session -t t 2>/dev/null || true
sleep 0.5
is "$(drafts_count)/$(cat "$XDG_STATE_HOME"/gloss/drafts/*.note)" "1/черновик" \
	"the draft was saved (in a file, not the database) when the terminal went away"
tm_start 90 20 xterm-256color "$GLOSS '$doc'; echo EXITED \$?"
tm_wait "Заголовок статьи"
tm_keys M; tm_settle
tm_keys / ; tm_wait "/" 20
tm_keys -l "blue"; tm_keys Enter; tm_settle
tm_keys Enter; tm_settle
tm_keys a; tm_wait "Note on" 20
contains "$(tm_capture)" "черновик" "reopening the note restores the draft"
tm_keys Escape; tm_settle
is "$(sql 'select note from annotations where color = '"'"'blue'"'"'')" "черновик" "and saving it stores it"
is "$(drafts_count)" "0" "the draft is gone once saved"
tm_keys q; tm_wait "EXITED 0"

# A second gloss on the same database sees a change without restarting.
tm_keys q; tm_wait "EXITED 0"; ok $? "quit"
tm_start 90 20 xterm-256color "$GLOSS '$doc'; echo EXITED \$?"
tm_wait "Заголовок статьи"; ok $? "reopened"
contains "$(tm capture-pane -p -e -t t)" "48;5;228m" "the yellow highlight is drawn (256 colours)"
contains "$(tm capture-pane -p -t t)" "✎" "a mark shows the highlight that has a note"
"$GLOSS" annotate "$doc" --quote "Second paragraph in English" --color green >/dev/null
tm_wait "Second" 20
sleep 1.5
contains "$(tm capture-pane -p -e -t t)" "48;5;157m" "a highlight added by another gloss appears (green)"
tm_keys q; tm_wait "EXITED 0"; ok $? "quit again"

# The mouse: a drag from one cell to another selects (SGR mouse reports as
# xterm sends them; row 3 is the paragraph's first line after a 1-column margin).
tm_start 90 20 xterm-256color "$GLOSS '$doc'; echo EXITED \$?"
tm_wait "Заголовок статьи"
tm_keys g; tm_settle
tm_keys -l "$(printf '\033[<0;9;3M')"; tm_keys -l "$(printf '\033[<0;20;3m')"; tm_settle
contains "$(tm_row 20)" "Selected with the mouse" "a mouse drag selects"
tm_keys H; tm_settle
is "$(sql 'select quote from annotations order by id desc limit 1')" "абзац: в лесу" \
	"H highlights the dragged cells, completed to whole words"
tm_keys q; tm_wait "EXITED 0"

# An orphan: the quoted text is removed from the file; the highlight is
# kept, flagged in the panel, and can be re-attached to new text.
orphan="$TEST_TMP/orphan.txt"
printf 'Title line\n\nKeep this paragraph. The doomed sentence goes away. The rest stays.\n' >"$orphan"
"$GLOSS" annotate "$orphan" --quote "doomed sentence" --note "lost text" >/dev/null
printf 'Title line\n\nKeep this paragraph. The rest stays, and a new sentence arrives.\n' >"$orphan"
tm_start 90 20 xterm-256color "$GLOSS '$orphan'; echo EXITED \$?"
tm_wait "Title line"
sleep 0.5
is "$(sql "select status from annotations where note = 'lost text'")" "orphaned" \
	"opening the edited file orphans the highlight (it is not deleted)"
tm_keys A; tm_settle
contains "$(tm_capture)" "! doomed sentence" "the panel flags it with !"
tm_keys r; tm_settle
contains "$(tm_row 20)" "Select the new text" "r asks for the new text"
tm_keys "/"; tm_wait "/" 20
tm_keys -l "new sentence"; tm_keys Enter; tm_settle
tm_keys H; tm_settle
is "$(sql "select status || '|' || quote from annotations where note = 'lost text'")" "anchored|new sentence" \
	"H on the search match re-attaches it (same note)"
tm_keys q; tm_wait "EXITED 0"

# A word inside a highlight changes: the reader re-anchors it with the text it covers now.
moved="$TEST_TMP/moved.txt"
printf 'Ночью двери склада выломали неизвестные люди, и никто не пришёл на помощь.\n' >"$moved"
"$GLOSS" annotate "$moved" --quote "двери склада выломали неизвестные" >/dev/null
printf 'Ночью двери склада выбили неизвестные люди, и никто не пришёл на помощь.\n' >"$moved"
tm_start 90 20 xterm-256color "$GLOSS '$moved'; echo EXITED \$?"
tm_wait "Ночью"; sleep 0.5
tm_keys A; tm_settle
is "$(tm_row 1 | sed 's/ *$//')" "   ~ двери склада выбили неизвестные" \
	"A lists a moved highlight (~) with the text it covers now"
tm_keys q; tm_settle
is "$(sql "select quote || '|' || first_quote from annotations where first_quote is not null")" \
	"двери склада выбили неизвестные|двери склада выломали неизвестные" \
	"the store has the text covered now and the quote it was made with"
tm_keys q; tm_wait "EXITED 0"

done_testing

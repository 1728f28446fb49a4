#!/bin/sh
# tmux-annotate.sh — annotating in the real reader: highlight by keyboard,
# write a Cyrillic note, tag it, quit, reopen: everything is there, in the
# database and on screen; a second gloss on the same database sees changes
# without restarting; the reading position comes back.
. "${top_srcdir:-.}/tests/lib.sh"
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
tm_keys a; tm_wait "Note:" 20
tm_keys -l "Новогодняя заметка"; tm_keys Enter; tm_settle
is "$(sql 'select note from annotations')" "Новогодняя заметка" "the Cyrillic note is committed"
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

done_testing

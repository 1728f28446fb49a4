#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# tmux-views.sh — every view of the annotations stays in step with every
# change, made in this reader or by another process: the text's colours,
# the sidebar's Marks tab, the A and M lists and the library's counts,
# after delete, undo, colour, note and tag changes.  Waits poll for the
# expected screen (generous deadlines: the machine may be loaded); the
# other process's changes must show without a key being pressed.
. "${top_srcdir:-.}/tests/lib/lib.sh"
need_tmux
[ -n "${SQLITE3_CLI:-}" ] || skip_all "sqlite3 not found"

sql() {
	"$SQLITE3_CLI" -batch "$GLOSS_DB" "$1"
}
status() {
	tm_row 20
}

mkdir -p "$TEST_TMP/lib"
doc="$TEST_TMP/lib/views.txt"
printf 'Title of the test\n\nThe first paragraph has words in it. A second sentence follows here.\n\nAnother paragraph, with more words.\n' >"$doc"
id1=$("$GLOSS" annotate "$doc" --quote "first paragraph")

tm_start 130 20 xterm-256color "$GLOSS '$doc'; echo EXITED \$?"
tm_wait "Title of the test" 100; ok $? "the document opens"
tm_keys s; tm_wait "Marks 1" 100; ok $? "the sidebar counts the highlight"
tm_keys C-w Right Right Right; tm_wait "■ first paragraph" 100; ok $? "the Marks tab lists it"

# In this reader: x, U, c (the caret on the highlight: } to the paragraph, w to "first").
tm_keys C-w; tm_settle
tm_keys "}" w x; tm_wait "Deleted the highlight" 100; ok $? "x deletes the highlight under the caret"
tm_wait "Marks 0" 100; ok $? "the Marks tab drops it at once"
lacks "$(tm_capture)" "■ first paragraph" "no entry is left in the sidebar"
tm_keys j; sleep 1; tm_settle
lacks "$(tm_capture)" "■ first paragraph" "nor after a key and a second"
lacks "$(tm capture-pane -p -e -t t)" "48;5;228m" "the text lost its colour"
tm_keys U; tm_wait "Marks 1" 100; ok $? "U brings it back into the Marks tab"
contains "$(tm capture-pane -p -e -t t)" "48;5;228m" "and its colour into the text"
tm_keys k 3 c; tm_wait "blue" 100
is "$(sql "select color from annotations where id = $id1")" "blue" "3c makes it blue"
contains "$(tm capture-pane -p -e -t t)" "48;5;117m" "the text is drawn blue"

# Another process: a note, a tag, a new highlight, a deletion; no key pressed here.
"$GLOSS" note "$id1" "a note from the command line"
tm_wait "✎ first paragraph" 100; ok $? "a note made elsewhere marks the entry (✎)"
"$GLOSS" tag "$id1" sanctions
tm_wait "first paragraph #sanctions" 100; ok $? "a tag made elsewhere shows in the entry"
id2=$("$GLOSS" annotate "$doc" --quote "Another paragraph" --color green)
tm_wait "Marks 2" 100; ok $? "a highlight made elsewhere joins the Marks tab"
tm_wait "■ Another paragraph" 100; ok $? "with its quote"
contains "$(tm capture-pane -p -e -t t)" "48;5;157m" "and is drawn green in the text"
"$GLOSS" delete "$id2"
tm_wait "Marks 1" 100; ok $? "a deletion made elsewhere leaves the Marks tab"
lacks "$(tm capture-pane -p -e -t t)" "48;5;157m" "and the text"
lacks "$(status)" "database" "no error on the status line"

# The A list follows changes made elsewhere while it is open.
tm_keys A; tm_wait "Highlights —" 100; ok $? "A opens the list"
contains "$(tm_capture)" "first paragraph #sanctions  ✎ a note from the command line" "it lists the highlight"
id3=$("$GLOSS" annotate "$doc" --quote "second sentence")
tm_wait "second sentence" 100; ok $? "a highlight made elsewhere appears in the open list"
"$GLOSS" untag "$id1" sanctions
tm_wait "first paragraph  ✎" 100; ok $? "an untag made elsewhere shows in the open list"
"$GLOSS" delete "$id3"
i=0
while [ $i -lt 100 ] && tm_capture | grep -q "second sentence"; do sleep 0.1; i=$((i + 1)); done
lacks "$(tm_capture)" "second sentence" "a deletion made elsewhere leaves the open list"
# Deleting in the list updates the sidebar below it.
tm_keys x; tm_wait "Deleted" 100
tm_keys q; tm_wait "Marks 0" 100; ok $? "x in the list: the sidebar drops the entry"
tm_keys U; tm_wait "Marks 1" 100; ok $? "U in the pager brings it back"

# M: every document's annotations, also in step.
tm_keys M; tm_wait "All annotations" 100; ok $? "M opens the list of every document"
"$GLOSS" annotate "$doc" --quote "more words" >/dev/null
tm_wait "more words" 100; ok $? "a highlight made elsewhere appears in M"
tm_keys q; tm_wait "Marks 2" 100; ok $? "and in the sidebar"
lacks "$(status)" "database" "no error on the status line"
tm_keys q; tm_wait "EXITED 0" 100; ok $? "quit"

# The library's count of highlights follows changes made elsewhere.
tm_start 130 20 xterm-256color "$GLOSS '$TEST_TMP/lib'; echo EXITED \$?"
tm_wait "2 hl" 100; ok $? "the library counts 2 highlights"
"$GLOSS" annotate "$doc" --quote "has words" >/dev/null
tm_wait "3 hl" 100; ok $? "a highlight made elsewhere is counted without a key"
tm_keys Enter; tm_wait "Title of the test" 100
tm_keys "}" w x; tm_wait "Deleted" 100
tm_keys q; tm_wait "2 hl" 100; ok $? "a deletion in the reader is counted when back in the library"
tm_keys q; tm_wait "EXITED 0" 100; ok $? "quit the library"
is "$(sql 'pragma integrity_check')" "ok" "integrity_check"

done_testing

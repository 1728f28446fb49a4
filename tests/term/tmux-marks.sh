#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# tmux-marks.sh — marks in the real pager (tmux): m{a-z} marks the place,
# '{a-z} goes back to it, '' to where the reader was before the last jump
# (and back again); the prompts, Esc, an unset mark, a key that is no
# letter; the marks kept in the database across sessions and holding at
# another width; a mark set while another program holds the database's
# lock is kept and saved later, the reader never waiting; the Cyrillic
# layout (ь is m, э is '); A lists the highlights (m did before); the file
# edited, the marks follow their text.
. "${top_srcdir:-.}/tests/lib/lib.sh"
need_tmux
[ -n "${SQLITE3_CLI:-}" ] || skip_all "sqlite3 not found"

sql() {
	"$SQLITE3_CLI" -batch "$GLOSS_DB" "$1"
}

doc="$TEST_TMP/marks.txt"
i=1
while [ $i -le 120 ]; do
	printf 'Paragraph %d of the marks test, a line long enough to wrap at fifty columns but not at eighty.\n\n' $i
	i=$((i + 1))
done >"$doc"
p() {	# N: the first row of paragraph N at 80 columns
	echo " Paragraph $1 of the marks test, a line long enough to wrap at fifty columns"
}

run() {	# COLS [TEXT: what the first screen shows]
	tm_start "$1" 24 xterm-256color "$GLOSS '$doc'; echo EXITED \$?"
	tm_wait "${2:-Paragraph 1 of}" 100; ok $? "the document opens at $1 columns"
}

run 80
# 30 rows down: paragraph 11 is at the top (three rows a paragraph)
tm_keys 30j; tm_settle
is "$(tm_row 1)" "$(p 11)" "30j: paragraph 11 at the top"
tm_keys m; tm_settle
is "$(tm_row 24)" "Mark: a-z" "m asks for the letter on the status line"
tm_keys a; tm_settle
contains "$(tm_row 24)" "Mark a set" "ma says the mark is set"
is "$(tm_row 1)" "$(p 11)" "ma does not move"
is "$(sql "SELECT name || ' ' || position || ' ' || quote(caret) FROM marks")" "a 951 NULL" \
	"the mark is in the database: the offset of the first character on screen, no caret"

tm_keys G; tm_settle
is "$(tm_row 1)" "$(p 113)" "G: the end"
tm_keys "'"; tm_settle
is "$(tm_row 24)" "Go to mark: a (' back)" "' asks for the mark, listing those set"
tm_keys a; tm_settle
is "$(tm_row 1)" "$(p 11)" "'a goes back to the mark"
tm_keys "'" "'"; tm_settle
is "$(tm_row 1)" "$(p 113)" "'' goes back to where the reader was before the jump"
tm_keys "'" "'"; tm_settle
is "$(tm_row 1)" "$(p 11)" "'' again comes back"

tm_keys "'" Escape; tm_settle
is "$(tm_row 1)" "$(p 11)" "Esc after ' cancels: no move"
lacks "$(tm_row 24)" "Go to mark" "and the prompt is gone"
tm_keys "'" b; tm_settle
contains "$(tm_row 24)" "Mark b is not set (mb sets it)" "an unset mark says so"
tm_keys m 1; tm_settle
contains "$(tm_row 24)" "Marks are the letters a to z" "a key that is no letter says what marks are"
is "$(sql "SELECT count(*) FROM marks")" 1 "and sets nothing"

# The caret: a search puts it on a match (paragraph 20, at the top), } } on paragraph 22.
tm_keys / "Paragraph 20 " Enter; tm_settle
tm_keys "}" "}" m c; tm_settle
is "$(sql "SELECT position || ' ' || caret FROM marks WHERE name = 'c'")" "1815 2007" \
	"mc with the caret shown keeps the screen's start and the caret (paragraphs 20 and 22)"
tm_keys Escape G "'" c; tm_settle
is "$(tm_row 1)" "$(p 20)" "'c: the screen's start at the top"
contains "$(tm capture-pane -e -p -t t | sed -n 7p)" "$(printf '\033[7mP')" \
	"'c: the caret back where it was (the first letter of paragraph 22, row 7)"

# The Cyrillic layout: ь is m, ф is a, э is '
tm_keys g "ьф"; tm_settle
contains "$(tm_row 24)" "Mark a set" "ьф on a Russian layout is ma"
is "$(sql "SELECT position FROM marks WHERE name = 'a'")" 0 "it moved mark a to the top"
tm_keys G "эс"; tm_settle
is "$(tm_row 1)" "$(p 20)" "эс on a Russian layout is 'c"
tm_keys q; tm_wait "EXITED 0"; ok $? "q quits"

# Another session, at another width: the marks were kept and hold.
tm_start 50 24 xterm-256color "$GLOSS '$doc'; echo EXITED \$?"
tm_wait "Paragraph" 100; ok $? "opened again at 50 columns"
tm_keys "'"; tm_settle
is "$(tm_row 24)" "Go to mark: a c (' back)" "the marks set in the last session are listed"
tm_keys c; tm_settle
is "$(tm_row 1)" " Paragraph 20 of the marks test, a line long" "'c at 50 columns: the same text at the top"

# A mark set while another program holds the lock: kept, saved once it is free.
lock_hold "$GLOSS_DB"; ok $? "another program holds the database's lock"
tm_keys 4j m z; tm_wait "Kept: the database is locked" 100
ok $? "mz with the database locked: kept, and said so"
is "$(sql "SELECT count(*) FROM marks WHERE name = 'z'")" 0 "not in the database yet"
tm_keys G "'" z; tm_settle
is "$(tm_row 1)" " Paragraph 21 of the marks test, a line long" "'z works at once all the same"
lock_release
i=0
while [ "$(sql "SELECT count(*) FROM marks WHERE name = 'z'")" != 1 ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
is "$(sql "SELECT count(*) FROM marks WHERE name = 'z'")" 1 "saved once the lock is free, without a key"

# A lists the highlights of this document (m did before marks).
tm_keys A; tm_wait "Highlights —" 100; ok $? "A opens the list of this document's highlights"
tm_keys q q; tm_wait "EXITED 0"; ok $? "q closes the list and quits"

# The file edited (a paragraph before the others): the marks follow their text.
{ printf 'A preface, added later.\n\n'; cat "$doc"; } >"$doc.new" && mv "$doc.new" "$doc"
run 80 "of the marks test"
tm_settle
tm_keys "'" c; tm_settle
is "$(tm_row 1)" "$(p 20)" "edited: 'c goes to the same paragraph"
is "$(sql "SELECT position || ' ' || caret FROM marks WHERE name = 'c'")" "1840 2032" \
	"edited: the mark and its caret moved by the preface's 25 bytes"
tm_keys q; tm_wait "EXITED 0"; ok $? "q quits"

done_testing

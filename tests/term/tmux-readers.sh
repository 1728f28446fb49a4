#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# tmux-readers.sh — any number of readers and commands on one database.
# Two gloss windows (two tmux sessions of one server) on a document new to
# a database that already holds another: the second one's highlights are
# saved (once "UNIQUE constraint failed: documents.sha256") and each shows
# the other's.  Then two readers and a `gloss annotate` loop make 3 x 50
# highlights of one new document at once, in whatever interleaving the
# machine gives: 150 rows, each reader's open A list shows all of them
# without a key, no error on a status line, integrity_check ok.  Waits poll
# the screen (generous deadlines: the machine may be loaded).
. "${top_srcdir:-.}/tests/lib/lib.sh"
need_tmux
[ -n "${SQLITE3_CLI:-}" ] || skip_all "sqlite3 not found"

ROWS=30
sql() {
	"$SQLITE3_CLI" -batch "$GLOSS_DB" "$1"
}
cap() {	# SESSION
	tm capture-pane -p -t "$1"
}
status_of() {	# SESSION
	cap "$1" | sed -n "${ROWS}p"
}
# Waits until SESSION shows TEXT; 1 on timeout (TENTHS, default 10 s).
wait_in() {	# SESSION TEXT [TENTHS]
	i=0 limit=${3:-100}
	while [ $i -lt "$limit" ]; do
		case "$(cap "$1")" in
		*"$2"*) return 0 ;;
		esac
		sleep 0.1
		i=$((i + 1))
	done
	cap "$1" | sed 's/^/#   /'	# what it showed instead
	return 1
}
# Waits until SQL answers WANT; 1 on timeout (TENTHS, default 20 s).
wait_sql() {	# SQL WANT [TENTHS]
	i=0 limit=${3:-200}
	while [ $i -lt "$limit" ]; do
		[ "$(sql "$1")" = "$2" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# A second reader in the same tmux server, as tm_start does for session t.
second() {	# SESSION COMMAND...
	s=$1
	shift
	tm -u new-session -d -x 100 -y "$ROWS" -s "$s" -n pane \
		"env TERM=xterm-256color HOME='$HOME' XDG_DATA_HOME='$XDG_DATA_HOME' XDG_CACHE_HOME='$XDG_CACHE_HOME' XDG_STATE_HOME='$XDG_STATE_HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' GLOSS_DB='$GLOSS_DB' LC_ALL=C.UTF-8 TZ=UTC $* ; sleep 30"
}
no_error() {	# SESSION DESCRIPTION
	st=$(status_of "$1")
	case "$st" in
	# (a change kept while the other held the lock, then saved, is no error)
	*UNIQUE* | *rror* | *failed* | *"could not"* | *"not be saved"* | *"nothing was changed"* | *"gave up"*)
		ok 1 "$2"; echo "#   $st" ;;
	*) ok 0 "$2" ;;
	esac
}

# --- The issue's recipe: a database holding one document, a copy of an article.
"$GLOSS" annotate "$CORPUS/belarus-weekly-2023-09-22.txt" --quote "Belarus" --nth 1 >/dev/null
cp "$CORPUS/lukashenko-occupied-territories-latushka.txt" "$TEST_TMP/copy.txt"
tm_start 100 "$ROWS" xterm-256color "$GLOSS '$TEST_TMP/copy.txt'; echo EXITED \$?"
second u "$GLOSS '$TEST_TMP/copy.txt'; echo EXITED \$?"
wait_in t "Pavel Latushka"; ok $? "the first reader opens the copy"
wait_in u "Pavel Latushka"; ok $? "the second reader opens it too"
tm send-keys -t t "}" P
wait_in t "Highlighted in yellow"; ok $? "} P in the first reader highlights"
tm send-keys -t u "}" "}" P
wait_in u "Highlighted in yellow"; ok $? "} } P in the second reader highlights"
no_error t "no error in the first reader"
no_error u "no error in the second reader (once: UNIQUE constraint failed: documents.sha256)"
is "$(sql 'select count(*) from documents')" 2 "one new document row, beside the one already there"
is "$(sql "select count(*) from annotations a join paths p on p.doc_id = a.doc_id where p.path like '%/copy.txt'")" 2 \
	"both highlights are stored, on the copy's document"
tm send-keys -t u "}" P
wait_sql "select count(*) from annotations" 4 50; ok $? "a later highlight of the second reader is stored too"
no_error u "still no error in the second reader"
for s in t u; do
	tm send-keys -t "$s" A
	wait_in "$s" "/3" 50; ok $? "$s: A lists the copy's three highlights"
	contains "$(cap "$s")" "Lukashenko regime's cooperation" "$s: the first reader's highlight is listed"
	contains "$(cap "$s")" "Pavel Latushka," "$s: the second reader's highlight is listed"
	tm send-keys -t "$s" q q
	wait_in "$s" "EXITED 0" 50; ok $? "$s: quits with 0"
done
is "$(sql 'pragma integrity_check')" ok "recipe: integrity_check"

# --- Two readers and gloss annotate: 3 x 50 highlights of one new document at once.
doc="$TEST_TMP/many.txt"
{
	printf 'Readers at once\n\n'
	for k in $(seq -w 1 150); do
		printf 'Paragraph %s: the words of paragraph number %s.\n\n' "$k" "$k"
	done
} >"$doc"
tm_start 100 "$ROWS" xterm-256color "$GLOSS '$doc'; echo EXITED \$?"
second u "$GLOSS '$doc'; echo EXITED \$?"
wait_in t "Paragraph 001"; ok $? "reader 1 opens the new document"
wait_in u "Paragraph 001"; ok $? "reader 2 opens it"
tm send-keys -t u / "Paragraph 051" Enter
wait_in u "/Paragraph 051"; ok $? "reader 2 goes to paragraph 51"
(
	for k in $(seq 101 150); do
		"$GLOSS" annotate "$doc" --quote "Paragraph $k:" >/dev/null 2>>"$TEST_TMP/annotate.err" ||
			echo "gloss annotate of paragraph $k failed" >>"$TEST_TMP/annotate.err"
	done
) &
loop=$!
echo "$loop" >"$TEST_TMP/pid.loop"
tm send-keys -t u P
for k in $(seq 1 50); do
	tm send-keys -t t "}" P
	[ "$k" -lt 50 ] && tm send-keys -t u "}" P
done
# Both lists open at once, while the command line may still be writing.
tm send-keys -t t A
tm send-keys -t u A
wait "$loop"
rm -f "$TEST_TMP/pid.loop"
t0=$(date +%s%N)
is "$(cat "$TEST_TMP/annotate.err" 2>/dev/null)" "" "every gloss annotate succeeded"
wait_sql "select count(*) from annotations a join paths p on p.doc_id = a.doc_id where p.path like '%/many.txt'" 150
ok $? "150 highlights are stored"
is "$(sql "select count(distinct quote) from annotations where quote like 'Paragraph %'")" 150 \
	"each paragraph once (1-50 by reader 1, 51-100 by reader 2, 101-150 by gloss annotate)"
for s in t u; do
	wait_in "$s" "1/150" 100; ok $? "$s: the open A list shows all 150 without a key"
	echo "# $s: all 150 listed $(( ($(date +%s%N) - t0) / 1000000 )) ms after the last gloss annotate"
	no_error "$s" "$s: no error on the status line"
	tm send-keys -t "$s" G
	wait_in "$s" "150/150" 50; ok $? "$s: G goes to the last of 150"
	contains "$(cap "$s")" "Paragraph 150:" "$s: the last row is paragraph 150"
	tm send-keys -t "$s" q
	wait_in "$s" "Readers at once" 50
	no_error "$s" "$s: no error in the pager"
	tm send-keys -t "$s" q
	wait_in "$s" "EXITED 0" 50; ok $? "$s: quits with 0"
done
is "$(sql "select count(*) from documents d join paths p on p.doc_id = d.id where p.path like '%/many.txt'")" 1 \
	"one document row"
is "$(sql 'pragma integrity_check')" ok "integrity_check"

# --- Every kind of change in one reader, followed by the others without a key:
# reader 2's sidebar Marks tab and text, a third gloss's M list, a fourth's library.
export GLOSS_DB="$TEST_TMP/data/changes.db"	# a database of its own: M lists only these
mkdir -p "$TEST_TMP/lib"
doc="$TEST_TMP/lib/changes.txt"
printf 'Changes seen elsewhere\n\nThe first paragraph has words in it. A second sentence follows.\n\nAnother paragraph, with more words.\n' >"$doc"
"$GLOSS" annotate "$doc" --quote "first paragraph" >/dev/null
id=$(sql "select id from annotations where quote = 'first paragraph'")
tm_start 100 "$ROWS" xterm-256color "$GLOSS '$doc'; echo EXITED \$?"
second u "$GLOSS '$doc'; echo EXITED \$?"
second w "$GLOSS '$doc'; echo EXITED \$?"
second x "$GLOSS '$TEST_TMP/lib'; echo EXITED \$?"
wait_in t "Changes seen elsewhere"; ok $? "reader 1 opens the document"
wait_in u "Changes seen elsewhere"; ok $? "reader 2 opens it"
tm send-keys -t u s
wait_in u "M1"; ok $? "reader 2: the sidebar counts the highlight (its tab, narrow: M1)"
tm send-keys -t u C-w Right Right Right
wait_in u "■ first paragraph"; ok $? "reader 2: the Marks tab lists it"
tm send-keys -t u C-w
wait_in w "Changes seen elsewhere"
tm send-keys -t w M
wait_in w "All annotations"; ok $? "gloss 3: M lists every document's annotations"
wait_in x "1 hl"; ok $? "gloss 4: the library counts 1 highlight"
tm send-keys -t t "}" w x
wait_in t "Deleted the highlight"; ok $? "reader 1: x deletes it"
wait_in u "Marks 0"; ok $? "reader 2: the Marks tab drops it"
lacks "$(cap u)" "■ first paragraph" "reader 2: no entry is left"
lacks "$(tm capture-pane -p -e -t u)" "48;5;228m" "reader 2: the text lost its colour"
wait_in w "No annotations yet"; ok $? "gloss 3: the M list drops it"
i=0
while [ $i -lt 100 ] && cap x | grep -q "1 hl"; do sleep 0.1; i=$((i + 1)); done
lacks "$(cap x)" "1 hl" "gloss 4: the library no longer counts it"
tm send-keys -t t U
wait_in t "Brought back"; ok $? "reader 1: U brings it back"
wait_in u "Marks 1"; ok $? "reader 2: back in the Marks tab"
contains "$(tm capture-pane -p -e -t u)" "48;5;228m" "reader 2: and yellow in the text"
wait_in w "first paragraph"; ok $? "gloss 3: back in the M list"
wait_in x "1 hl"; ok $? "gloss 4: counted again"
tm send-keys -t t 3 c
wait_sql "select color from annotations where id = $id" blue 50; ok $? "reader 1: 3c makes it blue"
i=0
while [ $i -lt 100 ] && ! tm capture-pane -p -e -t u | grep -q "48;5;117m"; do sleep 0.1; i=$((i + 1)); done
contains "$(tm capture-pane -p -e -t u)" "48;5;117m" "reader 2: the text is drawn blue"
i=0
while [ $i -lt 100 ] && ! tm capture-pane -p -e -t w | grep -q "48;5;117m"; do sleep 0.1; i=$((i + 1)); done
contains "$(tm capture-pane -p -e -t w)" "48;5;117m" "gloss 3: the M row's swatch is blue"
tm send-keys -t t a
wait_in t "Note on"; ok $? "reader 1: a opens the note editor"
tm send-keys -t t -l "a note from reader one"
tm send-keys -t t Escape
wait_sql "select note from annotations where id = $id" "a note from reader one" 50; ok $? "reader 1: the note is saved"
wait_in u "✎ first paragraph"; ok $? "reader 2: the Marks entry shows the note mark"
wait_in w "✎ a note from reader one"; ok $? "gloss 3: the M row shows the note"
tm send-keys -t t t
wait_in t "Tags"; ok $? "reader 1: t asks for tags"
tm send-keys -t t -l "sanctions"
tm send-keys -t t Enter
wait_in u "first paragraph #sanctions"; ok $? "reader 2: the Marks entry shows the tag"
wait_in w "first paragraph #sanctions"; ok $? "gloss 3: the M row shows the tag"
tm send-keys -t t "}" P
wait_in t "Highlighted in blue"; ok $? "reader 1: P highlights another paragraph (in the colour last chosen)"
wait_in u "Marks 2"; ok $? "reader 2: the Marks tab counts 2"
wait_in w "Another paragraph, with more words."; ok $? "gloss 3: the M list shows it"
wait_in x "2 hl"; ok $? "gloss 4: the library counts 2"
for s in t u w; do
	no_error "$s" "$s: no error on the status line"
done
tm send-keys -t x q
wait_in x "EXITED 0" 50; ok $? "gloss 4 quits with 0"
for s in t u w; do
	tm send-keys -t "$s" q q
	wait_in "$s" "EXITED 0" 50; ok $? "$s: quits with 0"
done
is "$(sql 'pragma integrity_check')" ok "changes: integrity_check"

done_testing

#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# annot-cli.sh — the annotation commands: exact output of every command and
# error path, files renamed, copied and edited, concurrent writers, a kill -9
# in a stream of writes, and databases that are read-only, damaged, newer,
# foreign or locked.
. "${top_srcdir:-.}/tests/lib/lib.sh"

: "${SQLITE3_CLI:=}"
have_sqlite() { [ -n "$SQLITE3_CLI" ] && command -v "$SQLITE3_CLI" >/dev/null 2>&1; }
sql() { "$SQLITE3_CLI" "$GLOSS_DB" "$@"; }

D="$TEST_TMP/docs"
mkdir -p "$D"
ESC=$(printf '\033')

# The fixture: six paragraphs, Cyrillic, and a control character.
write_article() {	# FILE
	printf '%s\n\n' \
		"Minsk and Kyiv" \
		"The border between the two countries runs for more than a thousand kilometres through forests and marshes." \
		"In 2020 the protests in Minsk changed the relationship for years. Kyiv condemned the violence and questioned the elections." \
		"Лукашенко заявил, что всё решится ещё до осени." \
		"Trade continued despite the sanctions, and the sanctions were widened again in 2021." >"$1"
	printf 'Alert\033[31m red text.\n' >>"$1"
}
A="$D/article.txt"
write_article "$A"

# run CMD...: sets $out, $err and $rc.
run() {
	"$GLOSS" "$@" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
	rc=$?
	out=$(cat "$TEST_TMP/out")
	err=$(cat "$TEST_TMP/err")
}

# ---------------------------------------------------------------------------
# An empty store

run annotations
is "$rc/$out/$err" "0//" "annotations with no database: nothing, exit 0"
[ ! -e "$GLOSS_DB" ]; ok $? "listing does not create the database"
run tag 1 x
is "$rc" 1 "tag with no database: exit 1"
is "$err" "gloss: tag: no annotation with id 1" "tag with no database: message"

# ---------------------------------------------------------------------------
# annotate

run annotate "$A" --quote "protests in Minsk"
is "$rc/$out/$err" "0/1/" "annotate prints the new id"
[ -f "$GLOSS_DB" ]; ok $? "the database was created"
run annotate "$A" --quote "condemned  the
violence" --tag дети --tag " EU-sanctions " --color green --note "Kyiv's *first* reaction"
is "$rc/$out" "0/2" "annotate: white space in the quote matches any white space"
run annotate "$A" --quote "the sanctions"
is "$rc/$out" "1/" "annotate: an ambiguous quote exits 1"
is "$err" "gloss: annotate: 'the sanctions' occurs 2 times in $A; choose one with --nth 1 to 2" \
	"annotate: says how many times it occurs"
run annotate "$A" --quote "the sanctions" --nth 2 --color PINK
is "$rc/$out" "0/3" "annotate --nth 2"
run annotate "$A" --quote "the sanctions" --nth 3
is "$rc/$err" "1/gloss: annotate: 'the sanctions' occurs only 2 times in $A" "annotate --nth beyond the count"
run annotate "$A" --quote "marshes. In 2020"
is "$rc/$out" "0/4" "annotate: a quote across paragraphs"
run annotate "$A" --quote "всё решится ещё до осени" --tag Дети
is "$rc/$out" "0/5" "annotate: Cyrillic"
run annotate "$A" --quote "$(printf 'Alert\033[31m red')"
is "$rc/$out" "0/6" "annotate: a quote with a control character"
run annotate "$A" --quote "questioned the elections" --color blue
is "$rc/$out" "0/7" "annotate: one more"

run annotate "$A" --quote "no such words"
is "$rc/$out/$err" "1//gloss: annotate: 'no such words' does not occur in $A" "annotate: quote not found"
run annotate "$A" --quote "   "
is "$rc/$err" "2/gloss: annotate: empty selection: the quote is empty" "annotate: an empty quote is refused"
run annotate "$A"
is "$rc" 2 "annotate without --quote exits 2"
contains "$err" "gloss: annotate: --quote TEXT is required" "annotate without --quote: message"
run annotate --quote x
is "$rc" 2 "annotate without FILE exits 2"
contains "$err" "gloss: annotate: missing FILE" "annotate without FILE: message"
run annotate "$A" --quote Minsk --color magenta
is "$rc/$err" "2/gloss: annotate: unknown colour 'magenta' (one of yellow, green, blue, pink, purple, orange, red)" \
	"annotate: unknown colour"
run annotate "$A" --quote Minsk --nth 0
is "$rc" 2 "annotate --nth 0 exits 2"
run annotate "$A" --quote Minsk --tag "a,b"
is "$rc/$err" "2/gloss: annotate: a tag cannot contain a comma" "annotate: a bad tag"
printf '# Notes\n\nLukashenko said so.[^1] Then he left.\n\n[^1]: Interview, 2023.\n' >"$D/notes.md"
out=$(GLOSS_DB="$TEST_TMP/notes.db" "$GLOSS" annotate "$D/notes.md" --quote "so.1 Then")
is "$?/$out" "0/1" "annotate: over a footnote marker"
out=$(GLOSS_DB="$TEST_TMP/notes.db" "$GLOSS" annotations | cut -f 7)
is "$out" "so.1 Then" "annotate: the marker's text is in the quote"
run annotate "$D/missing.txt" --quote Minsk
is "$rc/$err" "1/gloss: annotate: $D/missing.txt: No such file or directory" "annotate: a missing file"

# ---------------------------------------------------------------------------
# annotations

T='	'
L1="1${T}$A${T}136-153${T}anchored${T}yellow${T}-${T}protests in Minsk"
L2="2${T}$A${T}195-217${T}anchored${T}green${T}EU-sanctions,дети${T}condemned the violence"
L3="3${T}$A${T}379-392${T}anchored${T}pink${T}-${T}the sanctions"
L4="4${T}$A${T}114-131${T}anchored${T}yellow${T}-${T}marshes. ¶ In 2020"
L5="5${T}$A${T}289-333${T}anchored${T}yellow${T}дети${T}всё решится ещё до осени"
L6="6${T}$A${T}422-436${T}anchored${T}yellow${T}-${T}Alert␛[31m red"
L7="7${T}$A${T}222-246${T}anchored${T}blue${T}-${T}questioned the elections"
run annotations
is "$rc" 0 "annotations exits 0"
is "$out" "$L4
$L1
$L2
$L7
$L5
$L3
$L6" "annotations: one a line, by position; ¶ for a paragraph break; controls made visible"
case "$out" in *"$ESC"*) ok 1 "annotations: no raw ESC" ;; *) ok 0 "annotations: no raw ESC" ;; esac

run annotations --tag eu-SANCTIONS
is "$out" "$L2" "annotations --tag compares case-insensitively"
run annotations --tag ДЕТИ
is "$out" "$L2
$L5" "annotations --tag: Cyrillic, the first spelling kept"
run annotations --status orphaned
is "$rc/$out" "0/" "annotations --status orphaned: none yet"
run annotations --status lost
is "$rc" 2 "annotations --status lost exits 2"
run annotations --color blue
is "$out" "$L7" "annotations --color"
run annotations "$A"
is "$rc/$(printf '%s\n' "$out" | wc -l)" "0/7" "annotations FILE"

if command -v python3 >/dev/null 2>&1; then
	run annotations --json
	printf '%s\n' "$out" | python3 -c '
import json, sys
a = json.load(sys.stdin)
by = {x["id"]: x for x in a}
assert [x["id"] for x in a] == [4, 1, 2, 7, 5, 3, 6], [x["id"] for x in a]
assert by[2]["tags"] == ["EU-sanctions", "дети"], by[2]["tags"]
assert by[2]["note"] == "Kyiv'"'"'s *first* reaction", by[2]["note"]
assert by[1]["note"] is None
assert by[6]["quote"] == "Alert\x1b[31m red", by[6]["quote"]
assert by[4]["quote"] == "marshes.\n\nIn 2020"
assert by[3]["color"] == "pink" and by[3]["status"] == "anchored"
assert (by[5]["start"], by[5]["end"]) == (289, 333)
assert by[5]["suffix"] == ".\n\nTrade continued despite the s", repr(by[5]["suffix"])
assert by[1]["path"] == sys.argv[1]
' "$A"
	ok $? "annotations --json parses back with every field"
	case "$out" in *"$ESC"*) ok 1 "JSON: the control character is escaped" ;; *) ok 0 "JSON: the control character is escaped" ;; esac
else
	ok 0 "# SKIP python3 not found"
fi
run annotations --json --tag nothing-has-this
is "$rc/$out" "0/[]" "annotations --json with no match: []"

# ---------------------------------------------------------------------------
# tag, untag, note, delete

run tag 1 Sanctions "human rights"
is "$rc/$out/$err" "0//" "tag: silent success"
run tag 1 sanctions
is "$rc" 0 "tag: the same tag again"
run annotations --tag SANCTIONS
is "$out" "1${T}$A${T}136-153${T}anchored${T}yellow${T}human rights,Sanctions${T}protests in Minsk" \
	"tag: one tag, first spelling"
run untag 1 nope
is "$rc/$err" "1/gloss: untag: annotation 1 has no tag 'nope'" "untag: a tag it does not have"
run untag 1 "HUMAN   RIGHTS" sanctions
is "$rc" 0 "untag: case and spaces do not matter"
run annotations --tag sanctions
is "$out" "" "untag: removed"
run tag 1
is "$rc" 2 "tag without TAG exits 2"
run tag abc x
is "$rc/$err" "2/gloss: tag: invalid annotation id 'abc'
Usage: gloss tag ID TAG..." "tag: an invalid id, with the usage"
run tag 42 x
is "$rc/$err" "1/gloss: tag: no annotation with id 42" "tag: an unknown id"
run untag 42 x
is "$rc/$err" "1/gloss: untag: no annotation with id 42" "untag: an unknown id"
run tag 1 "x,y"
is "$rc/$err" "2/gloss: tag: a tag cannot contain a comma" "tag: a bad tag"

run note 3 "Вторая *заметка*"
is "$rc/$out/$err" "0//" "note: set"
printf '# Long note\n\nwith **Markdown**\n' >"$TEST_TMP/note.md"
"$GLOSS" note 7 - <"$TEST_TMP/note.md"; ok $? "note: from standard input"
run note 99 x
is "$rc/$err" "1/gloss: note: no annotation with id 99" "note: an unknown id"
run note 3
is "$rc" 2 "note without TEXT exits 2"
if command -v python3 >/dev/null 2>&1; then
	run annotations --json
	printf '%s\n' "$out" | python3 -c '
import json, sys
by = {x["id"]: x for x in json.load(sys.stdin)}
assert by[3]["note"] == "Вторая *заметка*", by[3]["note"]
assert by[7]["note"] == "# Long note\n\nwith **Markdown**\n", by[7]["note"]
'
	ok $? "note: read back through JSON"
fi
run note 3 ""
is "$rc" 0 "note: '' removes it"

run delete 3
is "$rc/$out/$err" "0//" "delete: silent success"
run annotations --color pink
is "$out" "" "delete: gone"
run delete 3
is "$rc/$err" "1/gloss: delete: no annotation with id 3" "delete: twice"
run delete
is "$rc" 2 "delete without ID exits 2"
run delete 1 2
is "$rc" 2 "delete with two ids exits 2"

# ---------------------------------------------------------------------------
# The document moves, is copied, is edited

mkdir -p "$D/moved"
mv "$A" "$D/moved/renamed.txt"
R="$D/moved/renamed.txt"
run annotations "$R"
is "$(printf '%s\n' "$out" | head -n 1)" "4${T}$R${T}114-131${T}anchored${T}yellow${T}-${T}marshes. ¶ In 2020" \
	"renamed: the annotations follow, with the new path"
is "$(printf '%s\n' "$out" | wc -l)" 6 "renamed: all six"
run annotate "$R" --quote "Trade continued"
is "$rc/$out" "0/8" "renamed: a new annotation joins the same document"

cp "$R" "$D/copy.txt"
run annotations "$D/copy.txt" --status anchored
is "$(printf '%s\n' "$out" | wc -l)" 7 "copied: recognised by content"

touch -d '2001-01-01' "$R"
run annotations "$R"
is "$(printf '%s\n' "$out" | cut -f 1,3,4 | tr '\t\n' '  ')" \
	"4 114-131 anchored 1 136-153 anchored 2 195-217 anchored 7 222-246 anchored 5 289-333 anchored 8 336-351 anchored 6 422-436 anchored " \
	"touched: same content, same places"

# The edit: a paragraph at the top; a word changed; a sentence deleted; ё → е.
{
	printf '%s\n\n' \
		"Minsk and Kyiv" \
		"A paragraph added at the top by the editor." \
		"The border between the two countries runs for more than a thousand kilometres through forests and marshes." \
		"In 2020 the protests in Minsk changed the relationship for years. Kyiv denounced the violence." \
		"Лукашенко заявил, что все решится еще до осени." \
		"Trade continued despite the sanctions, and the sanctions were widened again in 2021."
	printf 'Alert\033[31m red text.\n'
} >"$R.new"
mv "$R.new" "$R"
run annotations "$R"
is "$rc" 0 "edited: exit 0"
is "$(printf '%s\n' "$out" | cut -f 1,3,4,7 | tr '\t' ' ')" \
"4 159-176 anchored marshes. ¶ In 2020
1 181-198 anchored protests in Minsk
7 222-246 orphaned questioned the elections
2 240-262 moved denounced the violence
5 305-349 moved все решится еще до осени
8 352-367 anchored Trade continued
6 438-452 anchored Alert␛[31m red" \
	"edited: re-anchored (shifted; an only occurrence anchored whatever its context; moved: changed words, and its quote is the text it covers now; orphaned at its old place)"
run annotations --status orphaned
is "$(printf '%s\n' "$out" | cut -f 1)" 7 "edited: the orphan is kept and can be listed"
run annotations --status moved
is "$(printf '%s\n' "$out" | cut -f 1 | tr '\n' ' ')" "2 5 " "edited: the moved ones"
run annotations "$D/copy.txt"
is "$(printf '%s\n' "$out" | cut -f 1,3,4 | head -n 2 | tr '\t\n' '  ')" "4 114-131 anchored 1 136-153 anchored " \
	"the unchanged copy re-anchors to its own text"
run annotations "$R"
is "$(printf '%s\n' "$out" | cut -f 1,3,4 | head -n 2 | tr '\t\n' '  ')" "4 159-176 anchored 1 181-198 anchored " \
	"and the edited file to its own again"

# ---------------------------------------------------------------------------
# Where the database is

run --db "$TEST_TMP/other/g.db" annotate "$R" --quote "Minsk and Kyiv"
is "$rc/$out" "0/1" "--db names another database"
[ -f "$TEST_TMP/other/g.db" ]; ok $? "--db: created with its directory"
(unset GLOSS_DB; "$GLOSS" annotate "$R" --quote "Minsk and Kyiv" >/dev/null)
[ -f "$XDG_DATA_HOME/gloss/gloss.db" ]; ok $? "default: \$XDG_DATA_HOME/gloss/gloss.db"
(unset GLOSS_DB XDG_DATA_HOME; "$GLOSS" annotate "$R" --quote "Minsk and Kyiv" >/dev/null)
[ -f "$HOME/.local/share/gloss/gloss.db" ]; ok $? "default without XDG_DATA_HOME: ~/.local/share/gloss/gloss.db"

bad=$(printf '%s/x\033]0;pwned\007y.txt' "$D")
cp "$R" "$bad"
GLOSS_DB="$TEST_TMP/hostile.db" "$GLOSS" annotate "$bad" --quote "Minsk and Kyiv" >/dev/null
GLOSS_DB="$TEST_TMP/hostile.db" "$GLOSS" annotations >"$TEST_TMP/out" 2>&1
if grep -q "$ESC" "$TEST_TMP/out"; then ok 1 "a hostile file name is shown safely"; else ok 0 "a hostile file name is shown safely"; fi
contains "$(cat "$TEST_TMP/out")" "x␛]0;pwned␇y.txt" "a hostile file name: its controls are visible"

# ---------------------------------------------------------------------------
# Several writers at once; a crash in the middle of a stream of writes

export GLOSS_DB="$TEST_TMP/race.db"
"$GLOSS" annotate "$R" --quote "Minsk and Kyiv" >/dev/null
writer() {	# TAG
	i=0 fails=0
	while [ $i -lt 500 ]; do
		"$GLOSS" annotate "$R" --quote "protests in Minsk" --tag "$1" >/dev/null 2>>"$TEST_TMP/race.err" ||
			fails=$((fails + 1))
		i=$((i + 1))
	done
	echo $fails >"$TEST_TMP/race.$1"
}
writer a &
pa=$!
writer b &
pb=$!
wait $pa $pb
is "$(cat "$TEST_TMP/race.a")/$(cat "$TEST_TMP/race.b")" "0/0" "two writers: no call failed"
is "$(cat "$TEST_TMP/race.err")" "" "two writers: no busy error"
run annotations --tag a
is "$(printf '%s\n' "$out" | wc -l)" 500 "two writers: 500 from the first"
run annotations --tag b
is "$(printf '%s\n' "$out" | wc -l)" 500 "two writers: 500 from the second"
if have_sqlite; then
	is "$(sql 'SELECT count(*) FROM annotations')" 1001 "two writers: exactly 1000 rows (and the first)"
fi

if have_sqlite && command -v setsid >/dev/null 2>&1; then
	export GLOSS_DB="$TEST_TMP/crash.db"
	: >"$TEST_TMP/ids"
	setsid sh -c 'i=0; while [ $i -lt 2000 ]; do i=$((i + 1));
		"$0" annotate "$1" --quote "protests in Minsk" --note "$(head -c 3000 /dev/zero | tr "\0" n)" >>"$2" || exit; done' \
		"$GLOSS" "$R" "$TEST_TMP/ids" 2>/dev/null &
	loop=$!
	i=0
	while [ "$(wc -l <"$TEST_TMP/ids")" -lt 20 ] && [ $i -lt 300 ]; do sleep 0.05; i=$((i + 1)); done
	sleep 0.137
	kill -9 "-$loop" 2>/dev/null	# the loop and the gloss it is running (dash: no "--")
	wait $loop 2>/dev/null
	printed=$(grep -c . "$TEST_TMP/ids")
	ok "$([ "$printed" -ge 20 ]; echo $?)" "kill -9: the stream ran ($printed ids printed)"
	sort "$TEST_TMP/ids" >"$TEST_TMP/ids.printed"
	sql 'SELECT id FROM annotations' | sort >"$TEST_TMP/ids.stored"
	is "$(comm -23 "$TEST_TMP/ids.printed" "$TEST_TMP/ids.stored" | tr '\n' ' ')" "" \
		"kill -9: every printed id is in the database"
	is "$(sql 'PRAGMA integrity_check')" ok "kill -9: integrity_check is ok"
	run annotations
	is "$rc" 0 "kill -9: the database is still usable"
else
	ok 0 "# SKIP sqlite3 or setsid not found: kill -9 test"
fi

# ---------------------------------------------------------------------------
# Databases gloss must not write

export GLOSS_DB="$TEST_TMP/ro/gloss.db"
mkdir -p "$TEST_TMP/ro"
"$GLOSS" annotate "$R" --quote "protests in Minsk" >/dev/null
"$GLOSS" annotations >"$TEST_TMP/ro.before"
cp "$GLOSS_DB" "$TEST_TMP/ro.copy"
chmod 444 "$GLOSS_DB"
run annotations
is "$rc/$out" "0/$(cat "$TEST_TMP/ro.before")" "read-only file: annotations are listed"
run annotate "$R" --quote "Trade continued"
is "$rc/$err" "1/gloss: annotate: database $GLOSS_DB is read-only (the file is not writable); annotations can be read but not changed" \
	"read-only file: annotate is refused with a message"
run tag 1 x
is "$rc" 1 "read-only file: tag is refused"
cmp -s "$GLOSS_DB" "$TEST_TMP/ro.copy"; ok $? "read-only file: unchanged"
chmod 644 "$GLOSS_DB"
chmod 555 "$TEST_TMP/ro"
run annotations
is "$rc/$out" "0/$(cat "$TEST_TMP/ro.before")" "read-only directory: annotations are listed"
run delete 1
is "$rc/$err" "1/gloss: delete: database $GLOSS_DB is read-only (its directory is not writable, so no journal can be made); annotations can be read but not changed" \
	"read-only directory: delete is refused with a message"
chmod 755 "$TEST_TMP/ro"
cmp -s "$GLOSS_DB" "$TEST_TMP/ro.copy"; ok $? "read-only directory: unchanged"

export GLOSS_DB="$TEST_TMP/bad.db"
printf 'my shopping list\n' >"$GLOSS_DB"
cp "$GLOSS_DB" "$TEST_TMP/bad.copy"
run annotations
is "$rc/$err" "1/gloss: annotations: $GLOSS_DB is not a gloss database (not a SQLite file); it was left as it is: move it away or name another with --db" \
	"not a database: refused with a message"
run annotate "$R" --quote "Trade continued"
is "$rc" 1 "not a database: annotate is refused"
cmp -s "$GLOSS_DB" "$TEST_TMP/bad.copy"; ok $? "not a database: unchanged byte for byte"

if have_sqlite; then
	export GLOSS_DB="$TEST_TMP/damaged.db"
	"$GLOSS" annotate "$R" --quote "Trade continued" >/dev/null
	sql 'PRAGMA journal_mode = DELETE' >/dev/null
	printf '\245%.0s' $(seq 1 2000) | dd of="$GLOSS_DB" bs=1 seek=100 conv=notrunc 2>/dev/null
	cp "$GLOSS_DB" "$TEST_TMP/damaged.copy"
	run annotate "$R" --quote "Trade continued"
	is "$rc" 1 "damaged: refused"
	contains "$err" "gloss: annotate: database $GLOSS_DB is damaged" "damaged: message"
	cmp -s "$GLOSS_DB" "$TEST_TMP/damaged.copy"; ok $? "damaged: unchanged byte for byte"

	export GLOSS_DB="$TEST_TMP/newer.db"
	"$GLOSS" annotate "$R" --quote "Trade continued" >/dev/null
	sql 'PRAGMA user_version = 7' >/dev/null
	run annotations
	is "$rc/$err" "1/gloss: annotations: database $GLOSS_DB was written by a newer gloss (schema version 7; this gloss knows up to 4); it was left as it is: upgrade gloss" \
		"newer schema: refused"
	is "$(sql 'PRAGMA user_version')" 7 "newer schema: not downgraded"

	export GLOSS_DB="$TEST_TMP/locked.db"
	"$GLOSS" annotate "$R" --quote "Trade continued" >/dev/null
	lock_hold "$GLOSS_DB"
	ok $? "locked: the lock is held"
	GLOSS_BUSY_TIMEOUT=200 "$GLOSS" tag 1 x >"$TEST_TMP/out" 2>"$TEST_TMP/err"
	is "$?" 1 "locked: gives up after the timeout"
	# the real time waited, once: 200 ms or more ("1.2 s" on a loaded machine)
	waited=$(sed -n 's/.*is locked by another program (gave up after \([0-9]* ms\|[0-9]*\.[0-9] s\)).*/\1/p' "$TEST_TMP/err")
	case "$waited" in
	*" s") ok 0 "locked: the message gives the time waited ($waited)" ;;
	*) ok "$([ "${waited% ms}" -ge 200 ] 2>/dev/null; echo $?)" "locked: the message gives the time waited (${waited:-none})" ;;
	esac
	contains "$(cat "$TEST_TMP/err")" "nothing was changed" "locked: nothing was changed"
	lock_release
	run tag 1 x
	is "$rc" 0 "locked: works once the lock is released"
	run annotations
	is "$(printf '%s\n' "$out" | cut -f 6)" x "locked: and the change is there"
else
	ok 0 "# SKIP sqlite3 not found: damaged, newer and locked databases"
fi

done_testing

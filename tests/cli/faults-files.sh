#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# faults-files.sh — files under faults, as a user or an administrator meets
# them: a file that shrinks or changes while gloss has it open (the reader
# and dump), and special files (FIFOs, devices, unreadable files) where a
# document or an import source is expected.
#
# Nothing depends on how fast the machine is: the file is truncated while
# dump is blocked writing into a pipe that the test reads (so the rest of
# the file is read after it shrank), and every command runs under timeout
# so that a hang shows as a run killed after 60 s.
. "${top_srcdir:-.}/tests/lib/lib.sh"

need_tmux

D="$TEST_TMP/docs"
mkdir -p "$D"

# big FILE: about 20 MB of numbered paragraphs ("tok00000." ... ), mapped by gloss (over 256 KiB).
big() {
	awk 'BEGIN { for (i = 0; i < 90000; i++)
		printf "Paragraph %05d of the long article, with enough words to fill a few lines of the reading column and to end in a token tok%05d.\n\n", i, i }' >"$1"
}

# ---------------------------------------------------------------------------
# 1. dump: the file truncated while it is read

F="$D/big.txt"
for threads in 0 2; do
	big "$F"
	{ GLOSS_THREADS=$threads timeout 60 "$GLOSS" dump -w 80 "$F" 2>"$TEST_TMP/err"; echo $? >"$TEST_TMP/rc"; } |
		{ head -c 4096 >"$TEST_TMP/head"; truncate -s 0 "$F"; cat >"$TEST_TMP/rest"; }
	is "$(cat "$TEST_TMP/rc")" 1 "shrink: dump (threads $threads) of a file truncated while it runs exits 1 (no SIGBUS)"
	is "$(cat "$TEST_TMP/err")" "gloss: dump: $F: the file changed while it was read (it shrank; the output stops there)" \
		"shrink: dump (threads $threads) says the file changed"
	contains "$(cat "$TEST_TMP/head")" "Paragraph 00000 of the long article" "shrink: dump (threads $threads) wrote the text read before"
	lacks "$(cat "$TEST_TMP/rest")" "$(printf '\357\277\275')" "shrink: dump (threads $threads) writes none of the lost text (no U+FFFD for zeros)"
done

# A file rewritten (not shrunk) while dump reads it: the output may mix both, so it is an error too.
big "$F"
{ timeout 60 "$GLOSS" dump -w 80 "$F" 2>"$TEST_TMP/err"; echo $? >"$TEST_TMP/rc"; } |
	{ head -c 4096 >/dev/null; touch -d '2001-01-01 00:00' "$F"; cat >/dev/null; }
is "$(cat "$TEST_TMP/rc")/$(cat "$TEST_TMP/err")" \
	"1/gloss: dump: $F: the file changed while it was read (the output may mix old and new text)" \
	"change: dump of a file modified while it runs exits 1 and says so"
"$GLOSS" dump -w 80 "$F" >/dev/null 2>"$TEST_TMP/err"
is "$?/$(cat "$TEST_TMP/err")" "0/" "change: dump of the same file left alone exits 0"

# ---------------------------------------------------------------------------
# 1. the reader: truncated under its mapping, then jumps, searches, reload

big "$F"
tm_start 100 30 xterm-256color "$GLOSS '$F'; echo EXITED \$?"
tm_wait "tok00000." 100; ok $? "shrink: the reader shows the first screen"
truncate -s 0 "$F"
tm_wait "on disk: R reads it again" 100
ok $? "shrink: the reader says the file changed on disk"
tm_keys 5 0 %
tm_wait "50%" 50
contains "$(tm_row 30)" "CHANGED: R" "shrink: 50% over the lost text: no crash; the status line says the file changed"
tm_keys G; tm_keys / tok4 Enter
tm_wait "Pattern not found: tok4" 100; ok $? "shrink: G and a search over the lost text: no crash"
tm_keys R
tm_wait "(empty document)" 50; ok $? "shrink: R reads the file again (now empty)"
lacks "$(tm_row 30)" "CHANGED" "shrink: after R the status line no longer says changed"
tm_keys q
tm_wait "EXITED 0" 50; ok $? "shrink: q quits with status 0"

# A small file (read, not mapped) rewritten while open: said once, R shows the new text.
S="$D/small.txt"
printf 'First version of the text.\n\nSecond paragraph.\n' >"$S"
tm_start 120 12 xterm-256color "$GLOSS '$S'; echo EXITED \$?"
tm_wait "First version" 50; ok $? "change: the reader shows the small file"
printf 'Edited version of the text.\n\nSecond paragraph.\n' >"$S.new"
touch -d '2001-01-01 00:00' "$S.new"
mv "$S.new" "$S"
tm_wait "small.txt changed on disk: R reads it again" 100
ok $? "change: the reader notices a file replaced on disk"
contains "$(tm_capture)" "First version" "change: and keeps showing what it read until asked"
tm_keys R
tm_wait "Edited version" 50; ok $? "change: R shows the new text"
contains "$(tm_row 12)" "small.txt read again" "change: R says so"
tm_keys q
tm_wait "EXITED 0" 50; ok $? "change: q quits with status 0"

# ---------------------------------------------------------------------------
# 5. special files: never opened as documents, library articles or import sources

L="$TEST_TMP/lib"
mkdir -p "$L"
printf 'A real article\n\nIts only paragraph.\n' >"$L/a.txt"
mkfifo "$L/b.txt"
timeout 60 "$GLOSS" library "$L" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
is "$?" 0 "fifo: gloss library DIR with a FIFO named b.txt does not hang (exit 0, not killed)"
is "$(cut -f 1 "$TEST_TMP/out")" "$L/a.txt" "fifo: the library lists the regular file only"
is "$(cat "$TEST_TMP/err")" "gloss: library: $L/b.txt: a FIFO: skipped" "fifo: and says the FIFO was skipped"
timeout 60 "$GLOSS" "$L/b.txt" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
is "$?/$(cat "$TEST_TMP/err")" "1/gloss: $L/b.txt: not a regular file (a FIFO): not opened" \
	"fifo: gloss FIFO refuses it without opening it (no hang)"
timeout 60 "$GLOSS" dump /dev/zero >"$TEST_TMP/out" 2>"$TEST_TMP/err"
is "$?/$(cat "$TEST_TMP/err")" "1/gloss: dump: /dev/zero: not a regular file (a character device): not opened" \
	"device: gloss dump /dev/zero refuses it"
tm_start 100 20 xterm-256color "$GLOSS '$L'; echo EXITED \$?"
tm_wait "A real article" 100; ok $? "fifo: the library view opens on the directory (no hang)"
contains "$(tm_row 20)" "b.txt: a FIFO: skipped" "fifo: the library view says the FIFO was skipped"
tm_keys q
tm_wait "EXITED 0" 50; ok $? "fifo: q quits the library view"

# import: sources /dev/zero, a FIFO, a file that cannot be read, someone else's file, a directory
I="$TEST_TMP/imp"
mkdir -p "$I"
printf 'Imported article\n\nThe secret sentence is here.\n' >"$I/secret.txt"
mkfifo "$I/fifo.txt"
cp "$I/secret.txt" "$I/theirs.txt"
if [ "$(id -u)" = 0 ]; then
	chown 65534 "$I/theirs.txt"; chmod 0640 "$I/theirs.txt"
	UNREAD_WHY=""
else
	cp "$I/secret.txt" "$I/unreadable.txt"; chmod 000 "$I/unreadable.txt"
	UNREAD_WHY="$I/unreadable.txt: Permission denied"
fi
anno() {	# SOURCE
	printf '{"type": "Annotation", "target": {"source": "%s", "selector": {"type": "TextQuoteSelector", "exact": "secret sentence"}}}' "$1"
}
{
	printf '['
	anno "file:///dev/zero"; printf ','
	anno "file://$I/fifo.txt"; printf ','
	anno "$I"; printf ','
	anno "file://$I/theirs.txt"; printf ','
	anno "file://$I/secret.txt"
	printf ']\n'
} >"$I/in.json"
export GLOSS_DB="$TEST_TMP/import.db"
timeout 60 "$GLOSS" import "$I/in.json" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
rc=$?
if [ "$(id -u)" = 0 ]; then theirs="$I/theirs.txt: neither yours nor readable by everyone: not opened"
else theirs="$I/theirs.txt: Permission denied"; fi
is "$rc/$(cat "$TEST_TMP/out")" "1/1 imported: 1 anchored, 0 moved, 0 orphaned; 0 skipped as duplicates; 4 rejected" \
	"import: /dev/zero, a FIFO, a directory and someone else's file rejected, not read, no hang"
is "$(cat "$TEST_TMP/err")" "gloss: import: $I/in.json: annotation 1: /dev/zero: not a regular file (a character device): not opened
gloss: import: $I/in.json: annotation 2: $I/fifo.txt: not a regular file (a FIFO): not opened
gloss: import: $I/in.json: annotation 3: $I: is a directory
gloss: import: $I/in.json: annotation 4: $theirs" "import: a reason for each"
is "$("$GLOSS" annotations | cut -f 2 | sort | tr '\n' ' ')" "$I/secret.txt " \
	"import: only the regular file's annotation is recorded (no path of the others)"
if [ -n "$UNREAD_WHY" ]; then
	anno "file://$I/unreadable.txt" >"$I/unread.json"
	timeout 60 "$GLOSS" import "$I/unread.json" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
	is "$?/$(cat "$TEST_TMP/err")" "1/gloss: import: $I/unread.json: annotation 1: $UNREAD_WHY" \
		"import: an unreadable file is rejected with the reason"
else
	ok 0 "# SKIP import of an unreadable file: root reads every file (someone else's file is tested instead)"
fi
unset GLOSS_DB
export GLOSS_DB="$TEST_TMP/data/gloss.db"

# ---------------------------------------------------------------------------
# 7. superscripts found per line (present_line_text): across a line break, and
# one longer than PRESENT_SUP_MAX (64 bytes) drawn as text

printf 'Title\n\nA note<sup>%s</sup> and a long one<sup>%s</sup> end.\n' \
	"$(printf '%040d' 0 | tr 0 2)" "$(printf '%070d' 0 | tr 0 3)" >"$D/sup.md"
S2=$(printf '\302\262')
is "$("$GLOSS" dump -w 30 "$D/sup.md")" "Title

A
note$(printf "$S2%.0s" 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26)
$(printf "$S2%.0s" 1 2 3 4 5 6 7 8 9 10 11 12 13 14) and a long
one$(printf '%027d' 0 | tr 0 3)
$(printf '%030d' 0 | tr 0 3)
$(printf '%013d' 0 | tr 0 3) end." "superscripts: one cut by a line break is superscript on both lines; one of 70 characters is text"

# ---------------------------------------------------------------------------
# 7. a Markdown file that takes a while to parse: "Reading… N %", keys answered
# all along, and q quits at once, whether the parse is still being fed (the
# links: it stops between two pieces) or inside cmark-gfm's last step, which
# cannot stop (a table of 20,000 columns: seconds in the table extension)

awk 'BEGIN { printf "Links\n\n"; for (i = 0; i < 300000; i++) printf "[w%d](https://example.org/%d) ", i, i; printf "end\n" }' >"$D/links.md"
tm_start 100 20 xterm-256color "$GLOSS '$D/links.md'; echo EXITED \$?"
tm_wait "links.md… " 100; ok $? "reading: a long parse says how far it got (Reading FILE… N %)"
contains "$(tm_row 20)" "(q quits)" "reading: and that q quits"
tm_keys q
tm_wait "EXITED 0" 300; ok $? "reading: q during the parse quits (status 0) without showing the text"

awk 'BEGIN { n = 20000; printf "Table\n\n|"; for (i = 0; i < n; i++) printf " h%d |", i; printf "\n|";
	for (i = 0; i < n; i++) printf "---|"; printf "\n";
	for (r = 0; r < 3; r++) { printf "|"; for (i = 0; i < n; i++) printf " c%d.%d |", r, i; printf "\n" } }' >"$D/table.md"
# quit_table KEY: starts the reader on the table, presses KEY while it reads; ms: the time to the exit
quit_table() {
	ms=99999
	tm_start 100 20 xterm-256color "$GLOSS '$D/table.md'; echo EXITED \$?"
	tm_wait "table.md… " 100 || return
	tm_keys j; sleep 0.3
	case "$(tm_row 20)" in *"table.md… "*) ;; *) ms=99998; return ;; esac	# j ended it
	t0=$(date +%s%N)
	tm_keys "$1"
	tm_wait "EXITED 0" 300
	ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}
quit_table q
ok $([ "$ms" -lt 1500 ]; echo $?) "reading, table: Reading… shown, j ignored, q inside cmark-gfm's last step quits with status 0 at once ($ms ms after q, under 1.5 s; the parse takes seconds)"
contains "$(tm_capture)" "EXITED 0" "reading, table: the shell's line follows (the terminal was given back)"
quit_table C-c
ok $([ "$ms" -lt 1500 ]; echo $?) "reading, table: ^C quits the same way ($ms ms)"
tm_kill

# ---------------------------------------------------------------------------
# 8. the issue's recipe: /tok00005 Enter H, then a, t and x act on the highlight
# just made, even inside an older, larger one (a mapped file, over 256 KiB)

H8="$D/tokens.txt"
awk 'BEGIN { for (i = 0; i < 3000; i++)
	printf "Paragraph %05d of the long article, with enough words to fill a few lines of the reading column and to end in a token tok%05d.\n\n", i, i }' >"$H8"
export GLOSS_DB="$TEST_TMP/recipe.db"
q8() { "$GLOSS" annotations "$H8" | cut -f 4- | tr '\t' ' '; }
tm_start 100 30 xterm-256color "$GLOSS '$H8'; echo EXITED \$?"
tm_wait "tok00000." 100
tm_keys / tok00005 Enter; tm_wait "tok00005  1/1" 100
tm_keys P; tm_wait "Highlighted" 50; ok $? "recipe: P highlights the paragraph of tok00005"
tm_keys / tok00005 Enter; tm_wait "tok00005  1/1" 100
tm_keys H; tm_wait "Highlighted" 50; ok $? "recipe: /tok00005 Enter H highlights the match inside it"
tm_keys a; tm_wait "Note on “tok00005”" 50; ok $? "recipe: a right after H opens the note of the new highlight"
tm_keys -l "the token"; tm_keys Escape; tm_wait "Note saved" 50
tm_keys t; tm_wait "Tags" 50; tm_keys -l "tok"; tm_keys Enter; tm_wait "Tags saved" 50
ok $? "recipe: t right after H edits its tags"
n8=$("$GLOSS" annotations --json "$H8" | python3 -c '
import json, sys
for a in json.load(sys.stdin):
    print(a["quote"][:20], "|", a.get("note") or "", "|", ",".join(a.get("tags") or []))')
is "$n8" "Paragraph 00005 of t |  | 
tok00005 | the token | tok" "recipe: the note and the tag are on the new highlight, not on the paragraph"
tm_keys x; tm_wait "Deleted" 50
is "$("$GLOSS" annotations --json "$H8" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')" 1 \
	"recipe: x right after H deletes the new highlight, not the paragraph"
tm_keys q; tm_wait "EXITED 0" 50
export GLOSS_DB="$TEST_TMP/data/gloss.db"

# ---------------------------------------------------------------------------
# 9. export: every byte valid UTF-8, controls and bidi overrides escaped

X="$TEST_TMP/export"
mkdir -p "$X"
RLO=$(printf '\342\200\256')	# U+202E RIGHT-TO-LEFT OVERRIDE
XF="$X/raw$(printf '\233')31m${RLO}gnp.txt"	# a raw 0x9B byte (CSI in Latin-1 terminals) and U+202E
printf 'Hostile names\n\nThe quoted sentence is here for the export.\n' >"$XF"
"$GLOSS" annotate "$XF" --quote "quoted sentence" --tag "evil${RLO}gat" --note "a note with ${RLO}override" >/dev/null
ok $? "export: a highlight in a file with a raw 0x9B byte and U+202E in its name, tagged with U+202E"
"$GLOSS" export "$XF" >"$X/out.md" 2>"$X/err"
is "$?/$(cat "$X/err")" "0/" "export: Markdown of it exits 0"
"$GLOSS" export --format json "$XF" >"$X/out.json" 2>"$X/err"
is "$?/$(cat "$X/err")" "0/" "export: JSON of it exits 0"
"$GLOSS" export --format json >"$X/all.json" 2>/dev/null
"$GLOSS" export >"$X/all.md" 2>/dev/null
# Every byte valid UTF-8, nothing invisible raw (controls but the line ends, bidi controls, separators).
check_bytes() {	# FILE
	python3 - "$1" <<'PY'
import sys, unicodedata
data = open(sys.argv[1], 'rb').read()
try:
    text = data.decode('utf-8')
except UnicodeDecodeError as e:
    print('invalid UTF-8 at byte %d' % e.start); sys.exit(0)
bad = [c for c in text if (c != '\n' and (ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f)) or
       c in '\u061c\u200e\u200f\u2028\u2029\ufeff' or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069]
print('raw ' + ' '.join('U+%04X' % ord(c) for c in bad) if bad else 'clean')
PY
}
for f in out.md out.json all.md all.json; do
	is "$(check_bytes "$X/$f")" "clean" "export: $f is valid UTF-8 with no control or bidi override raw"
done
contains "$(cat "$X/out.md")" "$(printf '\357\277\275')31m&#8238;gnp.txt" \
	"export: Markdown: the source line has U+FFFD for the byte and U+202E as a reference"
contains "$(cat "$X/out.md")" 'source: "'"$X/raw$(printf '\357\277\275')31m\\u202egnp.txt"'"' \
	"export: Markdown: the front matter's source escapes U+202E"
# Read back: cmark gives the name with U+FFFD and U+202E as they were meant; JSON the same.
python3 - "$X/out.json" "$XF" <<'PY' >"$X/json.txt"
import json, sys
a = json.load(open(sys.argv[1], encoding='utf-8'))
a = a[0] if isinstance(a, list) else a
src = a['target']['source']
tags = [b['value'] for b in a['body'] if b.get('purpose') == 'tagging']
note = [b['value'] for b in a['body'] if b.get('purpose') == 'commenting']
print('source has U+202E:', '%E2%80%AE' in src, '| tags:', ' '.join(t.encode('unicode_escape').decode() for t in tags),
      '| note:', ' '.join(n.encode('unicode_escape').decode() for n in note))
PY
is "$(cat "$X/json.txt")" 'source has U+202E: True | tags: evil\u202egat | note: a note with \u202eoverride' \
	"export: JSON read back by python3 json: the source IRI, the tag and the note as they were"
if command -v cmark >/dev/null 2>&1; then
	cmark "$X/out.md" >"$X/out.html"
	is "$(check_bytes "$X/out.html" | sed 's/^raw U+202E.*/has U+202E/')" "has U+202E" \
		"export: cmark reads the Markdown back with U+202E where the name had it"
	contains "$(cat "$X/out.html")" "Source: $X/raw$(printf '\357\277\275')31m${RLO}gnp.txt" \
		"export: cmark reads the source line back as the name (U+FFFD for the invalid byte)"
else
	ok 0 "# SKIP cmark not installed"; ok 0 "# SKIP cmark not installed"
fi

done_testing

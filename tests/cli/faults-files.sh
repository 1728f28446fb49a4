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
	is "$(cat "$TEST_TMP/err")" "gloss: $F: the file changed while it was read (it shrank; the output stops there)" \
		"shrink: dump (threads $threads) says the file changed"
	contains "$(cat "$TEST_TMP/head")" "Paragraph 00000 of the long article" "shrink: dump (threads $threads) wrote the text read before"
	lacks "$(cat "$TEST_TMP/rest")" "$(printf '\357\277\275')" "shrink: dump (threads $threads) writes none of the lost text (no U+FFFD for zeros)"
done

# A file rewritten (not shrunk) while dump reads it: the output may mix both, so it is an error too.
big "$F"
{ timeout 60 "$GLOSS" dump -w 80 "$F" 2>"$TEST_TMP/err"; echo $? >"$TEST_TMP/rc"; } |
	{ head -c 4096 >/dev/null; touch -d '2001-01-01 00:00' "$F"; cat >/dev/null; }
is "$(cat "$TEST_TMP/rc")/$(cat "$TEST_TMP/err")" \
	"1/gloss: $F: the file changed while it was read (the output may mix old and new text)" \
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

done_testing

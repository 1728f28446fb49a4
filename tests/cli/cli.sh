#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# cli.sh — the command line: options, exit codes, messages, safe output.
. "${top_srcdir:-.}/tests/lib/lib.sh"

out=$("$GLOSS" --version); ok $? "--version exits 0"
contains "$out" "gloss " "--version prints the name and version"
out=$("$GLOSS" --help); ok $? "--help exits 0"
contains "$out" "Usage: gloss" "--help prints usage"
contains "$out" "dump" "--help lists the dump command"

"$GLOSS" --no-such-option >/dev/null 2>"$TEST_TMP/err"; is $? 2 "unknown option exits 2"
"$GLOSS" dump >/dev/null 2>"$TEST_TMP/err"; is $? 2 "dump without FILE exits 2"
contains "$(cat "$TEST_TMP/err")" "gloss: dump: missing FILE" "dump without FILE says so"
"$GLOSS" dump -w 0 "$CORPUS/belarus-weekly-2023-09-22.txt" >/dev/null 2>&1; is $? 2 "dump -w 0 exits 2"
"$GLOSS" dump -w abc "$CORPUS/belarus-weekly-2023-09-22.txt" >/dev/null 2>&1; is $? 2 "dump -w abc exits 2"
"$GLOSS" dump a b >/dev/null 2>&1; is $? 2 "dump with two files exits 2"

"$GLOSS" dump "$TEST_TMP/missing.txt" >/dev/null 2>"$TEST_TMP/err"; is $? 1 "missing file exits 1"
is "$(cat "$TEST_TMP/err")" "gloss: dump: $TEST_TMP/missing.txt: No such file or directory" "missing file message"
"$GLOSS" dump "$CORPUS" >/dev/null 2>"$TEST_TMP/err"; is $? 1 "a directory given to dump exits 1"
contains "$(cat "$TEST_TMP/err")" "is a directory" "directory message"

head -c 2000 "$GLOSS" >"$TEST_TMP/binary"
"$GLOSS" dump "$TEST_TMP/binary" >/dev/null 2>"$TEST_TMP/err"; is $? 1 "a binary file is refused"
contains "$(cat "$TEST_TMP/err")" "binary file (use --force" "binary message names --force"
"$GLOSS" dump --force "$TEST_TMP/binary" >"$TEST_TMP/out" 2>/dev/null; is $? 0 "--force opens a binary file"
"$top_builddir/tests/lib/check_dump" 80 <"$TEST_TMP/out"; ok $? "a forced binary file is dumped safely"
"$GLOSS" --force dump "$TEST_TMP/binary" >/dev/null 2>&1; is $? 0 "--force also works before the command"

if [ -r /etc/shadow ] && [ "$(id -u)" != 0 ]; then
	"$GLOSS" dump /etc/shadow >/dev/null 2>&1; is $? 1 "unreadable file exits 1"
fi

# A file name with escape sequences never reaches the terminal raw.
bad=$(printf '%s/x\033]0;pwned\007y.txt' "$TEST_TMP")
"$GLOSS" dump "$bad" >/dev/null 2>"$TEST_TMP/err"; is $? 1 "missing file with a hostile name exits 1"
if grep -q "$(printf '\033')" "$TEST_TMP/err"; then ok 1 "no ESC in the message"; else ok 0 "no ESC in the message"; fi

# No FILE and standard input not a terminal: standard input is read (here empty).
"$GLOSS" </dev/null >"$TEST_TMP/out" 2>"$TEST_TMP/err"; is $? 0 "no FILE, standard input not a terminal: it is read"
is "$(cat "$TEST_TMP/out" "$TEST_TMP/err")" "" "an empty standard input prints nothing"

done_testing

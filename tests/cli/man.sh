#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# man.sh — the SYNOPSIS of the man page is the command table, its KEYS
# section the action table.
. "${top_srcdir:-.}/tests/lib/lib.sh"

sed -n '/^\.\\" BEGIN KEYS/,/^\.\\" END KEYS/p' "$top_srcdir/docs/gloss.1" | sed '1d;$d' >"$TEST_TMP/man"
"$GLOSS" --list-keys=man >"$TEST_TMP/table"
same_file "$TEST_TMP/man" "$TEST_TMP/table" "docs/gloss.1 KEYS section matches the action table (make update-man)"
sed -n '/^\.\\" BEGIN SYNOPSIS/,/^\.\\" END SYNOPSIS/p' "$top_srcdir/docs/gloss.1" | sed '1d;$d' >"$TEST_TMP/syn"
"$top_builddir/tests/lib/cmd_list" --man >"$TEST_TMP/syn.table"
same_file "$TEST_TMP/syn" "$TEST_TMP/syn.table" "docs/gloss.1 SYNOPSIS matches the command table (make update-man)"
grep -c '^\.B gloss ' "$TEST_TMP/syn" >"$TEST_TMP/n"
is "$(cat "$TEST_TMP/n")" "$(( $("$top_builddir/tests/lib/cmd_list" | wc -l) ))" "the SYNOPSIS has a line for every command"
"$GLOSS" --list-keys >"$TEST_TMP/plain"
contains "$(cat "$TEST_TMP/plain")" "search forward" "--list-keys prints the bindings"

# The page is clean for mandoc's linter (warnings and errors; style notes aside).
if command -v mandoc >/dev/null 2>&1; then
	lint=$(mandoc -Tlint -W warning "$top_srcdir/docs/gloss.1" 2>&1)
	is "$lint" "" "mandoc -Tlint -W warning docs/gloss.1 is clean"
else
	ok 1 "mandoc is installed (.ci/run installs it)"
fi

done_testing

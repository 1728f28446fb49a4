#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# man.sh — the KEYS section of the man page is the action table.
. "${top_srcdir:-.}/tests/lib/lib.sh"

sed -n '/^\.\\" BEGIN KEYS/,/^\.\\" END KEYS/p' "$top_srcdir/docs/gloss.1" | sed '1d;$d' >"$TEST_TMP/man"
"$GLOSS" --list-keys=man >"$TEST_TMP/table"
same_file "$TEST_TMP/man" "$TEST_TMP/table" "docs/gloss.1 KEYS section matches the action table (make update-man)"
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

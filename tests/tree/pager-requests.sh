#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# pager-requests.sh — the pager's request table: the rows its parts export
# ({ ACTION_X, handler } in src/pager*.c) name each action once, and every
# action whose scope in include/gloss/action.h names the pager has a row.
. "${top_srcdir:-.}/tests/lib/lib.sh"

s=$top_srcdir
sed -n 's/^[[:space:]]*{ ACTION_\([A-Z_]*\), [a-z_]* },$/\1/p' "$s"/src/pager*.c | sort >"$TEST_TMP/rows"
ok "$([ -s "$TEST_TMP/rows" ]; echo $?)" "the pager's parts export rows ($(wc -l <"$TEST_TMP/rows") of them)"
is "$(uniq -d "$TEST_TMP/rows" | tr '\n' ' ')" "" "no action is in two rows"
sed -n 's/^[[:space:]]*_(\([A-Z_]*\), [A-Z]*, "\([a-z ]*\)".*/\1 \2/p' "$s/include/gloss/action.h" |
    awk '{ for (i = 2; i <= NF; i++) if ($i == "pager") print $1 }' | sort >"$TEST_TMP/pager"
ok "$([ "$(wc -l <"$TEST_TMP/pager")" -gt 40 ]; echo $?)" "action.h: the actions of the pager's scope are read"
is "$(comm -23 "$TEST_TMP/pager" "$TEST_TMP/rows" | tr '\n' ' ')" "" "every action of the pager's scope has a row"
is "$(comm -13 "$TEST_TMP/pager" "$TEST_TMP/rows" | tr '\n' ' ')" "" "every row is an action of the pager's scope"
done_testing

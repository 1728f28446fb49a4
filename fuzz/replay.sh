#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# replay.sh — every fuzz harness runs clean over its corpus (the seeds and
# the reproducers of what fuzzing found, fuzz/corpus/NAME/): no crash, no
# sanitizer report, no property violated.  Works with either build (the
# harness linked with fuzz/driver.c, or with libFuzzer: -runs=0).
. "${top_srcdir:-.}/tests/lib/lib.sh"

for h in plain markdown notes json import fold typo; do
	dir="$top_srcdir/fuzz/corpus/$h"
	n=$(find "$dir" -type f | wc -l)
	out=$("$top_builddir/fuzz/$h" -runs=0 "$dir" 2>&1)
	rc=$?
	ok "$rc" "fuzz/$h runs clean over its $n inputs"
	[ "$rc" -eq 0 ] || printf '%s\n' "$out" | tail -n 20 | sed 's/^/# /'
	[ "$n" -ge 3 ]; ok $? "fuzz/$h has a seed corpus"
done

done_testing

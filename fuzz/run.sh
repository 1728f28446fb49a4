#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# run.sh SECONDS [BUILDDIR] — runs every fuzz harness for SECONDS seconds.
#
# BUILDDIR (default: fuzz-build in the source tree) is a build configured
# with CC=clang --enable-fuzzing; it is configured here when it is not.
# New inputs go to BUILDDIR/fuzz/work/NAME (the seeds of fuzz/corpus/NAME
# are only read), a crash to BUILDDIR/fuzz/crash-NAME-*, each run's output
# to BUILDDIR/fuzz/NAME.log.  Prints a line per harness (runs, coverage,
# corpus) and exits 1 if any harness crashed or broke a property.
set -u

secs=${1:-60}
src=$(cd "$(dirname "$0")/.." && pwd)
build=${2:-$src/fuzz-build}
harnesses="plain markdown notes json import fold typo"
jobs=$(nproc 2>/dev/null || echo 2)

mkdir -p "$build" || exit 1
build=$(cd "$build" && pwd)
if ! grep -q '^FUZZ_LDFLAGS = -fsanitize=fuzzer' "$build/Makefile" 2>/dev/null; then
	echo "fuzz: configuring $build (CC=clang --enable-fuzzing)"
	(cd "$build" && "$src/configure" CC=clang --enable-fuzzing) >"$build/configure.log" 2>&1 ||
		{ tail -n 30 "$build/configure.log"; exit 1; }
fi
progs=""
for h in $harnesses; do progs="$progs fuzz/$h"; done
# shellcheck disable=SC2086
make -C "$build" -j"$jobs" $progs >"$build/fuzz-make.log" 2>&1 ||
	{ tail -n 40 "$build/fuzz-make.log"; exit 1; }

status=0
for h in $harnesses; do
	work="$build/fuzz/work/$h"
	log="$build/fuzz/$h.log"
	mkdir -p "$work"
	"$build/fuzz/$h" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$build/fuzz/crash-$h-" "$work" "$src/fuzz/corpus/$h" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1 | sed 's/^#[0-9]*[[:space:]]*DONE[[:space:]]*//')
	if [ "$rc" -eq 0 ]; then
		echo "fuzz $h: ok, ${runs:-?} runs in ${secs}s; $done_line"
	else
		echo "fuzz $h: FAILED (exit $rc) after ${runs:-?} runs; see $log"
		grep -E 'ERROR: |SUMMARY: |property violated|runtime error|Test unit written to|Timeout|out-of-memory' "$log" | head -n 12
		status=1
	fi
done
exit $status

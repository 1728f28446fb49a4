#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# license.sh — licence and provenance: LICENSE, an SPDX header in every
# source file, --version and --help, the sources of the corpus, and every
# document the code and the manual refer to shipped in the tarball.
. "${top_srcdir:-.}/tests/lib/lib.sh"

s=$top_srcdir
is "$(head -n 1 "$s/LICENSE")" "ISC License" "LICENSE is the ISC licence"
contains "$(cat "$s/LICENSE")" "Copyright (c) 2026 the gloss authors" "LICENSE names the copyright holders"

# Every source file: SPDX-License-Identifier within its first three lines.
missing=
for f in $(cd "$s" && find src include tests bench -type f \( -name '*.c' -o -name '*.h' -o -name '*.sh' -o -name '*.py' \) | sort) \
    $(cd "$s" && find tests bench -name Makefile.inc | sort) configure.ac Makefile.am .ci/run; do
	[ -f "$s/$f" ] || continue
	head -n 3 "$s/$f" | grep -q 'SPDX-License-Identifier: ISC' || missing="$missing $f"
done
is "$missing" "" "every source file carries SPDX-License-Identifier: ISC"

"$GLOSS" --version >"$TEST_TMP/version"
ver=$(head -n 1 "$TEST_TMP/version")
case "$ver" in "gloss "[0-9]*.[0-9]*) ok 0 "--version: first line 'gloss VERSION'" ;; *) ok 1 "--version: first line '$ver'" ;; esac
cat >"$TEST_TMP/want" <<'X'
Copyright (C) 2026 the gloss authors.
License ISC: <https://spdx.org/licenses/ISC.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.
X
tail -n +2 "$TEST_TMP/version" >"$TEST_TMP/got"
same_file "$TEST_TMP/got" "$TEST_TMP/want" "--version: copyright and licence lines (GNU form)"
last=$("$GLOSS" --help | tail -n 1)
case "$last" in "Report bugs to: "?*) ok 0 "--help ends with a bug-report line" ;; *) ok 1 "--help ends with '$last'" ;; esac

# corpus/README names every article of the corpus, with its source and URL line.
for f in "$s"/corpus/*.txt "$s"/corpus/*.md; do
	b=${f##*/}
	block=$(sed -n "/^$b\$/,/^\$/p" "$s/corpus/README")
	contains "$block" "Source:" "corpus/README: $b has a source"
	contains "$block" "URL:" "corpus/README: $b has a URL line"
done

# Every docs/*.md that the code, the manual or the README names is in the
# source tree and in dist_doc_DATA (under distcheck, srcdir is the tarball).
refs=$(cd "$s" && grep -oh 'docs/[a-z0-9_-]*\.md' src/*.c src/*.h include/gloss/*.h README.md docs/gloss.1 docs/*.md | sort -u)
for d in $refs; do
	[ -f "$s/$d" ]; ok $? "$d (referenced) is in the source tree"
	grep -q "$d" "$s/Makefile.am"; ok $? "$d is distributed and installed (Makefile.am)"
done

done_testing

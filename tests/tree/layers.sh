#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# layers.sh — the module layers of docs/design.md hold in the source
# (tests/lib/layers.py), and the checker finds what breaks them.
. "${top_srcdir:-.}/tests/lib/lib.sh"

command -v python3 >/dev/null || skip_all "python3 not found"
LAYERS="python3 $top_srcdir/tests/lib/layers.py"

# The tree itself: every check passes (each failure names file:line).
out=$($LAYERS "$top_srcdir" 2>&1)
rc=$?
is "$rc" 0 "the include lines of src/ and include/gloss/ follow the Layers table of docs/design.md"
[ "$rc" -eq 0 ] || printf '%s\n' "$out" | sed 's/^/# /'

# A small tree that breaks each rule once.
t="$TEST_TMP/tree"
mkdir -p "$t/src" "$t/include/gloss" "$t/docs"
cat >"$t/docs/design.md" <<'MD'
# design

## Layers

| # | layer | modules |
|---|---|---|
| 0 | base | `low`, `peer1`, `peer2`, `gone` |
| 1 | top | `high` |

## Other
MD
for m in low peer1 peer2 high; do printf '#include "gloss/%s.h"\n' $m >"$t/include/gloss/$m.h"; done
printf '#include "gloss/low.h"\n#include "gloss/high.h"\n' >"$t/src/low.c"
printf '#include "gloss/peer2.h"\n' >"$t/src/peer1.c"
printf '#include "gloss/peer1.h"\n#include "high_int.h"\n' >"$t/src/peer2_x.c"
printf '#include "high_int.h"\n#include "gloss/low.h"\n' >"$t/src/high.c"
printf '/* private */\n' >"$t/src/high_int.h"
printf '#include "gloss/low.h"\n' >"$t/src/extra.c"
out=$($LAYERS "$t" 2>&1)
is "$?" 1 "a tree that breaks the layers fails"
contains "$out" "src/low.c:2: low (base) includes high (top, above it): #include \"gloss/high.h\"" \
	"an include of a higher layer is named with its file and line"
contains "$out" "cycle {peer1, peer2}:" "modules including each other are a cycle, within a layer too"
contains "$out" "src/peer1.c:1: peer1 -> peer2" "the cycle is shown as its includes (first edge)"
contains "$out" "src/peer2_x.c:1: peer2 -> peer1" "the cycle is shown as its includes (back edge; NAME_*.c is NAME's)"
contains "$out" "src/peer2_x.c:2: peer2 includes #include \"high_int.h\", private to high" \
	"another module's private header is named"
contains "$out" "extra has no layer" "a module missing from the table is named"
contains "$out" "gone is in the table but has no header or source" "a stale row of the table is named"
lacks "$out" "src/high.c:1" "a module's own private header is allowed"

done_testing

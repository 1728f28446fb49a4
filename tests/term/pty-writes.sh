#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# pty-writes.sh — a redraw reaches the terminal as one write, not one per
# line (Debian 12's ncurses flushes after every cursor movement until the
# screen has come back from endwin once; display.c's batch_output): each
# write is a wake-up of the terminal and, over SSH, a packet.  The system
# calls are counted with strace in a pseudo-terminal (tests/lib/ptyrun.py).
. "${top_srcdir:-.}/tests/lib/lib.sh"
command -v python3 >/dev/null 2>&1 || skip_all "python3 not found"
command -v strace >/dev/null 2>&1 || skip_all "strace not found"
strace -o /dev/null true 2>/dev/null || skip_all "strace cannot trace here"
run="python3 $top_srcdir/tests/lib/ptyrun.py"

doc="$TEST_TMP/long.txt"
python3 -c 'import sys
print("OPENING-WORDS of the document")
print()
for i in range(1, 301):
    print("Paragraph %d: Лукашенко говорил о посёлке, and the reader kept reading, line after line." % i)
    print()
print("THE-LAST-LINE")' >"$doc"

# writes FROM TO: the write(1, ...) calls between reading key FROM and key TO
writes() {
	python3 -c 'import sys, re
lines = open(sys.argv[1]).read().splitlines()
on, n = False, 0
for l in lines:
    if re.search(r"read\(0, \"%s\"" % sys.argv[2], l): on = True; continue
    if re.search(r"read\(0, \"%s\"" % sys.argv[3], l): break
    if on and re.search(r"\bwrite\(1, ", l): n += 1
print(n)' "$TEST_TMP/trace" "$1" "$2"
}

TERM=xterm-256color $run "$TEST_TMP/out" 100x30 --expect "Paragraph 13" --pause 200 \
	--keys G --expect THE-LAST-LINE --pause 200 --keys g --expect "OPENING-WORDS" --pause 200 \
	--keys q --pause 300 -- strace -f -e trace=read,write -o "$TEST_TMP/trace" "$GLOSS" "$doc"
ok $? "gloss shows the document, its end and its start again under strace"
is "$(writes G g)" 1 "G (every row changes) is one write to the terminal"
is "$(writes g q)" 1 "g back to the top is one write"
# the first paint: the writes of more than 200 bytes between the last entry
# to the alternate screen and the first key (the others set modes)
is "$(python3 -c 'import sys, re
lines = open(sys.argv[1]).read().splitlines()
last = max(i for i, l in enumerate(lines) if "1049h" in l)
n = 0
for l in lines[last + 1:]:
    if "read(0, " in l: break
    m = re.search(r"\bwrite\(1, .*= (\d+)$", l)
    n += 1 if m and int(m.group(1)) > 200 else 0
print(n)' "$TEST_TMP/trace")" 1 "the first screen is one write"
is "$(python3 -c 'import sys
d = open(sys.argv[1], "rb").read()
print(int(d.rfind(b"1000h") > d.rfind(b"\x1b[?1049h")))' "$TEST_TMP/out")" 1 \
	"the mouse is switched on after curses mode is entered for good"
done_testing

#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# pty-osc.sh — the exact bytes gloss writes for OSC 8 hyperlinks and OSC 52
# clipboard copies, in a pseudo-terminal (tests/lib/ptyrun.py keeps every byte):
# present when enabled, absent when disabled, wrapped for tmux.
. "${top_srcdir:-.}/tests/lib/lib.sh"
command -v python3 >/dev/null 2>&1 || skip_all "python3 not found"
run="python3 $top_srcdir/tests/lib/ptyrun.py"
unset TMUX STY TERM_PROGRAM VTE_VERSION KITTY_WINDOW_ID WT_SESSION GLOSS_HYPERLINKS || true

doc="$TEST_TMP/links.md"
printf 'See [the site](https://example.org/a?b=1&c=2) and [Київ](https://uk.wikipedia.org/wiki/Київ).\n' >"$doc"

# count FILE BYTES: how many times BYTES (Python escapes) occur in FILE
count() {
	python3 -c 'import sys, codecs
d = open(sys.argv[1], "rb").read()
print(d.count(codecs.decode(sys.argv[2], "unicode_escape").encode("latin-1")))' "$1" "$2"
}

# between FILE OPEN CLOSE: the text between the first OPEN and the next CLOSE, escape sequences removed
between() {
	python3 -c 'import sys, re, codecs
d = open(sys.argv[1], "rb").read()
o = codecs.decode(sys.argv[2], "unicode_escape").encode("latin-1")
c = codecs.decode(sys.argv[3], "unicode_escape").encode("latin-1")
i = d.index(o) + len(o); j = d.index(c, i)
print(re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b\([A-Z0-9]", b"", d[i:j]).decode())' "$1" "$2" "$3"
}

TERM=xterm-256color $run "$TEST_TMP/always" 80x24 --expect "Київ" --pause 300 -- "$GLOSS" --hyperlinks=always "$doc"
ok $? "the document opens with --hyperlinks=always"
links1=$(count "$TEST_TMP/always" '\x1b]8;id=gloss5;https://example.org/a?b=1&c=2\x1b\\')
ok $([ "$links1" -ge 1 ] && echo 0 || echo 1) "OSC 8 opens the first link, with its id (once a paint)"
is "$(between "$TEST_TMP/always" '\x1b]8;id=gloss5;https://example.org/a?b=1&c=2\x1b\\' '\x1b]8;;\x1b\\')" \
	"the site" "the link's own text is inside it"
is "$(count "$TEST_TMP/always" '\x1b]8;id=gloss18;https://uk.wikipedia.org/wiki/%D0%9A%D0%B8%D1%97%D0%B2\x1b\\')" \
	"$links1" "a Cyrillic URL is percent-encoded (as often)"
is "$(count "$TEST_TMP/always" '\x1b]8;;\x1b\\')" "$((2 * links1))" "each link is closed"

TERM=xterm-256color $run "$TEST_TMP/never" 80x24 --expect "Київ" --pause 300 -- "$GLOSS" --hyperlinks=never "$doc"
is "$(count "$TEST_TMP/never" '\x1b]8;')" 0 "--hyperlinks=never: no OSC 8"
TERM=xterm-256color $run "$TEST_TMP/auto" 80x24 --expect "Київ" --pause 300 -- "$GLOSS" "$doc"
is "$(count "$TEST_TMP/auto" '\x1b]8;')" 0 "auto on an unknown terminal: no OSC 8"
TERM_PROGRAM=WezTerm TERM=xterm-256color $run "$TEST_TMP/wez" 80x24 --expect "Київ" --pause 300 -- "$GLOSS" "$doc"
is "$(count "$TEST_TMP/wez" '\x1b]8;;\x1b\\')" "$(count "$TEST_TMP/wez" '\x1b]8;id=')" "auto in WezTerm: OSC 8, each link closed"
ok $([ "$(count "$TEST_TMP/wez" '\x1b]8;id=')" -ge 2 ] && echo 0 || echo 1) "auto in WezTerm: both links"
is "$(count "$TEST_TMP/auto" '\x1b]52;')" 0 "nothing reaches the clipboard without a key"

# y with a selection (w shows the caret on the second word, v e selects it): the
# passage with its source, base64 in OSC 52.
want=$(python3 -c 'import base64, sys
s = "“the” — links.md (" + sys.argv[1] + ")"
print(base64.b64encode(s.encode()).decode())' "$doc")
TERM=xterm-256color $run "$TEST_TMP/copy" 80x24 --expect "Київ" --keys 'w' --pause 200 --keys 've' \
	--pause 200 --keys 'y' --expect "Copied" -- "$GLOSS" "$doc"
ok $? "y says what it copied"
is "$(count "$TEST_TMP/copy" "\\x1b]52;c;$want\\x1b\\\\")" 1 "OSC 52 carries the passage and its source"

TMUX=/tmp/tmux-test,1,0 TERM=screen $run "$TEST_TMP/tmux" 80x24 --expect "Київ" --keys 'w' --pause 200 \
	--keys 've' --pause 200 --keys 'y' --expect "Copied" -- "$GLOSS" "$doc"
is "$(count "$TEST_TMP/tmux" "\\x1bPtmux;\\x1b\\x1b]52;c;$want\\x07\\x1b\\\\")" 1 \
	"inside tmux when tmux cannot be reached: the sequence is wrapped for passthrough"
is "$(count "$TEST_TMP/tmux" '\x1b]8;')" 0 "inside tmux, auto: no OSC 8"

done_testing

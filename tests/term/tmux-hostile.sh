#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# tmux-hostile.sh — a document full of escape sequences, C1 controls, bidi
# controls and invalid UTF-8 is shown with visible substitutes; the pane
# title and the screen are left intact, in the pager and in dump.
. "${top_srcdir:-.}/tests/lib/lib.sh"
need_tmux

doc="$TEST_TMP/hostile.txt"
printf 'Hostile title\n\nSets the title: \033]0;PWNED\007 then clears: \033[2J\033[H and C1 CSI: \302\23331m red, \342\200\256RLO reversed\342\200\254 and invalid \377\376 bytes, a bell \007 and a backspace \010 here.\n\nA second paragraph that must still be on the screen.\n' >"$doc"

tm_start 100 20 xterm-256color "$GLOSS '$doc'; echo EXITED \$?"
tm select-pane -t t -T safe-title
tm_wait "second paragraph"; ok $? "the hostile document opens"
screen=$(tm_capture)
contains "$screen" "Hostile title" "the title row was not cleared by ESC [2J"
contains "$screen" "A second paragraph that must still be on the screen." "the rest of the text is intact"
contains "$screen" "␛]0;PWNED␇" "OSC is shown as visible symbols"
contains "$screen" "␛[2J␛[H" "CSI is shown as visible symbols"
contains "$screen" "␛[31m" "C1 CSI (U+009B) is shown as visible symbols"
contains "$screen" "¦RLO reversed¦" "bidi controls are shown, not obeyed"
contains "$screen" "��" "invalid UTF-8 is U+FFFD"
contains "$screen" "a bell ␇ and a backspace ␈ here" "BEL and BS are visible"
is "$(tm display-message -p -t t '#{pane_title}')" "safe-title" "the pane title is unchanged"
tm_keys q; tm_wait "EXITED 0"; ok $? "quits normally"

"$GLOSS" dump -w 60 "$doc" >"$TEST_TMP/out"
if LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$TEST_TMP/out"; then
	ok 1 "dump output has no control bytes"
else
	ok 0 "dump output has no control bytes"
fi
"$top_builddir/tests/lib/check_dump" 60 <"$TEST_TMP/out"; ok $? "dump output keeps the contract"
contains "$(cat "$TEST_TMP/out")" "␛]0;PWNED␇" "dump shows the same substitutes"

done_testing

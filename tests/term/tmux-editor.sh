#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# tmux-editor.sh — the note editor and the list view in a real terminal,
# driven through tests/lib/ui_demo: typing Cyrillic, moving, deleting, saving,
# cancelling, the external editor round trip, pasted escape sequences,
# drafts on idle and on hangup; list navigation, filtering, Enter, resize.
. "${top_srcdir:-.}/tests/lib/lib.sh"
need_tmux

UI="$(cd "${top_builddir:-.}" && pwd)/tests/lib/ui_demo"
[ -x "$UI" ] || skip_all "tests/lib/ui_demo not built"
ed_n=0
ESC=$(printf '\033')
BEL=$(printf '\007')

# Starts the editor (extra ui_demo options follow); waits for its box.
ed_start() {	# COLS ROWS [ENV=VALUE...] -- [OPTION...]
	c=$1 r=$2
	shift 2
	envs=""
	while [ "$1" != "--" ]; do envs="$envs $1"; shift; done
	shift
	# Files of their own: a killed session may still be writing its files.
	ed_n=$((ed_n + 1))
	OUT="$TEST_TMP/out$ed_n" DRAFT="$TEST_TMP/draft$ed_n"
	tm_start "$c" "$r" xterm-256color "env $envs '$UI' editor --out '$OUT' --draft '$DRAFT' --pid '$TEST_TMP/pid$ed_n' $*"
	tm_wait "Esc save" 300	# keys sent before the first paint would meet a cooked terminal (^C a signal)
}

# Waits until FILE exists (default 5 s).
wait_file() {	# FILE [TENTHS]
	i=0
	while [ $i -lt "${2:-50}" ]; do
		[ -e "$1" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

result() {
	wait_file "$OUT.result" 200 && cat "$OUT.result"
}

# The text on screen row N inside the box (borders and margin removed).
inner() {	# N
	tm_row "$1" | sed 's/^│ //; s/ *│$//'
}

# The selection's position in the list (the last word of the status line).
pos() {
	tm_row "$1" | awk '{ print $NF }'
}

# ------------------------------------------------------------ typing
ed_start 60 12 -- --title "'Заметка к «ёлке»'"
ok $? "the editor opens"
contains "$(tm_row 1)" "┌─ Заметка к «ёлке» ──" "the title in the top border"
contains "$(tm_row 12)" "└─ Esc save · ^C cancel · ^O external editor ──" "the key hint in the bottom border"
tm send-keys -t t -l "Привет, мир"
tm_wait "Привет, мир"; ok $? "Cyrillic typed through send-keys arrives as characters"
is "$(tm_row 2)" "│ Привет, мир                                              │" "the text in the box after a margin"
tm_keys Left Left Left BSpace BSpace; tm_settle
is "$(inner 2)" "Приветмир" "left three and backspace twice deletes ', '"
tm send-keys -t t -l " дорогой "; tm_settle
is "$(inner 2)" "Привет дорогой мир" "typing in the middle of the line"
tm_keys C-e Enter; tm send-keys -t t -l "вторая строка"; tm_settle
is "$(inner 3)" "вторая строка" "Enter starts a new line"
tm_keys Up C-e; tm send-keys -t t -l "!"; tm_keys Down C-a Delete; tm_settle
# tmux sends End as ESC [ 4 ~, which xterm's terminfo does not know: an
# unknown key sequence is ignored, not inserted and not taken for Esc.
tm_keys End; tm_settle
is "$(inner 2)/$(inner 3)" "Привет дорогой мир!/торая строка" "an unknown function key changes nothing"
tm_keys M-x; tm_settle
is "$(inner 2)/$(inner 3)" "Привет дорогой мир!/торая строка" "nor does Alt+x"
is "$(inner 2)/$(inner 3)" "Привет дорогой мир!/торая строка" "up, ^E, down, ^A, Delete"
tm_keys Escape
is "$(result)" "saved" "Esc saves"
is "$(cat "$OUT")" "Привет дорогой мир!
торая строка" "the driver got exactly the edited text"
is "$(tail -n 1 "$DRAFT.log")" "drop" "saving drops the draft (whether or not an idle second drafted it first)"

# ------------------------------------------------------------ stress marks, words, tab, wrap
ed_start 30 10 -- --initial "'до́ма и на работе'"
tm_keys C-a; tm_keys C-Right; tm_keys BSpace; tm_settle
is "$(inner 2)" "до́м и на работе" "^A, Ctrl-Right to the word's end, backspace: the last letter only"
tm_keys Left BSpace; tm_settle
is "$(inner 2)" "дм и на работе" "backspace over о with a stress mark removes both"
tm_keys C-e Tab; tm send-keys -t t -l "x"; tm_settle
is "$(inner 2)" "дм и на работе  x" "Tab inserts spaces to the next multiple of four columns"
tm_keys C-w C-w; tm_settle
is "$(inner 2)" "дм и на" "^W deletes back a word each time"
tm send-keys -t t -l "длинный текст, который не помещается в одну строку"; tm_settle
is "$(inner 2)" "дм и на длинный текст," "soft wrap after the last space that fits"
is "$(inner 3)" "который не помещается в" "second wrapped line"
is "$(inner 4)" "одну строку" "third wrapped line"
tm_keys Up Up C-k; tm_settle
is "$(inner 2)" "дм и на дли" "up twice keeps the column; ^K kills to the end of the text line"
tm_keys C-x
is "$(result)" "saved" "^X saves"
is "$(cat "$OUT")" "дм и на дли" "the saved text"

# ------------------------------------------------------------ cancel
ed_start 60 12 -- --initial "'исходный текст'"
tm_keys C-c
is "$(result)" "cancelled" "^C on unchanged text cancels at once"
is "$(cat "$OUT")" "" "a cancelled editor gives no text"

ed_start 60 12 -- --initial "'исходный текст'"
tm send-keys -t t -l " и ещё"; tm_settle
tm_keys C-c; tm_wait "^C again discards"; ok $? "^C on changed text asks for confirmation"
[ -e "$OUT.result" ]; ok $(( ! $? )) "the first ^C does not cancel"
tm_keys Left; tm_settle
lacks "$(tm_capture)" "^C again" "another key drops the question"
tm_keys C-c; tm_wait "^C again discards"
tm_keys C-c
is "$(result)" "cancelled" "a second ^C in a row cancels"
is "$(tail -n 1 "$DRAFT.log")" "drop" "cancelling drops the draft"

# ------------------------------------------------------------ external editor
mkdir -p "$TEST_TMP/tmp"
cat >"$TEST_TMP/visual.sh" <<'EOF'
#!/bin/sh
# A stand-in for $VISUAL: records the file's mode and appends a line.
stat -c %a "$1" >"$(dirname "$0")/mode"
printf '%s\n' "строка из внешнего редактора" >>"$1"
EOF
chmod +x "$TEST_TMP/visual.sh"
ed_start 60 12 "VISUAL='$TEST_TMP/visual.sh'" "TMPDIR='$TEST_TMP/tmp'" -- --initial "'первая строка'"
tm_keys C-o; tm_wait "строка из внешнего"; ok $? "^O runs \$VISUAL and reads the file back"
tm_settle
contains "$(tm_row 1)" "┌─ Note ──" "the screen is restored after the external editor"
is "$(inner 2)/$(inner 3)/$(inner 4)" "первая строка/строка из внешнего редактора/" "the appended line (its trailing newline dropped)"
is "$(cat "$TEST_TMP/mode")" "600" "the temporary file has mode 0600"
is "$(ls -A "$TEST_TMP/tmp")" "" "the temporary file in \$TMPDIR is removed"
tm_keys Escape
is "$(result)" "saved" "saved after the round trip"
is "$(cat "$OUT")" "первая строка
строка из внешнего редактора" "the round trip keeps the text and adds the line"

printf '#!/bin/sh\nexit 3\n' >"$TEST_TMP/fail.sh"
chmod +x "$TEST_TMP/fail.sh"
ed_start 60 12 "VISUAL='$TEST_TMP/fail.sh'" "TMPDIR='$TEST_TMP/tmp'" -- --initial "'текст'"
tm_keys C-o; tm_wait "exit status 3"; ok $? "a failing editor is reported"
tm_keys Escape
is "$(result)" "saved" "saved after the failure"
is "$(cat "$OUT")" "текст" "and the text is kept"
is "$(ls -A "$TEST_TMP/tmp")" "" "its temporary file is removed too"

# ------------------------------------------------------------ pasted escape sequences
ed_start 60 12 -- --initial "'ab'"
tm select-pane -t t -T safe-title
tm send-keys -t t -l "${ESC}]0;PWNED${BEL}${ESC}[2J${ESC}[5;5Hcd"; tm_settle
is "$(tm display-message -p -t t '#{pane_title}')" "safe-title" "a pasted OSC does not change the pane title"
is "$(inner 2)" "ab␛]0;PWNED␇␛[2J␛[5;5Hcd" "pasted controls are shown as visible symbols"
contains "$(tm_row 1)" "┌─ Note ──" "a pasted clear-screen does not clear the box"
is "$(tm display-message -p -t t '#{cursor_x},#{cursor_y}')" "26,1" "the cursor stays after the pasted text"
[ -e "$OUT.result" ]; ok $(( ! $? )) "the pasted Esc did not finish the editor"
tm_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace; tm_settle; tm_keys Escape
is "$(result)" "saved" "the Esc key alone still saves"
is "$(cat "$OUT")" "ab${ESC}]0;PWNED${BEL}${ESC}[2J" "pasted controls stay in the text as characters"

# ------------------------------------------------------------ drafts and hangup
ed_start 60 12 -- --initial "'черновик'"
tm send-keys -t t -l " номер один"; tm_settle
wait_file "$DRAFT" 30; ok $? "a change is drafted after a second of idle time"
is "$(cat "$DRAFT")" "черновик номер один" "the draft holds the whole text"
tm send-keys -t t -l " и два"
sleep 0.3
kill -HUP "$(cat "$TEST_TMP/pid$ed_n")"
is "$(result)" "hangup" "SIGHUP ends the editor with EDITOR_HANGUP"
is "$(cat "$DRAFT")" "черновик номер один и два" "the hangup stores the latest text as the draft"
is "$(cat "$OUT")" "черновик номер один и два" "and returns it"
is "$(tr '\n' ' ' <"$DRAFT.log")" "draft draft " "drafted on idle and on hangup, never dropped"

ed_start 60 12 -- --no-hup-handler
tm send-keys -t t -l "терминал пропал"; tm_settle
tm kill-pane -t t
is "$(result)" "hangup" "a terminal that goes away is a hangup too"
is "$(cat "$DRAFT")" "терминал пропал" "its text is kept as the draft"

# ------------------------------------------------------------ resize
ed_start 60 12 -- --initial "'одно два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать'"
tm_resize 20 6; tm_settle
is "$(tm_row 1)" "┌─ Note ───────────┐" "the box follows a resize"
is "$(inner 5)" "двенадцать" "the cursor's line stays visible (the last)"
is "$(tm display-message -p -t t '#{cursor_x},#{cursor_y}')" "12,4" "the cursor after the last word"
msg=$(tm_capture | "$top_builddir/tests/lib/check_dump" -s 20); ok $? "every row fits 20 columns $msg"
tm_keys Escape
is "$(result)" "saved" "saved after the resize"

# ------------------------------------------------------------ a box at the bottom
ed_start 40 12 -- --rows 5 --initial "'внизу'"
is "$(tm_row 7)" "" "with --rows 5 the rows above the box are left alone"
contains "$(tm_row 8)" "┌─ Note ──" "the box takes the last five rows"
is "$(inner 9)" "внизу" "its text"
contains "$(tm_row 12)" "└─ Esc save" "and its hint"
tm_keys Escape
is "$(result)" "saved" "saved from the small box"

# ------------------------------------------------------------ list view
OUT="$TEST_TMP/list"
tm_start 50 12 xterm-256color "'$UI' list --out '$OUT'; echo EXITED"
tm_wait "Demo list"; ok $? "the list opens"
is "$(tm_row 1)" " 1000 Ёлка в лесу" "the first row"
is "$(pos 12)" "1/60" "the first row is selected"
tm_keys j j Enter; tm_settle
is "$(cat "$OUT")" "enter 1002" "j j Enter reports the third row's key"
tm_keys 1 0 j; tm_settle
is "$(pos 12)" "13/60" "a count moves that many rows"
is "$(tm_row 11)" " 1012 Filler row number 12" "the selection stays on the screen (last row)"
tm_keys G; tm_settle
is "$(pos 12)" "60/60" "G selects the last row"
is "$(tm_row 11)" " 1059 Filler row number 59" "and shows it on the last row"
tm_keys k Space; tm_settle
is "$(pos 12)" "60/60" "Space at the end stays on the last row"
tm_keys g; tm_settle
is "$(pos 12)" "1/60" "g selects the first row"
tm_keys 2 0 g; tm_settle
is "$(pos 12)" "20/60" "20g selects row 20"
tm_keys b; tm_settle
is "$(pos 12)" "9/60" "b goes up a screen (11 rows)"
tm_keys d; tm_settle
is "$(pos 12)" "14/60" "d goes down half a screen"

: >"$OUT"
tm_keys g j; tm_settle
tm_keys /; tm_wait "Filter:"
tm send-keys -t t -l "ЕЛК"; tm_keys Enter; tm_settle
is "$(tm_row 1)" " 1000 Ёлка в лесу" "filter ЕЛК: Ёлка (ё = е, case ignored)"
is "$(tm_row 2)" " 1001 Новогодняя елка" "filter: елка"
is "$(tm_row 3)" " 1005 Second note about ЁЛКИ" "filter: ЁЛКИ"
is "$(tm_row 4)" "" "only three rows match"
is "$(pos 12)" "2/3" "the selection (1001) survives the filter"
contains "$(tm_row 12)" "/ЕЛК  2/3" "the status line shows the filter"
tm_keys Enter; tm_settle
is "$(cat "$OUT")" "enter 1001" "Enter in a filtered list reports the key"
tm_keys Escape; tm_settle
is "$(pos 12)" "2/60" "Esc clears the filter and keeps the selection"
tm_keys /; tm_wait "Filter:"
tm send-keys -t t -l "стоит"; tm_keys Enter; tm_settle
is "$(tm_row 1)" " 1006 Сто́ит запомнить" "filter ignores stress marks"
is "$(pos 12)" "1/1" "one row"
tm_keys /; tm_wait "Filter:"
tm_keys C-u Enter; tm_settle
is "$(pos 12)" "7/60" "an empty filter clears it"
tm_keys /; tm_wait "Filter:"
tm send-keys -t t -l "ўсё"; tm_keys Enter; tm_settle
is "$(tm_row 1)" " 1003 Беларуская мова: ўсё" "Belarusian ў is matched as itself"
tm_keys /; tm_wait "Filter:"
tm_keys C-u; tm send-keys -t t -l "нет такого"; tm_keys Enter; tm_settle
contains "$(tm_row 1)" "Nothing matches: нет такого" "a filter with no match says so"
is "$(pos 12)" "0/0" "no selection then"
tm_keys Escape; tm_settle
is "$(pos 12)" "4/60" "Esc brings back the rows and the selection from before"

tm_keys 4 0 G; tm_settle
is "$(pos 12)" "40/60" "40G selects row 40"
tm_resize 50 6; tm_settle
contains "$(tm_capture)" "1039 Filler row number 39" "after a resize the selected row is still on the screen"
is "$(pos 6)" "40/60" "and still selected"
tm_resize 50 12; tm_settle
contains "$(tm_capture)" "1039 Filler row number 39" "resizing back keeps it"
tm_keys x; tm_settle
is "$(pos 12)" "40/59" "deleting the selected row keeps the place"
: >"$OUT"
tm_keys Enter; tm_settle
is "$(cat "$OUT")" "enter 1040" "the next row is selected after a refresh"
tm_keys q; tm_wait "EXITED"; ok $? "q closes the list"

done_testing

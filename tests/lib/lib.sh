# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# lib.sh — helpers for gloss's shell tests (sourced; POSIX sh + tmux).
#
# Every test runs in a clean environment: a temporary HOME and XDG data
# directory (so no real database is touched), the C.UTF-8 locale, UTC.
# TAP output: ok/not ok lines, then done_testing prints the plan.
#
# Environment from the harness: GLOSS (the binary), top_srcdir, TMUX_BIN.

set -u

: "${top_srcdir:=.}"
: "${GLOSS:=./gloss}"
: "${TMUX_BIN:=tmux}"
CORPUS="$top_srcdir/corpus"
GOLDEN="$top_srcdir/tests/data/golden"
tap_n=0
tap_failed=0

TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/gloss-test.XXXXXX")
export HOME="$TEST_TMP/home"
export XDG_DATA_HOME="$TEST_TMP/data"
export GLOSS_DB="$TEST_TMP/data/gloss.db"
export XDG_CACHE_HOME="$TEST_TMP/cache"
export XDG_STATE_HOME="$TEST_TMP/state"	# note drafts
export XDG_CONFIG_HOME="$TEST_TMP/config"	# no config file unless a test writes one
unset NO_COLOR || true
unset GLOSS_CACHE_DB GLOSS_CONFIG || true
mkdir -p "$HOME" "$XDG_DATA_HOME"
export LC_ALL=C.UTF-8
export TZ=UTC
unset LANG LANGUAGE GLOSS_CORPUS || true
# On exit: the tmux server, and any program that recorded its pid in a pid*
# file and outlived its terminal (a sanitizer's exit-time leak check has
# been seen to hang there), then the files.
TEST_CLEANUP=''	# a test's own clean-up (e.g. unmounting), run first
trap 'eval "$TEST_CLEANUP"; tm_kill 2>/dev/null; for f in "$TEST_TMP"/pid*; do [ -f "$f" ] && kill -9 "$(cat "$f")" 2>/dev/null; done; rm -rf "$TEST_TMP"' EXIT

ok() {	# STATUS DESCRIPTION
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

is() {	# GOT WANT DESCRIPTION
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '%s\n' "#   got:  $1" "#   want: $2" | head -n 20
	fi
}

# Compares two files; shows a diff on failure.
same_file() {	# GOT WANT DESCRIPTION
	if cmp -s "$1" "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diff -u "$2" "$1" | head -n 40 | sed 's/^/# /'
	fi
}

contains() {	# TEXT NEEDLE DESCRIPTION
	case "$1" in
	*"$2"*) ok 0 "$3" ;;
	*) ok 1 "$3"; printf '%s\n' "$1" | head -n 30 | sed 's/^/#   /' ;;
	esac
}

lacks() {	# TEXT NEEDLE DESCRIPTION
	case "$1" in
	*"$2"*) ok 1 "$3"; printf '%s\n' "$1" | head -n 30 | sed 's/^/#   /' ;;
	*) ok 0 "$3" ;;
	esac
}

skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}

# ---------------------------------------------------------------------------
# tmux: one private server per test script.

TM_BASE="gloss-test-$$"
TM_SOCKET="$TM_BASE-0"
tm_count=0

tm() {
	"$TMUX_BIN" -L "$TM_SOCKET" -f /dev/null "$@"
}

need_tmux() {
	[ -n "$TMUX_BIN" ] && command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux not found"
}

# Starts COMMAND in a detached session of COLSxROWS with TERM=TERMTYPE.
# The window has a fixed name: tmux resolves `-t t` as a window name prefix
# before a session name, and a new window is called "tmux" for a moment.
tm_start() {	# COLS ROWS TERMTYPE COMMAND...
	cols=$1 rows=$2 term=$3
	shift 3
	tm_new_server
	tm -u new-session -d -x "$cols" -y "$rows" -s t -n pane \
		"env TERM=$term HOME='$HOME' XDG_DATA_HOME='$XDG_DATA_HOME' XDG_CACHE_HOME='$XDG_CACHE_HOME' XDG_STATE_HOME='$XDG_STATE_HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' GLOSS_DB='$GLOSS_DB' LC_ALL=C.UTF-8 TZ=UTC $* ; sleep 30"
	tm set-option -t t remain-on-exit on >/dev/null 2>&1
}

# A fresh server for each session: a killed server may linger for a moment.
tm_new_server() {
	tm kill-server 2>/dev/null
	tm_count=$((tm_count + 1))
	TM_SOCKET="$TM_BASE-$tm_count"
}

tm_keys() {
	tm send-keys -t t "$@"
}

tm_capture() {
	tm capture-pane -p -t t
}

# The number of note and tag drafts kept (files in the drafts directory).
drafts_count() {
	find "$XDG_STATE_HOME/gloss/drafts" -type f 2>/dev/null | wc -l | tr -d ' '
}

# Waits until the pane shows TEXT (default 5 s); returns 1 on timeout.
tm_wait() {	# TEXT [TENTHS]
	i=0 limit=${2:-50}
	while [ $i -lt "$limit" ]; do
		case "$(tm_capture)" in
		*"$1"*) return 0 ;;
		esac
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# Waits until the pane stops changing (two equal captures 0.2 s apart).
tm_settle() {
	prev="" i=0
	while [ $i -lt 50 ]; do
		cur=$(tm_capture)
		[ "$cur" = "$prev" ] && [ -n "$cur" ] && return 0
		prev=$cur
		sleep 0.2
		i=$((i + 1))
	done
	return 1
}

tm_resize() {	# COLS ROWS
	tm resize-window -t t -x "$1" -y "$2"
}

tm_kill() {
	tm kill-server 2>/dev/null
	return 0
}

# The row of the screen (1-based) as text.
tm_row() {	# N
	tm_capture | sed -n "${1}p"
}

# ---------------------------------------------------------------------------
# A database lock held by another program (the sqlite3 CLI) until released,
# not for a fixed time: tests do not depend on how fast the machine is.

# Takes the write lock of DB (BEGIN IMMEDIATE and a write) and returns once
# it is held; 1 if it could not be taken within 10 s.
lock_hold() {	# DB
	rm -f "$TEST_TMP/lock.held" "$TEST_TMP/lock.release"
	printf '%s\n' 'BEGIN IMMEDIATE;' 'UPDATE annotations SET note = note WHERE 0;' \
		".shell touch '$TEST_TMP/lock.held'; while [ ! -e '$TEST_TMP/lock.release' ]; do sleep 0.05; done" \
		'COMMIT;' | "$SQLITE3_CLI" "$1" >/dev/null 2>&1 &
	lock_pid=$!
	echo "$lock_pid" >"$TEST_TMP/pid.lock"
	i=0
	while [ ! -e "$TEST_TMP/lock.held" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
	[ -e "$TEST_TMP/lock.held" ]
}

lock_release() {
	touch "$TEST_TMP/lock.release"
	wait "$lock_pid" 2>/dev/null
	rm -f "$TEST_TMP/pid.lock"
}

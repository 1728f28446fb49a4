#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# fault-db.sh — the annotation database under faults, as a user meets them:
# another program holding the write lock (the sqlite3 CLI in BEGIN
# IMMEDIATE, until released), damaged pages (a page of a real database
# overwritten with dd), and a full disk (a small tmpfs, mounted where the
# test may: CI runs as root).  Commands and the reader in tmux.
#
# Nothing here depends on how fast the machine is: "never waits" is tested
# with a busy timeout of ten minutes ($GLOSS_BUSY_TIMEOUT) and a generous
# deadline, so a wait would show as a run killed after 60 s, not as a
# measured delay.
. "${top_srcdir:-.}/tests/lib/lib.sh"

: "${SQLITE3_CLI:=}"
[ -n "$SQLITE3_CLI" ] && command -v "$SQLITE3_CLI" >/dev/null 2>&1 || skip_all "sqlite3 not found"
need_tmux
sql() { "$SQLITE3_CLI" "$GLOSS_DB" "$@"; }

FULL="$TEST_TMP/full"
TEST_CLEANUP='umount "$FULL" 2>/dev/null'

D="$TEST_TMP/docs"
mkdir -p "$D"
A="$D/article.txt"
write_article() {	# FILE [PREFACE]
	{
		[ -n "${2:-}" ] && printf '%s\n\n' "$2"
		printf '%s\n\n' \
			"Minsk and Kyiv" \
			"The border between the two countries runs for more than a thousand kilometres through forests and marshes." \
			"In 2020 the protests in Minsk changed the relationship for years. Kyiv condemned the violence and questioned the elections." \
			"Trade continued despite the sanctions, and the sanctions were widened again in 2021."
	} >"$1"
}
write_article "$A"

# run CMD...: sets $out, $err and $rc; a run longer than 60 s is killed (rc 124).
run() {
	timeout 60 "$GLOSS" "$@" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
	rc=$?
	out=$(cat "$TEST_TMP/out")
	err=$(cat "$TEST_TMP/err")
}

# The note editor on the first highlight, from the list (m, a); 1 if it does not open.
open_note() {
	tm_keys A; tm_wait "protests in Minsk" 50
	tm_keys a; tm_wait "Note on" 50
}

tm_gloss() {	# ENV... : the reader on $A in a 90x20 tmux
	tm_start 90 20 xterm-256color "env $* XDG_STATE_HOME='$XDG_STATE_HOME' $GLOSS '$A'; echo EXITED \$?"
}

# ---------------------------------------------------------------------------
# A held lock: reading never waits, writing waits the busy timeout once

export GLOSS_DB="$TEST_TMP/locked.db"
"$GLOSS" annotate "$A" --quote "protests in Minsk" --tag protest >/dev/null
"$GLOSS" annotate "$A" --quote "Trade continued" >/dev/null
write_article "$A" "A new first paragraph, which shifts everything after it."
lock_hold "$GLOSS_DB"; ok $? "lock: held by the sqlite3 CLI"

export GLOSS_BUSY_TIMEOUT=600000
run annotations "$A"
is "$rc" 0 "lock: annotations FILE of an edited file does not wait (exit 0, not killed)"
is "$(printf '%s\n' "$out" | cut -f 3 | tr '\n' ' ')" "194-211 307-322 " \
	"lock: and lists the highlights re-anchored to the edited text"
run export "$A"
is "$rc" 0 "lock: export FILE does not wait"
contains "$out" "> protests in Minsk" "lock: the export holds the highlight"
run annotations
is "$rc/$(printf '%s\n' "$out" | wc -l | tr -d ' ')" "0/2" "lock: annotations does not wait"
GLOSS_BUSY_TIMEOUT=300 run tag 1 x
is "$rc" 1 "lock: a write gives up after the busy timeout"
waited=$(printf '%s\n' "$err" | sed -n 's/.*locked by another program (gave up after \([0-9]* ms\|[0-9]*\.[0-9] s\)).*/\1/p')
case "$waited" in
*" s") ok 0 "lock: the message gives the time waited ($waited)" ;;
*) ok "$([ "${waited% ms}" -ge 300 ] 2>/dev/null; echo $?)" "lock: the message gives the time waited (${waited:-none})" ;;
esac
contains "$err" "nothing was changed" "lock: and says nothing was changed"

# The reader: the text at once, the highlights, a note kept until the lock goes.
tm_gloss GLOSS_BUSY_TIMEOUT=600000
tm_wait "A new first paragraph" 100; ok $? "lock, reader: the text is on screen while the lock is held"
contains "$(tm capture-pane -p -e -t t)" "48;5;228m" "lock, reader: the highlights are drawn"
open_note; ok $? "lock, reader: the note editor opens"
tm_keys -l "typed while locked"; tm_keys Escape
tm_wait "Note kept: the database is locked" 50; ok $? "lock, reader: the note is kept, and the reader says so"
tm_keys Enter; tm_wait "UNSAVED" 50; ok $? "lock, reader: the status line counts the change waiting"
is "$(drafts_count)" 1 "lock, reader: the note waits as a draft file too"
is "$(sql "SELECT note || '/' || start_pos FROM annotations WHERE id = 1")" "/136" \
	"lock, reader: nothing was written while locked (neither the note nor the re-anchored place)"
lock_release
tm_wait "Saved: the database is free again" 100; ok $? "lock, reader: saved once the lock is released, and told"
is "$(sql "SELECT note FROM annotations WHERE id = 1")" "typed while locked" "lock, reader: the note is stored"
is "$(drafts_count)" 0 "lock, reader: its draft is gone"
is "$(sql "SELECT count(*) FROM paths WHERE sha256 = (SELECT sha256 FROM documents)")" 1 \
	"lock, reader: what was seen of the edited file is recorded after the release"
is "$(sql "SELECT group_concat(start_pos, ' ') FROM annotations")" "194 307" \
	"lock, reader: and the highlights' new places"
lacks "$(tm_capture)" "UNSAVED" "lock, reader: nothing waits any more"
tm_keys q; tm_wait "EXITED 0"; ok $? "lock, reader: quits with 0"

# A change left waiting at exit is said on stderr; a note keeps its draft.
lock_hold "$GLOSS_DB"
tm_gloss GLOSS_BUSY_TIMEOUT=300
tm_wait "A new first paragraph" 100
open_note
tm_keys -l " again"; tm_keys Escape; tm_wait "Note kept" 50
tm_keys q q; tm_wait "EXITED 1" 100; ok $? "lock, exit: the reader exits 1 with a change not saved"
contains "$(tm capture-pane -p -J -t t)" "1 change was not saved: database $GLOSS_DB is still locked by another program: a note (kept as a draft: reopen the note)" \
	"lock, exit: and says what was not saved"
is "$(cat "$XDG_STATE_HOME"/gloss/drafts/*.note)" "typed while locked again" "lock, exit: the note is in its draft"
lock_release
tm_gloss
tm_wait "A new first paragraph" 100
open_note
contains "$(tm_capture)" "typed while locked again" "lock, exit: the next reader restores the draft"
tm_keys Escape; tm_wait "Note saved" 50
tm_keys q q; tm_wait "EXITED 0"
is "$(sql "SELECT note FROM annotations WHERE id = 1")" "typed while locked again" "lock, exit: and saves it"
unset GLOSS_BUSY_TIMEOUT

# ---------------------------------------------------------------------------
# Damaged pages: refused for writing, read where it can be, recovered

export GLOSS_DB="$TEST_TMP/damaged.db"
write_article "$A"
"$GLOSS" annotate "$A" --quote "protests in Minsk" --tag protest --note "a note" >/dev/null
"$GLOSS" annotate "$A" --quote "Trade continued" --tag economy >/dev/null
sql 'PRAGMA journal_mode = DELETE' >/dev/null
page=$(sql 'PRAGMA page_size')
root=$(sql "SELECT rootpage FROM sqlite_master WHERE name = 'tags'")
printf '\245%.0s' $(seq 1 "$page") | dd of="$GLOSS_DB" bs="$page" seek=$((root - 1)) conv=notrunc 2>/dev/null
contains "$(sql 'PRAGMA quick_check')" "Page $root" "damaged: the tags page of a real database was overwritten"
cp "$GLOSS_DB" "$TEST_TMP/damaged.copy"

run annotations
is "$rc" 1 "damaged: annotations exits 1"
contains "$err" "gloss: annotations: database $GLOSS_DB is damaged (quick_check: " "damaged: says the database is damaged"
contains "$err" "gloss recover NEW.db copies what can be read into a new database" "damaged: and how to recover"
run library "$D"
is "$rc" 1 "damaged: library exits 1"
contains "$out" "Minsk and Kyiv" "damaged: library still lists the article"
contains "$err" "is damaged (quick_check: " "damaged: library says the database is damaged"
run annotate "$A" --quote "the violence"
is "$rc" 1 "damaged: annotate is refused"
contains "$err" "is damaged (quick_check: " "damaged: annotate says why"
run note 1 "changed"
is "$rc" 1 "damaged: note is refused"
cmp -s "$GLOSS_DB" "$TEST_TMP/damaged.copy"; ok $? "damaged: the file is unchanged byte for byte"

tm_gloss
tm_wait "Minsk and Kyiv" 100; ok $? "damaged, reader: the text is on screen"
tm_wait "is damaged (quick_check" 50; ok $? "damaged, reader: the status line says the database is damaged"
contains "$(tm capture-pane -p -e -t t)" "48;5;228m" "damaged, reader: the highlights that can be read are drawn"
tm_keys A; tm_wait "protests in Minsk" 50
tm_keys a; tm_wait "Notes cannot be written: it is damaged" 50; ok $? "damaged, reader: a note is refused at once"
tm_keys Enter q; tm_wait "EXITED 0" 50
cmp -s "$GLOSS_DB" "$TEST_TMP/damaged.copy"; ok $? "damaged, reader: the file is unchanged byte for byte"

# In WAL mode the reader checks in a thread (the first screen does not wait for it).
sql 'PRAGMA journal_mode = WAL' >/dev/null
cp "$GLOSS_DB" "$TEST_TMP/damaged.copy"
tm_gloss
tm_wait "Minsk and Kyiv" 100; ok $? "damaged, WAL: the text is on screen"
tm_wait "is damaged (quick_check" 50; ok $? "damaged, WAL: the check in the background finds the damage"
tm_keys A; tm_wait "protests in Minsk" 50
tm_keys a; tm_wait "Notes cannot be written: it is damaged" 50; ok $? "damaged, WAL: a note is refused"
tm_keys Enter q; tm_wait "EXITED 0" 50
cmp -s "$GLOSS_DB" "$TEST_TMP/damaged.copy"; ok $? "damaged, WAL: the file is unchanged byte for byte"
is "$(sql 'SELECT count(*) FROM paths')" 1 "damaged, WAL: no path was recorded into it"

run recover "$TEST_TMP/recovered.db"
is "$rc" 0 "recover: exit 0"
contains "$out" "annotations: 2 rows copied" "recover: both annotations"
contains "$out" "tags: 0 rows copied; a damaged page could not be read: the rows on it are lost" \
	"recover: says what was lost"
GLOSS_DB="$TEST_TMP/recovered.db" run annotations
is "$rc/$(printf '%s\n' "$out" | cut -f 3,7 | tr '\t\n' ' |')" "0/136-153 protests in Minsk|249-264 Trade continued|" \
	"recover: the recovered database is a gloss database with the annotations"
is "$("$SQLITE3_CLI" "$TEST_TMP/recovered.db" 'PRAGMA integrity_check')" ok "recover: integrity_check ok"
GLOSS_DB="$TEST_TMP/recovered.db" run annotate "$A" --quote "the violence"
is "$rc/$out" "0/3" "recover: and it can be written (ids go on)"
run recover "$TEST_TMP/recovered.db"
is "$rc" 1 "recover: never over an existing file"

# ---------------------------------------------------------------------------
# A full disk: reading goes on, nothing typed is lost

mkdir -p "$FULL"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=1m tmpfs "$FULL" 2>/dev/null; then
	ok 0 "# SKIP full disk: cannot mount a small tmpfs here (needs root)"
	done_testing
	exit $?
fi
export GLOSS_DB="$FULL/gloss.db"
write_article "$A"
"$GLOSS" annotate "$A" --quote "protests in Minsk" >/dev/null
fill() { dd if=/dev/zero of="$FULL/fill" bs=4k 2>/dev/null; }
fill
run annotations
is "$rc/$(printf '%s\n' "$out" | cut -f 7)" "0/protests in Minsk" "full: a new process still reads the annotations"
run tag 1 x
is "$rc/$err" "1/gloss: tag: database $GLOSS_DB is read-only (the disk is full); annotations can be read but not changed" \
	"full: a write is refused with the reason"

# The reader opened on a full disk: the note stays in the editor until there is space.
tm_gloss
tm_wait "Minsk and Kyiv" 100; ok $? "full, reader: the text is on screen"
contains "$(tm_capture)" "read-only: the disk is full" "full, reader: and it says the disk is full"
open_note; ok $? "full, reader: the note editor opens"
tm_keys -l "typed on a full disk"; tm_keys Escape
tm_wait "Not saved: the disk is full" 50; ok $? "full, reader: the editor stays open and says why"
contains "$(tm_capture)" "typed on a full disk" "full, reader: with the text"
is "$(cat "$XDG_STATE_HOME"/gloss/drafts/*.note 2>/dev/null)" "typed on a full disk" \
	"full, reader: and a draft is kept on another disk"
rm -f "$FULL/fill"
tm_keys Escape; tm_wait "Note saved" 50; ok $? "full, reader: Esc once there is space saves it"
is "$(sql "SELECT note FROM annotations WHERE id = 1")" "typed on a full disk" "full, reader: the note is stored"
is "$(drafts_count)" 0 "full, reader: the draft is gone"
tm_keys Enter q; tm_wait "EXITED 0" 50

# The disk fills while the reader runs; the terminal goes away; the draft comes back.
tm_gloss
tm_wait "Minsk and Kyiv" 100
fill
open_note
tm_keys C-u; tm_keys -l "second note"; tm_keys Escape
tm_wait "Not saved: the disk is full" 50; ok $? "full, running: a note that cannot be written stays in the editor"
tm kill-session -t t 2>/dev/null
sleep 1
is "$(cat "$XDG_STATE_HOME"/gloss/drafts/*.note 2>/dev/null)" "second note" "full, running: the hangup kept the draft"
rm -f "$FULL/fill"
tm_gloss
tm_wait "Minsk and Kyiv" 100
open_note
contains "$(tm_capture)" "second note" "full, running: the next reader restores it once there is space"
tm_keys Escape; tm_wait "Note saved" 50
tm_keys Enter q; tm_wait "EXITED 0" 50
is "$(sql "SELECT note FROM annotations WHERE id = 1")" "second note" "full, running: and saves it"

done_testing

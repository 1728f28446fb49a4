#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# race-cli.sh — creating a document's row is race-free across processes
# (once "UNIQUE constraint failed: documents.sha256 … nothing was changed"
# in 1 of 80 runs).  Four processes each run `gloss annotate` on the same
# 250 documents new to the store, in the same order, so that they race for
# every document's first annotation: 1,000 rows on 250 documents, no
# error, integrity_check ok.
. "${top_srcdir:-.}/tests/lib/lib.sh"
[ -n "${SQLITE3_CLI:-}" ] || skip_all "sqlite3 not found"

DOCS=250
sql() {
	"$SQLITE3_CLI" -batch "$GLOSS_DB" "$1"
}

mkdir -p "$TEST_TMP/docs"
k=0
while [ $k -lt $DOCS ]; do
	printf 'Document %d\n\nalpha beta gamma delta, the words of document number %d.\n' $k $k \
		>"$TEST_TMP/docs/d$k.txt"
	k=$((k + 1))
done
# A database that already holds a document, as a user's does.
"$GLOSS" annotate "$CORPUS/belarus-weekly-2023-09-22.txt" --quote "Belarus" --nth 1 >/dev/null
ok $? "the database holds one document"

for w in alpha beta gamma delta; do
	(
		k=0
		while [ $k -lt $DOCS ]; do
			"$GLOSS" annotate "$TEST_TMP/docs/d$k.txt" --quote "$w" >/dev/null 2>>"$TEST_TMP/err.$w" ||
				echo "$w, document $k: exit $?" >>"$TEST_TMP/err.$w"
			k=$((k + 1))
		done
	) &
	echo $! >"$TEST_TMP/pid.$w"
done
wait
rm -f "$TEST_TMP"/pid.*
is "$(cat "$TEST_TMP"/err.* 2>/dev/null | head -n 5)" "" "no gloss annotate failed (4 processes x 250)"
is "$(sql "select count(*) from annotations a join paths p on p.doc_id = a.doc_id where p.path like '%/docs/d%'")" \
	1000 "1,000 rows"
is "$(sql "select count(distinct doc_id) from paths where path like '%/docs/d%'")" $DOCS "on 250 documents"
is "$(sql 'select count(*) from documents')" $((DOCS + 1)) "one document row each"
is "$(sql "select count(*) from (select doc_id from annotations group by doc_id having count(*) = 4)")" $DOCS \
	"four highlights on every new document"
is "$(sql 'pragma integrity_check')" ok "integrity_check"

done_testing

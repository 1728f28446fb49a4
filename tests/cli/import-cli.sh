#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# import-cli.sh — gloss import of every shape other tools write (tests/data/import/):
# a single W3C annotation, an array of the model's variants, an
# AnnotationPage, an AnnotationCollection with embedded pages, the forms of
# a source, a Hypothesis API export, and bad annotations; with the summary
# line, the line said per rejected annotation, --strict, --map, the rows
# stored and the anchored/moved/orphaned counts.
. "${top_srcdir:-.}/tests/lib/lib.sh"

PY=$(command -v python3 || true)
skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n # SKIP $1"; }
run() {	# CMD...: sets $out, $err and $rc
	"$GLOSS" "$@" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
	rc=$?
	out=$(cat "$TEST_TMP/out")
	err=$(cat "$TEST_TMP/err")
}
# FIELDS...: the stored annotations (gloss annotations --json), one line each, fields joined by |
rows() {
	"$GLOSS" annotations --json >"$TEST_TMP/rows.json"
	"$PY" - "$TEST_TMP/rows.json" "$@" <<'PYEOF'
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
for a in sorted(rows, key=lambda a: a["id"]):
    out = []
    for f in sys.argv[2:]:
        v = a.get(f)
        out.append(",".join(v) if isinstance(v, list) else json.dumps(v, ensure_ascii=False) if f in ("note", "quote", "first_quote", "creator") else str(v))
    print("|".join(out))
PYEOF
}

D="$TEST_TMP/im port"	# a space: the file: IRIs percent-encode it
mkdir -p "$D/sub dir"
cp "$top_srcdir"/tests/data/import/*.txt "$top_srcdir"/tests/data/import/*.md "$D/"
printf 'Here is a file in a directory with a space in its name.\n' >"$D/sub dir/spaced name.txt"
DIRURL=$(printf '%s' "$D" | sed 's/ /%20/g')
for f in "$top_srcdir"/tests/data/import/*.json; do
	sed -e "s|@DIRURL@|$DIRURL|g" "$f" >"$D/$(basename "$f")"
done
cd "$D" || exit 1
[ -n "$PY" ] || { skip_all "python3 not installed"; }

# ---------------------------------------------------------------------------
# One annotation, a selector object, no context

export GLOSS_DB="$TEST_TMP/single.db"
run import w3c-single.json
is "$rc/$out/$err" "0/1 imported: 1 anchored, 0 moved, 0 orphaned; 0 skipped as duplicates; 0 rejected/" \
	"a single annotation with one selector object and no context: anchored"
is "$(rows path start end status quote note)" \
	"$D/article.txt|79|98|anchored|\"thousand kilometres\"|\"One selector object, no context.\"" \
	"the row: the file by its relative path, the range, the quote, the body as the note"
run import w3c-single.json
is "$rc/$out" "0/0 imported: 0 anchored, 0 moved, 0 orphaned; 1 skipped as duplicates; 0 rejected" \
	"importing it again: a duplicate"

# ---------------------------------------------------------------------------
# The model's variants

export GLOSS_DB="$TEST_TMP/shapes.db"
run import w3c-shapes.json
is "$rc/$out/$err" "0/9 imported: 6 anchored, 2 moved, 1 orphaned; 0 skipped as duplicates; 0 rejected/" \
	"nine variants: 6 anchored, 2 moved (two copies, a typo), 1 orphaned (not in the text)"
is "$(rows start end status tags quote note)" \
"141|158|anchored||\"protests in Minsk\"|\"<https://example.org/comments/1>\"
200|222|anchored|EU sanctions,Война|\"condemned the violence\"|\"First comment.\\n\\nSecond comment.\"
463|476|anchored||\"the sanctions\"|null
0|19|anchored||\"Belarus and Ukraine\"|\"A fragment of the IRI.\"
107|126|anchored|marshes-tag|\"forests and marshes\"|null
444|457|moved||\"the sanctions\"|\"Two copies, no context.\"
195|222|moved||\"Kyiv condemned the violence\"|null
0|38|orphaned||\"a sentence that was never there at all\"|null
167|194|anchored||\"the relationship for years.\"|null" \
	"type as an array and oa:, an IRI body, several bodies, tags, a position only (code points: 390 is byte 463), #char= in the IRI, refinedBy, tagging motivation, white space that differs; a moved one quotes the text it covers now"
is "$(rows first_quote | sort -u | tr '\n' ' ')" '"Kyiv condemnd the violence" null ' \
	"the quotes moved highlights were made with are kept as first_quote"
is "$(rows created modified | head -n 2)" "2024-05-01T10:00:00Z|2024-05-01T10:00:00Z
2024-05-01T10:00:00Z|2024-05-02T00:00:00Z" "RFC 3339 times: a fraction, +00:00, +02:30, .5Z"

# ---------------------------------------------------------------------------
# Pages and collections

export GLOSS_DB="$TEST_TMP/page.db"
run import page.json
is "$rc/$out" "0/2 imported: 2 anchored, 0 moved, 0 orphaned; 0 skipped as duplicates; 0 rejected" \
	"an AnnotationPage: its items"
is "$err" "gloss: import: page.json: annotation 2: the next page (http://example.org/page2) is not in the file: not read" \
	"a next page given only by its IRI is named"
export GLOSS_DB="$TEST_TMP/collection.db"
run import collection.json
is "$rc/$out/$err" "0/2 imported: 2 anchored, 0 moved, 0 orphaned; 0 skipped as duplicates; 0 rejected/" \
	"an AnnotationCollection with two embedded pages"

# ---------------------------------------------------------------------------
# Sources

export GLOSS_DB="$TEST_TMP/sources.db"
run import --map "https://example.net/saved=article.txt" sources.json
is "$rc/$out" "1/5 imported: 4 anchored, 0 moved, 1 orphaned; 0 skipped as duplicates; 3 rejected" \
	"sources: file://localhost, file:/ with %20, front matter, --map; one missing file; three rejected"
is "$err" "gloss: import: sources.json: annotation 5: no local document records the source URL https://example.net/unknown: name one with --map URL=PATH
gloss: import: sources.json: annotation 6: a file on another computer (fileserver): name a local copy with --map URL=PATH
gloss: import: sources.json: annotation 7: $D/missing.txt: No such file or directory; kept as orphaned
gloss: import: sources.json: annotation 8: not a local file (urn:isbn:9780000000000): name one with --map URL=PATH" \
	"a line for each annotation whose source is not here"
is "$(rows path status quote)" \
"$D/article.txt|anchored|\"Kyiv condemned\"
$D/sub dir/spaced name.txt|anchored|\"a file in a directory with a space\"
$D/page.md|anchored|\"second paragraph\"
$D/article.txt|anchored|\"the relationship for years\"
$D/missing.txt|orphaned|\"kept all the same\"" \
	"each to its own file; the missing one kept as orphaned at its path"

if "$PY" -c 'import os, sys; os.setxattr(sys.argv[1], "user.xdg.origin.url", b"https://example.com/downloaded.html")' \
    "$D/article.txt" 2>/dev/null; then
	export GLOSS_DB="$TEST_TMP/xattr.db"
	printf '{"type": "Annotation", "target": {"source": "http://example.com/downloaded.html", "selector": {"type": "TextQuoteSelector", "exact": "Trade continued"}}}\n' >xattr.json
	run import xattr.json
	is "$rc/$(rows path status)" "0/$D/article.txt|anchored" \
		"a download's user.xdg.origin.url attribute names its page (http and https alike)"
else
	skip "this file system keeps no user extended attributes"
fi

# ---------------------------------------------------------------------------
# Hypothesis

export GLOSS_DB="$TEST_TMP/hypothesis.db"
run import --map "https://example.net/article=$D/article.txt" hypothesis.json
is "$rc/$out" "1/4 imported: 2 anchored, 1 moved, 1 orphaned; 0 skipped as duplicates; 2 rejected" \
	"a Hypothesis API export: 2 anchored, 1 moved, 1 orphaned, the page note and the reply rejected"
is "$err" "gloss: import: hypothesis.json: annotation 5: the target has no selector: a note on the whole document, not on a passage
gloss: import: hypothesis.json: annotation 6: a reply to another annotation: gloss keeps no threads" \
	"Hypothesis: why the page note and the reply are not imported"
is "$(rows path status created modified tags quote note)" \
"$D/page.md|anchored|2023-09-22T10:00:00Z|2023-09-23T11:00:00Z|emphasis,style,web|\"bold words\"|\"Bold, *said* Alice.\"
$D/article.txt|anchored|2023-09-22T10:05:00Z|2023-09-22T10:05:00Z||\"thousand kilometres\"|null
$D/article.txt|moved|2023-09-22T10:06:00Z|2023-09-22T10:06:00Z|moved|\"Kyiv condemned the violence\"|\"Typo in the quote\"
$D/article.txt|orphaned|2023-09-22T10:07:00Z|2023-09-22T10:07:00Z||\"a paragraph that the editor deleted later\"|\"Gone from the text\"" \
	"Hypothesis: text as the note, tags (a comma splits one), times, the page by its front matter URL"
is "$(rows creator | tail -n 4 | tr '\n' ' ')" '"alice@hypothes.is" "bob@hypothes.is" "bob@hypothes.is" "bob@hypothes.is" ' \
	"Hypothesis: each annotation's creator is kept (its user, without acct:)"
"$GLOSS" export --format json --creator "Local User" "$D/article.txt" >"$TEST_TMP/creators.json"
is "$("$PY" -c 'import json,sys; print(" ".join(sorted(set(a["creator"]["type"] + ":" + a["creator"].get("name", "") for a in json.load(open(sys.argv[1]))))))' "$TEST_TMP/creators.json")" \
	"Person:bob@hypothes.is" "Hypothesis: export writes the imported creator back, not the local user's name"
run import --map "https://example.net/article=$D/article.txt" hypothesis.json
is "$rc/$out" "1/0 imported: 0 anchored, 0 moved, 0 orphaned; 4 skipped as duplicates; 2 rejected" \
	"Hypothesis: importing it again adds nothing"

# ---------------------------------------------------------------------------
# Bad annotations, --strict

export GLOSS_DB="$TEST_TMP/bad.db"
run import --strict bad.json
is "$rc/$out" "1/" "--strict: a rejected annotation: exit 1, no summary"
is "$err" "gloss: import: bad.json: annotation 1: not an annotation but a string
gloss: import: bad.json: annotation 2: not an annotation (an object with neither \"type\": \"Annotation\" nor a \"target\")
gloss: import: bad.json: annotation 3: no \"target\": nothing to anchor it to
gloss: import: bad.json: annotation 4: \"created\" is not an RFC 3339 time (like 2024-01-31T12:00:00Z)
gloss: import: bad.json: annotation 5: a TextQuoteSelector needs a non-empty \"exact\"
gloss: import: bad.json: annotation 6: a TextPositionSelector needs whole numbers start < end
gloss: import: bad.json: annotation 7: its TextPositionSelector (400-9000) is beyond the end of $D/article.txt
gloss: import: bad.json: annotation 8: no TextQuoteSelector or TextPositionSelector (only CssSelector)
gloss: import: bad.json: annotation 9: the target names no source
gloss: import: bad.json: 9 annotations were rejected (--strict); nothing was imported" \
	"--strict: every reason, then nothing imported"
is "$("$GLOSS" annotations | wc -l | tr -d ' ')" 0 "--strict: nothing was imported"
run import bad.json
is "$rc/$out" "1/1 imported: 1 anchored, 0 moved, 0 orphaned; 0 skipped as duplicates; 9 rejected" \
	"without --strict: the good one is imported, exit 1"
is "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 9 "a line for each of the nine"

done_testing

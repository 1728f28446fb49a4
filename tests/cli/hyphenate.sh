#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# hyphenate.sh — `gloss dump --hyphenate`: the exact lines of a Russian,
# Ukrainian, Belarusian and English text at width 17; the same text
# without the option (no hyphen anywhere); `gloss --hyphenate` and
# `set hyphenate on` in the config file give the same lines; with a
# dictionary directory that holds nothing ($GLOSS_HYPHEN_DIR), one message
# and the lines of the plain wrap; with only the English dictionary, one
# message naming the missing ones and only English words hyphenated.
. "${top_srcdir:-.}/tests/lib/lib.sh"

dicts=${HYPHEN_DICTS:-/usr/share/hyphen}
for d in hyph_ru_RU hyph_uk_UA hyph_be_BY hyph_en_US; do
	[ -r "$dicts/$d.dic" ] || skip_all "$dicts/$d.dic not found (Debian packages hyphen-ru, hyphen-uk, hyphen-be, hyphen-en-us)"
done
unset GLOSS_HYPHEN_DIR || true
f="$TEST_TMP/text.txt"
cat >"$f" <<'TXT'
Вчера в Москве обсуждали достопримечательность и сельскохозяйственный вопрос.

Мікроелектроніка та адміністративний устрій міста змінюються щороку.

Беларускамоўны адміністрацыйны цэнтр чакае аўтобусаў.

The administration discussed internationalization today.
TXT
"$GLOSS" dump --hyphenate -w 17 "$f" >"$TEST_TMP/hy" 2>"$TEST_TMP/err"
rc=$?
if [ "$rc" -ne 0 ] && grep -q "built without libhyphen" "$TEST_TMP/err"; then
	skip_all "gloss was built without libhyphen"
fi
is "$rc" 0 "dump --hyphenate exits 0"
is "$(cat "$TEST_TMP/err")" "" "dump --hyphenate says nothing when every dictionary is there"
is "$(cat "$TEST_TMP/hy")" "Вчера в Москве
обсуждали до-
стопримечатель-
ность
и сельскохозяй-
ственный вопрос.

Мікроелектроніка
та адміністрати-
вний устрій міста
змінюються що-
року.

Беларускамоўны
адміністрацыйны
цэнтр чакае аўто-
бусаў.

The administra-
tion discussed
internationaliza-
tion today." "dump --hyphenate -w 17: the exact lines (ru, uk, be, en)"

plain="Вчера в Москве
обсуждали
достопримечательн
ость
и
сельскохозяйствен
ный вопрос.

Мікроелектроніка
та
адміністративний
устрій міста
змінюються
щороку.

Беларускамоўны
адміністрацыйны
цэнтр чакае
аўтобусаў.

The
administration
discussed
internationalizat
ion today."
is "$("$GLOSS" dump -w 17 "$f" 2>&1)" "$plain" "dump -w 17 without the option: no hyphen is added"

is "$("$GLOSS" --hyphenate dump -w 17 "$f" 2>&1)" "$(cat "$TEST_TMP/hy")" "gloss --hyphenate dump is dump --hyphenate"
mkdir -p "$XDG_CONFIG_HOME/gloss"
printf 'set hyphenate on\n' >"$XDG_CONFIG_HOME/gloss/config"
is "$("$GLOSS" dump -w 17 "$f" 2>&1)" "$(cat "$TEST_TMP/hy")" "set hyphenate on in the config file is --hyphenate"
contains "$("$GLOSS" --print-config)" "set hyphenate on" "--print-config shows it"
rm "$XDG_CONFIG_HOME/gloss/config"
contains "$("$GLOSS" --print-config)" "set hyphenate off" "off by default"

# No dictionary: one message, the plain lines.
mkdir -p "$TEST_TMP/nodicts"
out=$(GLOSS_HYPHEN_DIR="$TEST_TMP/nodicts" "$GLOSS" --hyphenate dump --hyphenate -w 17 "$f" 2>"$TEST_TMP/err")
is "$?" 0 "without dictionaries dump --hyphenate still exits 0"
is "$out" "$plain" "without dictionaries the lines are those of the plain wrap"
is "$(cat "$TEST_TMP/err")" "gloss: hyphenation is unavailable: no hyphenation dictionary found (Debian packages hyphen-ru, hyphen-uk, hyphen-be, hyphen-en-us); lines wrap without it" \
	"without dictionaries: one message (the option given twice)"
out=$(GLOSS_HYPHEN_DIR="$TEST_TMP/nodicts" "$GLOSS" dump -w 17 "$f" 2>"$TEST_TMP/err")
is "$(cat "$TEST_TMP/err")" "" "without the option nothing is said about dictionaries"

# Only the English dictionary: the others are named, English is hyphenated.
mkdir -p "$TEST_TMP/en"
ln -s "$dicts/hyph_en_US.dic" "$TEST_TMP/en/hyph_en_US.dic"
out=$(GLOSS_HYPHEN_DIR="$TEST_TMP/en" "$GLOSS" dump --hyphenate -w 17 "$f" 2>"$TEST_TMP/err")
is "$(cat "$TEST_TMP/err")" "gloss: no hyphenation for Russian (hyph_ru_RU.dic), Ukrainian (hyph_uk_UA.dic), Belarusian (hyph_be_BY.dic) in $TEST_TMP/en" \
	"a missing dictionary is named once"
is "$out" "$(printf '%s\n' "$plain" | sed -n '1,/^аўтобусаў/p')

The administra-
tion discussed
internationaliza-
tion today." "only the English words are hyphenated"

# A bogus file in place of a dictionary is not loaded (and does not crash).
mkdir -p "$TEST_TMP/bad"
printf 'not a dictionary\n\377\376\n' >"$TEST_TMP/bad/hyph_ru_RU.dic"
out=$(GLOSS_HYPHEN_DIR="$TEST_TMP/bad" "$GLOSS" dump --hyphenate -w 17 "$f" 2>"$TEST_TMP/err")
is "$?" 0 "a file that is not a dictionary: exit 0"
lacks "$out" "до-" "a file that is not a dictionary gives no points"

done_testing

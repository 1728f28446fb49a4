#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
"""typography.py — the typographic rules checked on wrapped text, from outside.

Usage: typography.py GLOSS LO HI FILE...

Runs `GLOSS dump -w W FILE` for every width W from LO to HI and checks each
pair of consecutive lines of a paragraph against rules that a Russian,
Ukrainian or Belarusian editor applies, written here independently of
gloss's own tables:

  one-letter   no line ends with a one-letter preposition or conjunction
               (а и в к с у о і й з ў, Łacinka ŭ; English a and I are not glued);
  particle     no line starts with a particle that belongs to the word
               before it (же ли бы ж б ль);
  number       a number stays with its unit or month (3 км, 30 августа,
               2004 г., 5 млн), and №, §, ст., ч., т., п., с., гл. with the
               number after them — unless keeping them together would have
               left the line less than half full (gloss's written rule: this
               glue gives way to fill; docs/wrapping.md);
  name         a place abbreviation (г. с. в. м. ул. вул. пос.) or an
               initial (А. С.) stays with the name after it, with the same
               exception;
  last-word    a Cyrillic word of up to three letters that ends a sentence
               (…сказал он.) does not start a line, with the same exception;
  punctuation  no line starts with closing punctuation or a closing
               bracket or quote (an ellipsis may open a line).

Prints one TAP line per file and rule ("ok"/"not ok" with the first
offending lines).  Then, so that the check itself is seen to work, the same
rules are applied to a plain greedy wrap of the same paragraphs at the same
widths: a rule that finds nothing there is reported as "not ok" too (the
texts would not exercise it).
"""
import re
import subprocess
import sys
import unicodedata

ONE = set("аивксуоізйўАИВКСУОІЗЙЎ") | {"ŭ", "Ŭ"}
PARTICLES = {"же", "ли", "бы", "ж", "б", "ль"}
MONTHS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август",
          "сентябр", "октябр", "ноябр", "декабр", "січн", "лют", "берез",
          "квітн", "травн", "червн", "липн", "серпн", "вересн", "жовтн",
          "листопад", "грудн", "студзен", "сакавік", "красавік", "траўн",
          "чэрвен", "ліпен", "жнівен", "верасн", "кастрычнік", "снежн")
UNITS = re.compile(r"^(г|гг|р|рр|в|вв|ст|млн|млрд|тыс|тис|тыс|км|кг|м|см|мм|%|"
                   r"человек|чалавек|осіб|рублей|долларов|доларів|кіламетр\w*|"
                   r"кілометр\w*|километр\w*)(\.|,|\)|$)")
LEADS = re.compile(r"(^|\s)(№|§|ст\.|ч\.|т\.|п\.|с\.|гл\.)$")
NAMES = re.compile(r"(^|\s)(г|с|в|м|ул|вул|пос|[А-ЯЁІЇЄЎ])\.$")
CLOSERS = re.compile(r"^[\)\]\}.,;:!?»”’]")
WORD_END = re.compile(r"[\s.,;:!?)\]»”…]|$")


def width(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def months(word):
    w = word.lower()
    return any(w.startswith(m) for m in MONTHS) and len(w) > 2


SHORT2 = {"на", "по", "до", "за", "из", "от", "об", "во", "со", "ко", "не", "ни", "но",
          "да", "та", "як", "чи", "із", "зі", "па", "ад", "аб", "ці", "бо", "са", "ва", "ды"}


def gives_way(a, w):
    """Whether line a, without its last word and the short words glued to
    it, would be less than half of width w."""
    words = a.split(" ")[:-1]
    while words and (words[-1] in ONE or words[-1].lower() in SHORT2 or
                     words[-1].strip(",") in PARTICLES):
        if words.pop().strip(",") in PARTICLES and words:
            words.pop()	# the word a particle belongs to goes with it
    return width(" ".join(words)) * 2 < w


def violations(a, b, w):
    """The rules broken by a line break between lines a and b at width w."""
    found = []
    a, b = a.rstrip(), b.lstrip()
    last = a.split(" ")[-1] if a else ""
    first = b.split(" ")[0] if b else ""
    if last in ONE:
        found.append("one-letter")
    head = re.match(r"[\w’'ʼ]+", b)
    if head and head.group(0) in PARTICLES and WORD_END.match(b[head.end():]):
        found.append("particle")
    if ((re.fullmatch(r"\(?\d+([.,–-]\d+)*", last) and (UNITS.match(first) or months(first))) or
            (LEADS.search(a) and re.match(r"\d", b))) and not gives_way(a, w):
        found.append("number")
    if NAMES.search(a) and re.match(r"[А-ЯЁІЇЄЎ][а-яёіїєўʼ’']", b) and not gives_way(a, w):
        found.append("name")
    if (re.match(r"[а-яёіїєўʼ’']{1,3}[.!?…]+(\s+[А-ЯЁІЇЄЎ]|$)", b) and
            not gives_way(a, w)):
        found.append("last-word")
    if CLOSERS.match(b):
        found.append("punctuation")
    return found


def paragraphs(text):
    """Lists of lines, split at empty lines."""
    para = []
    for line in text.split("\n"):
        if line.strip():
            para.append(line)
        elif para:
            yield para
            para = []
    if para:
        yield para


def greedy(words, w):
    lines, cur = [], ""
    for word in words:
        if cur and width(cur) + 1 + width(word) > w:
            lines.append(cur)
            cur = word
        else:
            cur = cur + " " + word if cur else word
    if cur:
        lines.append(cur)
    return lines


def check(lines, w, seen, where):
    for a, b in zip(lines, lines[1:]):
        for rule in violations(a, b, w):
            seen.setdefault(rule, []).append("%s: “%s│%s”" % (where, a[-24:].lstrip(), b[:16]))


RULES = ("one-letter", "particle", "number", "name", "last-word", "punctuation")


def main():
    gloss, lo, hi, files = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
    n, plain = 0, {}
    for path in files:
        name = path.rsplit("/", 1)[-1]
        seen = {}
        for w in range(lo, hi + 1):
            out = subprocess.run([gloss, "dump", "-w", str(w), path], capture_output=True,
                                 text=True, check=True).stdout
            for para in paragraphs(out):
                check(para, w, seen, "@%d" % w)
                # Only text paragraphs (no indent: not code, tables or lists).
                if not para[0].startswith(" "):
                    words = " ".join(l.strip() for l in para).split()
                    check(greedy(words, w), w, plain, "%s @%d" % (name, w))
        for rule in RULES:
            n += 1
            bad = seen.get(rule, [])
            print("%s %d - %s: %s rule at widths %d-%d%s" % (
                "not ok" if bad else "ok", n, name, rule, lo, hi,
                ": %d breaks, first %s" % (len(bad), "; ".join(bad[:3])) if bad else ""))
    for rule in RULES:
        n += 1
        cnt = len(plain.get(rule, []))
        print("%s %d - a plain greedy wrap of the same texts breaks the %s rule (%d times)" % (
            "ok" if cnt else "not ok", n, rule, cnt))
    print("1..%d" % n)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
"""typo-report.py — gloss's line breaks against typograf's no-break spaces.

Usage: typo-report.py GLOSS [FILE...]

typograf (npm package `typograf`, the library Russian-language publishers use
to put no-break spaces into web text) marks the spaces of ru/uk/be text that
should not break.  This script takes Cyrillic paragraphs from FILEs (one
paragraph per line or per block of lines; with no FILE, the Russian and
Ukrainian manual pages and the Belarusian message catalogues installed on
the machine: real texts by their translators), asks typograf, rule by rule,
which spaces it glues (bench/typograf-nbsp.js), wraps every paragraph with
`gloss dump -w W` and with a plain greedy wrapper that counts columns (what
`fold -s` would do if it counted columns instead of bytes) at six widths,
and prints per rule how many of typograf's no-break spaces each wrapper
breaks at, and the mean fill of the lines.

A break at a no-break space is not counted when the two words around it do
not fit on one line together (it cannot be avoided).  Cases where typograf
glues what gloss deliberately does not are left out by these written rules:

  * afterShortWord glues every word of one or two letters; only
    prepositions, conjunctions and negations are meant to be glued to the
    next word, so a break after a pronoun (ru я ты он мы вы их её ей им то*,
    uk ти ви їх її їй ім це ця цю ті те, be ён яе ёй іх), a verb (є), an
    adverb (uk де ще) or a particle that belongs to the word before it (бы б
    ли ль же ж: gloss keeps those with the preceding word) is not counted
    (* то is counted: gloss glues it as the conjunction of "если …, то");
  * afterShortWordByList glues ru prepositions and conjunctions of three and
    four letters too (для, если, или, как, при, без, под, про, обо); gloss
    glues those of up to two letters (issue 14, and Мильчин's rule for
    short prepositions), so a break after a longer one is not counted;
  * afterNumber glues a number to any word after it; a break is not counted
    when that word is an abbreviation that leads a number of its own
    ("ст. 411 т. 4": the т. belongs to the 4).

With TYPO_SHOW=1 in the environment, every break gloss makes at a counted
no-break space is listed on stderr with its width, rule and context.

Needs node and typograf: NODE_PATH, or node_modules in bench/ or the current
directory (`npm install typograf`); without them it says so and exits 0.
Mean fill is the mean of line width / W over every line but the last of each
paragraph, in percent.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

WIDTHS = (27, 36, 45, 54, 63, 80)
HERE = os.path.dirname(os.path.abspath(__file__))

PRONOUNS = set("я ты он мы вы их её ее ей им ти ви їх її їй ім це ця цю ті те ён яе ёй іх "
               "є де ще бы б ли ль же ж".split())
LEADS_NUMBER = re.compile(r"^(т|ст|ч|п|пп|с|гл|рис|стр|№)\.?$")
CYR = re.compile(r"[\u0400-\u04FF]")
LETTER = re.compile(r"[^\W\d_]")


def width(s):
    """Terminal columns of s (wide and full-width 2, marks 0)."""
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def language(text, hint=None):
    if hint:
        return hint
    if "ў" in text or "Ў" in text:
        return "be"
    if re.search(r"[іїєґІЇЄҐ]", text):
        return "uk"
    return "ru"


def cyrillic_paragraphs(text, hint=None):
    """Paragraphs of text that are mostly Cyrillic prose."""
    out = []
    for block in re.split(r"\n\s*\n|\n(?=\s{0,8}\S.{100,})", text):
        p = " ".join(block.split())
        if not p[:1].isalpha():
            continue	# lists, quotes, options: gloss lays them out with prefixes
        letters = LETTER.findall(p)
        if len(p) < 60 or len(p.split()) < 8 or not letters:
            continue
        if len(CYR.findall(p)) < 0.7 * len(letters):
            continue
        out.append({"text": p, "locale": language(p, hint)})
    return out


def system_texts():
    """The Russian and Ukrainian manual pages and Belarusian messages."""
    paras = []
    env = dict(os.environ, MANWIDTH="2000", LC_ALL="C.UTF-8")
    for lang in ("ru", "uk"):
        root = "/usr/share/man/" + lang
        for dirpath, _dirs, files in sorted(os.walk(root)):
            for f in sorted(files):
                try:
                    man = subprocess.run(["man", "-l", os.path.join(dirpath, f)], env=env,
                                         capture_output=True, text=True, timeout=20).stdout
                except (OSError, subprocess.SubprocessError):
                    continue
                man = re.sub(r".\x08", "", man)
                for line in man.split("\n"):
                    paras += cyrillic_paragraphs(line, lang)
    if shutil.which("msgunfmt"):
        root = "/usr/share/locale/be/LC_MESSAGES"
        for f in sorted(os.listdir(root)) if os.path.isdir(root) else []:
            po = subprocess.run(["msgunfmt", os.path.join(root, f)], capture_output=True,
                                text=True).stdout
            for m in re.finditer(r'^msgstr(?:\[\d\])? "(.*)"$', po, re.M):
                paras += cyrillic_paragraphs(m.group(1).replace("\\n", " "), "be")
    seen, uniq = set(), []
    for p in paras:
        if p["text"] not in seen:
            seen.add(p["text"])
            uniq.append(p)
    return uniq


def typograf(paras):
    node = shutil.which("node")
    if node is None:
        return None
    env = dict(os.environ)
    paths = [os.path.join(HERE, "node_modules"), os.path.join(os.getcwd(), "node_modules")]
    env["NODE_PATH"] = os.pathsep.join([env.get("NODE_PATH", "")] + paths)
    r = subprocess.run([node, os.path.join(HERE, "typograf-nbsp.js")], env=env,
                       input=json.dumps({"paragraphs": paras}), capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr[-500:])
        return None
    return json.loads(r.stdout)


SHOW = os.environ.get("TYPO_SHOW") == "1"


def greedy(text, w):
    """Break positions (indices of the spaces broken at) of a column-counting greedy wrapper."""
    breaks, lines = [], []
    words = text.split(" ")
    pos, line, col = 0, [], 0
    starts = []
    for word in words:
        starts.append(pos)
        pos += len(word) + 1
    cur_w = -1
    for k, word in enumerate(words):
        ww = width(word)
        if cur_w >= 0 and cur_w + 1 + ww > w:
            breaks.append(starts[k] - 1)
            lines.append(cur_w)
            cur_w = ww
        else:
            cur_w = ww if cur_w < 0 else cur_w + 1 + ww
    lines.append(cur_w)
    return breaks, lines


def gloss_breaks(gloss, paras, w, tmp):
    """Break positions and line widths of `gloss dump -w W`, per paragraph."""
    path = os.path.join(tmp, "paras.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n\n".join(p["text"] for p in paras) + "\n")
    env = dict(os.environ, HOME=tmp, XDG_DATA_HOME=tmp, XDG_STATE_HOME=tmp,
               XDG_CONFIG_HOME=tmp, GLOSS_DB=os.path.join(tmp, "g.db"))
    out = subprocess.run([gloss, "dump", "-w", str(w), path], env=env, capture_output=True,
                         text=True, check=True).stdout
    lines = [l for l in out.split("\n") if l.strip()]
    result, li = [], 0
    for p in paras:
        text = p["text"]
        pos, breaks, widths = 0, [], []
        for skip in range(li, min(li + 40, len(lines))):
            if text.startswith(lines[skip].strip(" ")[:12]):
                li = skip
                break
        while pos < len(text) and li < len(lines):
            line = lines[li].strip(" ")
            k = text.find(line.rstrip("-"), pos)
            if k < 0 or k - pos > 3:
                break
            li += 1
            end = k + len(line.rstrip("-"))
            widths.append(width(line))
            pos = end
            if pos < len(text) and text[pos] == " ":
                breaks.append(pos)
                pos += 1
        if pos < len(text):
            result.append(None)	# could not follow the dump; left out
            continue
        result.append((breaks, widths))
    return result


def words_around(text, k):
    a = text.rfind(" ", 0, k) + 1
    b = text.find(" ", k + 1)
    return text[a:k], text[k + 1:b if b >= 0 else len(text)]


def excluded(rule, text, k):
    left, right = words_around(text, k)
    word = left.lower().strip("«„“\"(")
    if rule.endswith("/afterShortWord") and word in PRONOUNS:
        return True
    if rule.endswith("/afterShortWordByList") and len(word) > 2:
        return True
    if rule.endswith("/afterNumber"):
        rest = text[k + 1:].split(" ")
        if LEADS_NUMBER.match(right) and len(rest) > 1 and rest[1][:1].isdigit():
            return True
    return False


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    gloss = sys.argv[1]
    if sys.argv[2:]:
        paras = []
        for f in sys.argv[2:]:
            with open(f, encoding="utf-8", errors="replace") as fh:
                paras += cyrillic_paragraphs(fh.read())
    else:
        paras = system_texts()
    if not paras:
        print("typo-report: no Cyrillic paragraphs found; skipped")
        return
    tg = typograf(paras)
    if tg is None:
        print("typo-report: node or the npm package typograf is missing "
              "(npm install typograf in bench/); skipped")
        return
    rules = tg["rules"]
    langs = {}
    for p in paras:
        langs[p["locale"]] = langs.get(p["locale"], 0) + 1
    counts = {r: [0, 0, 0] for r in rules}   # nbsp spaces, gloss breaks, greedy breaks
    union = [0, 0, 0]
    one = [0, 0, 0]     # afterShortWord after a word of one letter (target: 0)
    fill = {"gloss": [0.0, 0], "greedy": [0.0, 0]}
    skipped = 0
    with tempfile.TemporaryDirectory() as tmp:
        for w in WIDTHS:
            gb = gloss_breaks(gloss, paras, w, tmp)
            for pi, p in enumerate(paras):
                text = p["text"]
                if gb[pi] is None:
                    skipped += 1
                    continue
                g_breaks, g_widths = gb[pi]
                f_breaks, f_widths = greedy(text, w)
                for name, ws in (("gloss", g_widths), ("greedy", f_widths)):
                    for lw in ws[:-1]:
                        fill[name][0] += lw / w
                        fill[name][1] += 1
                gset, fset = set(g_breaks), set(f_breaks)
                seen = set()
                for ri, k in tg["nbsp"][pi]:
                    rule = rules[ri]
                    left, right = words_around(text, k)
                    if width(left) + 1 + width(right) > w or excluded(rule, text, k):
                        continue
                    c = counts[rule]
                    c[0] += 1
                    c[1] += k in gset
                    c[2] += k in fset
                    if SHOW and k in gset:
                        print("w%d %s: %s|%s" % (w, rule, text[max(0, k - 30):k],
                                                 text[k + 1:k + 30]), file=sys.stderr)
                    if rule.endswith("/afterShortWord") and len(left.strip("«„“\"(")) == 1:
                        one[0] += 1
                        one[1] += k in gset
                        one[2] += k in fset
                    if k not in seen:
                        seen.add(k)
                        union[0] += 1
                        union[1] += k in gset
                        union[2] += k in fset
    print("typograf %s; %d paragraphs (%s); widths %s"
          % (tg.get("version", "?"), len(paras),
             ", ".join("%s %d" % kv for kv in sorted(langs.items())),
             " ".join(map(str, WIDTHS))))
    if skipped or tg.get("changed"):
        print("left out: %d paragraph wraps gloss's output could not be followed in, "
              "%d paragraph runs where a rule changed the text" % (skipped, tg.get("changed", 0)))
    print()
    print("| typograf rule | no-break spaces | broken by gloss | broken by greedy |")
    print("|---|---|---|---|")
    for r in rules:
        c = counts[r]
        if c[0]:
            print("| %s | %d | %d | %d |" % (r, c[0], c[1], c[2]))
    print("| (afterShortWord, one-letter words) | %d | %d | %d |" % tuple(one))
    pct = 100.0 * union[1] / union[2] if union[2] else 0.0
    print("| **all rules** (each space once) | %d | %d | %d |" % tuple(union))
    print()
    print("gloss breaks %.1f %% of the greedy wrapper's count" % pct)
    for name in ("gloss", "greedy"):
        s, n = fill[name]
        print("mean line fill, %s: %.2f %%" % (name, 100.0 * s / n if n else 0.0))


if __name__ == "__main__":
    main()

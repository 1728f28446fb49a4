#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
"""gen.py - deterministic large inputs for gloss's benchmarks.

  gen.py text SIZE OUT     plain text of SIZE bytes: English and Cyrillic
                           paragraphs (separated by blank lines), built from
                           the corpus and a set of Russian, Ukrainian and
                           Belarusian sentences; the second paragraph carries
                           BENCH-HEAD-WORD and BENCH-HEAD-TEXT, the last ones
                           BENCH-SEARCH-WORD, BENCH-TAIL-TEXT and BENCH-END-MARKER
  gen.py line SIZE OUT     one line of SIZE bytes, no newline inside
  gen.py markdown SIZE OUT Markdown: headings, emphasis, links, lists,
                           quotes, <sup> note markers and an endnote section
  gen.py links COUNT OUT   Markdown: one paragraph of COUNT links
  gen.py table COUNT OUT   Markdown: a GFM table of COUNT columns, four rows
  gen.py library COUNT DIR COUNT articles of 5-20 KB (one in five Markdown),
                           each with a title, a byline, a date and mixed
                           English/Cyrillic paragraphs (for the library index)

SIZE accepts K, M and G suffixes (powers of 1024).  The first line of every
file is "BENCH-START", so a program's first paint can be recognised.
"""
import os
import random
import sys

CYRILLIC = [
    "Вчера в Москве прошло заседание, на котором А. Г. Лукашенко и президент "
    "России обсудили поставки зерна — около 20 тонн в 2022 г., т. е. меньше, "
    "чем в прошлом году.",
    "Після початку повномасштабної війни політика Києва щодо білорусів "
    "змінилася: з'явилися обмеження, і т. д.",
    "Беларускія добраахвотнікі ваююць на баку Украіны з 2014 г., а іх "
    "колькасць расце.",
    "Ёлка стояла в углу, и её огни отражались в окне — тихо и спокойно.",
    "Мо́сква и Ки́ев — столицы, о которых пишут в каждом номере журнала.",
    "См. § 3 и № 5 в приложении; проф. Иванов подтвердил данные 1990-х гг.",
]


def parse_size(s):
    mult = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    if s[-1].upper() in mult:
        return int(float(s[:-1]) * mult[s[-1].upper()])
    return int(s)


def corpus_sentences():
    here = os.path.dirname(os.path.abspath(__file__))
    corpus = os.path.join(here, "..", "corpus")
    out = []
    for name in sorted(os.listdir(corpus)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(corpus, name), encoding="utf-8") as f:
            for para in f.read().split("\n"):
                para = para.strip()
                if len(para) > 80:
                    out.append(para)
    return out


def paragraphs(rng, english):
    while True:
        if rng.random() < 0.5:
            yield rng.choice(english)
        else:
            yield " ".join(rng.choice(CYRILLIC) for _ in range(rng.randint(1, 5)))


def write_text(size, out):
    rng = random.Random(1)
    english = corpus_sentences()
    tail = ("The search for BENCH-SEARCH-WORD ends here, BENCH-TAIL-TEXT.\n\n"
            "BENCH-END-MARKER\n")
    head = "BENCH-START\n\nThe search back for BENCH-HEAD-WORD ends here, BENCH-HEAD-TEXT.\n\n"
    with open(out, "w", encoding="utf-8") as f:
        f.write(head)
        n = len(head.encode())
        limit = size - len(tail.encode())
        for para in paragraphs(rng, english):
            b = (para + "\n\n").encode()
            if n + len(b) > limit:
                break
            f.write(para + "\n\n")
            n += len(b)
        f.write(tail)


def write_line(size, out):
    rng = random.Random(2)
    words = " ".join(CYRILLIC + corpus_sentences()[:50]).split()
    tail = " BENCH-SEARCH-WORD BENCH-TAIL-TEXT BENCH-END-MARKER\n"
    with open(out, "w", encoding="utf-8") as f:
        f.write("BENCH-START ")
        n = len("BENCH-START ")
        limit = size - len(tail)
        buf = []
        while n < limit:
            w = rng.choice(words) + " "
            buf.append(w)
            n += len(w.encode())
            if len(buf) > 4096:
                f.write("".join(buf))
                buf = []
        f.write("".join(buf))
        f.write(tail)


def write_markdown(size, out):
    rng = random.Random(3)
    english = corpus_sentences()
    note = 0
    with open(out, "w", encoding="utf-8") as f:
        f.write("BENCH-START\n\n# A generated article\n\n**By A. Writer**\n\n")
        n = 0
        section = 0
        while n < size - 4096:
            section += 1
            f.write("## Section %d\n\n" % section)
            for _ in range(rng.randint(3, 8)):
                para = rng.choice(english + CYRILLIC)
                words = para.split()
                if len(words) > 6:
                    words[2] = "*" + words[2] + "*"
                    words[5] = "[" + words[5] + "](https://example.org/" + str(section) + ")"
                note += 1
                text = " ".join(words) + "<sup>%d</sup>" % note
                if rng.random() < 0.1:
                    text = "> " + text
                elif rng.random() < 0.1:
                    text = "- " + text
                f.write(text + "\n\n")
                n += len(text.encode()) + 2
        f.write("## Endnotes\n\n")
        for i in range(1, min(note, 2000) + 1):
            f.write("<sup>%d</sup> Source number %d, <https://example.org/n/%d>.\n\n" % (i, i, i))
        f.write("The search for BENCH-SEARCH-WORD ends here, BENCH-TAIL-TEXT.\n\n"
                "BENCH-END-MARKER\n")


MONTHS = ["January", "февраля", "березня", "красавіка", "May", "июня", "July", "серпня",
          "September", "октября", "листопада", "снежня"]


def write_library(count, out):
    rng = random.Random(4)
    english = corpus_sentences()
    os.makedirs(out, exist_ok=True)
    for i in range(count):
        md = i % 5 == 0
        size = rng.randint(5 * 1024, 20 * 1024)
        title = " ".join(rng.choice(english).split()[:rng.randint(4, 9)]).rstrip(".,")
        date = "%d %s %d" % (rng.randint(1, 28), rng.choice(MONTHS), rng.randint(1995, 2025))
        head = ("# %s\n\n**By Author %d**\n\n%s\n\n" if md else "%s\n\nBy Author %d\n\n%s\n\n") % (
            title, i, date)
        parts, n = [head], len(head.encode())
        for para in paragraphs(rng, english):
            if n > size:
                break
            if md and rng.random() < 0.1:
                para = "## " + " ".join(para.split()[:5])
            parts.append(para + "\n\n")
            n += len(para.encode()) + 2
        parts.append("Article marker art%05d.\n" % i)
        name = "article-%05d.%s" % (i, "md" if md else "txt")
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write("".join(parts))


def write_links(count, out):
    with open(out, "w", encoding="utf-8") as f:
        f.write("BENCH-START\n\n")
        f.write(" ".join("[w%d](https://example.org/%d)" % (i, i) for i in range(count)))
        f.write(" BENCH-END-MARKER\n")


def write_table(count, out):
    with open(out, "w", encoding="utf-8") as f:
        f.write("BENCH-START\n\n")
        f.write("| " + " | ".join("h%d" % i for i in range(count)) + " |\n")
        f.write("|" + "---|" * count + "\n")
        for r in range(3):
            f.write("| " + " | ".join("c%d.%d" % (r, i) for i in range(count)) + " |\n")
        f.write("\nBENCH-END-MARKER\n")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    if sys.argv[1] in ("library", "links", "table"):
        {"library": write_library, "links": write_links,
         "table": write_table}[sys.argv[1]](int(sys.argv[2]), sys.argv[3])
        return
    kind, size, out = sys.argv[1], parse_size(sys.argv[2]), sys.argv[3]
    {"text": write_text, "line": write_line, "markdown": write_markdown}[kind](size, out)


if __name__ == "__main__":
    main()

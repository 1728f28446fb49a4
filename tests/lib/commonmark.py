#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
"""commonmark.py - the CommonMark 0.31.2 spec examples and the GFM 0.29
extension examples (vendored in tests/data/commonmark/, see LICENSE there) as a
test of gloss's Markdown loader.

  commonmark.py MD_SPEC SRCDIR

MD_SPEC (tests/lib/md_spec) prints, for every example, the spec's HTML, the
HTML of the libcmark-gfm on this machine and gloss's blocks.  For each
example (one TAP line each):
  * gloss keeps the visible text of what the library parsed: the text of
    its blocks equals the visible text of libcmark-gfm's HTML (white space
    aside), every list item has its marker, every thematic break is kept;
  * the library's visible text equals the spec's, except for the examples
    listed in OLDER below, where Debian 12's cmark-gfm 0.29 follows an older
    spec; an example listed there that now agrees fails too (the list must
    stay true);
  * DESIGN lists where gloss shows, on purpose, other text than the spec's
    HTML: there gloss's text must be the one written.
Visible text: text nodes (not inside script or style), image alt text,
NFC; white space removed, so wrapping does not matter.
"""
import html.parser
import json
import re
import os
import subprocess
import sys
import unicodedata

# Examples where libcmark-gfm 0.29.0.gfm.6 (Debian 12) renders other visible
# text than spec 0.31.2 says (the spec changed after 0.29).
OLDER = {
    "spec": {
        28: "a numeric reference beyond U+10FFFF is U+FFFD (0.31: left as text)",
        171: "<textarea> does not start an HTML block (added in 0.30)",
        354: "Unicode symbols are not punctuation for emphasis flanking (0.31)",
        625: "an HTML comment may not contain -- (0.31 allows it)",
        626: "<!--> and <!---> are not comments (0.31 makes them so)",
    },
    "gfm": {},
}

# Examples where gloss shows on purpose what the spec's HTML does not: the
# tag filter escapes <title>, <style>, <xmp> … for browsers; gloss drops
# every tag and keeps the text between them, so its blocks hold this text.
DESIGN = {
    "gfm": {657: "isdisallowed.isalsodisallowed."},
}


class Visible(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip, self.li, self.hr = [], 0, 0, 0
        self.after_hr = False

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "img":
            self.out.append(dict(attrs).get("alt") or "")
        elif tag == "li":
            self.li += 1
        elif tag == "hr" and not self.after_hr:
            self.hr += 1    # a run of breaks with nothing between shows as one
        self.after_hr = tag == "hr" or (self.after_hr and tag not in ("img", "li"))

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)
            self.after_hr = self.after_hr and not data.strip()


def squeeze(s):
    # gloss joins table cells with " │ " (U+2502): not compared
    return "".join(unicodedata.normalize("NFC", s).replace("\u2502", " ").split())


def visible(h):
    p = Visible()
    p.feed(re.sub(r"<\?.*?\?>", "", h, flags=re.S))   # processing instructions
    p.close()
    return squeeze("".join(p.out)), p.li, p.hr


def gloss_side(blocks):
    text = squeeze("".join(b["text"] for b in blocks))
    # a list item's marker is its label; nested items carry their parents' too
    items = sum(len(b["label"].split()) for b in blocks
                if b["label"] is not None and b["kind"] != "note")
    rules = sum(b["rule"] for b in blocks)
    return text, items, rules


def main():
    md_spec, srcdir = sys.argv[1], sys.argv[2]
    n = failed = 0
    for name, path in (("spec", "spec-0.31.2.json"), ("gfm", "gfm-0.29-extensions.json")):
        out = subprocess.run([md_spec, os.path.join(srcdir, "tests", "data", "commonmark", path)],
                             check=True, capture_output=True, text=True).stdout
        for line in out.splitlines():
            ex = json.loads(line)
            num = ex["example"]
            spec, _, _ = visible(ex["spec"])
            lib, li, hr = visible(ex["cmark"])
            text, items, rules = gloss_side(ex["blocks"])
            problems = []
            design = DESIGN.get(name, {}).get(num)
            if design is not None:
                lib = spec = design
            if text != lib:
                problems.append("text %r, library's %r" % (text, lib))
            if items != li:
                problems.append("%d list markers, library's %d items" % (items, li))
            if rules != hr and ex["blocks"]:    # breaks alone, with no text, show nothing
                problems.append("%d rules, library's %d" % (rules, hr))
            older = num in OLDER[name]
            if older and lib == spec:
                problems.append("listed as older spec but the library agrees now")
            elif not older and lib != spec:
                problems.append("library %r, spec %r" % (lib, spec))
            n += 1
            desc = "%s example %d (%s)" % (name, num, ex["section"])
            if problems:
                failed += 1
                print("not ok %d - %s: %s" % (n, desc, "; ".join(problems)))
            else:
                print("ok %d - %s" % (n, desc))
    print("1..%d" % n)
    print("# %d passed, %d failed" % (n - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

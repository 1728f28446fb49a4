#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
"""layers.py — the module layers of docs/design.md hold in the source (TAP).

A module is include/gloss/NAME.h with src/NAME.c and every src/NAME_*.c and
src/NAME_*.h (a file belongs to the longest NAME that has a public header;
src/main.c is the module `main`).  Its edges are the `#include "gloss/X.h"`
and `#include "X.h"` lines of all its files.  The layers are the table of
the section "Layers" of docs/design.md: each row a layer, from the bottom.

Checked: every module is in exactly one layer; no module includes a header
of a layer above its own; modules never include each other around a cycle
(within a layer either); a private header (src/X.h) is included only by its
own module.  Every failure names the file and line of the include.

Usage: layers.py TOP_SRCDIR
"""
import glob
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"(gloss/)?([A-Za-z0-9_]+)\.h"')


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, good, what, diag=()):
        self.n += 1
        print(("ok" if good else "not ok") + " %d - %s" % (self.n, what))
        if not good:
            self.failed += 1
            for line in diag:
                print("#   " + line)

    def done(self):
        print("1..%d" % self.n)
        return 1 if self.failed else 0


def read_layers(design):
    """[(layer name, [modules])] from the table under '## Layers'."""
    layers, inside = [], False
    with open(design, encoding="utf-8") as f:
        for line in f:
            if line.startswith("## "):
                inside = line.strip() == "## Layers"
                continue
            if not inside or not line.startswith("|"):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) < 3 or not cells[0].isdigit():
                continue	# the header row and the rule under it
            layers.append((cells[1], re.findall(r"`([a-z0-9_]+)`", cells[2])))
    return layers


def module_of(path, public):
    """The module a source file belongs to."""
    name = os.path.basename(path).rsplit(".", 1)[0]
    if os.sep + "include" + os.sep in path:
        return name
    parts = name.split("_")
    for i in range(len(parts), 0, -1):
        if "_".join(parts[:i]) in public:
            return "_".join(parts[:i])
    return name


def scan(top):
    """Modules, edges {(a, b): [(file, line, text)]} and private includes."""
    public = {os.path.basename(h)[:-2] for h in glob.glob(os.path.join(top, "include/gloss/*.h"))}
    private = {os.path.basename(h)[:-2] for h in glob.glob(os.path.join(top, "src/*.h"))}
    files = sorted(glob.glob(os.path.join(top, "src/*.[ch]")) +
                   glob.glob(os.path.join(top, "include/gloss/*.h")))
    modules, edges, foreign = set(), {}, []
    for path in files:
        mod = module_of(path, public)
        modules.add(mod)
        rel = os.path.relpath(path, top)
        with open(path, encoding="utf-8", errors="replace") as f:
            for no, line in enumerate(f, 1):
                m = INCLUDE.match(line)
                if not m or m.group(2) == "config":
                    continue
                name = m.group(2)
                if m.group(1):
                    target = name
                elif name in private:
                    target = module_of(os.path.join(top, "src", name + ".h"), public)
                    if target != mod:
                        foreign.append("%s:%d: %s includes %s, private to %s"
                                       % (rel, no, mod, line.strip(), target))
                else:
                    continue
                if target != mod:
                    edges.setdefault((mod, target), []).append((rel, no, line.strip()))
    return modules, edges, foreign


def cycles(modules, edges):
    """The strongly connected components with more than one module (Tarjan)."""
    succ = {m: sorted(b for (a, b) in edges if a == m) for m in modules}
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in succ[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(modules):
        if v not in index:
            visit(v)
    return out


def cycle_path(comp, edges):
    """One cycle through the first module of comp, as its includes."""
    inside = set(comp)
    start = comp[0]
    prev, queue = {start: None}, [start]
    while queue:	# breadth first, back to start
        a = queue.pop(0)
        for (x, b) in sorted(edges):
            if x != a or b not in inside:
                continue
            if b == start:
                path = [(a, b)]
                while prev[a] is not None:
                    path.append((prev[a], a))
                    a = prev[a]
                return list(reversed(path))
            if b not in prev:
                prev[b] = a
                queue.append(b)
    return []


def main():
    top = sys.argv[1] if len(sys.argv) > 1 else "."
    tap = Tap()
    layers = read_layers(os.path.join(top, "docs/design.md"))
    modules, edges, foreign = scan(top)
    level, where = {}, {}
    dup = []
    for i, (name, mods) in enumerate(layers):
        for m in mods:
            if m in level:
                dup.append("%s is in both %s and %s" % (m, where[m], name))
            level[m], where[m] = i, name
    tap.ok(len(layers) > 0, "docs/design.md has a Layers table (%d layers)" % len(layers))
    missing = sorted(modules - set(level))
    stale = sorted(set(level) - modules)
    tap.ok(not missing and not dup,
           "every module is in exactly one layer",
           ["%s has no layer: add it to the Layers table of docs/design.md" % m for m in missing] + dup)
    tap.ok(not stale, "every module of the Layers table exists",
           ["%s is in the table but has no header or source" % m for m in stale])
    upward = []
    for (a, b), places in sorted(edges.items()):
        if a in level and b in level and level[b] > level[a]:
            for rel, no, text in places:
                upward.append("%s:%d: %s (%s) includes %s (%s, above it): %s"
                              % (rel, no, a, where[a], b, where[b], text))
    tap.ok(not upward, "no module includes a module of a higher layer", upward)
    diag = []
    for comp in cycles(modules, edges):
        diag.append("cycle {%s}:" % ", ".join(comp))
        for a, b in cycle_path(comp, edges):
            rel, no, text = edges[(a, b)][0]
            diag.append("  %s:%d: %s -> %s: %s" % (rel, no, a, b, text))
    tap.ok(not diag, "no modules include each other around a cycle", diag)
    tap.ok(not foreign, "private headers are included only by their own module", foreign)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
"""run.py - gloss's benchmarks (`make bench`).

  run.py GLOSS OUTDIR [--quick] [--markdown]

Generates the inputs under OUTDIR (once), then measures in the same run
gloss against the tools a reader would otherwise use, and writes
OUTDIR/results.md (also printed):
  - `gloss dump -w 80` throughput against `fmt -w 80` and `fold -s -w 80`
    (100 MB of English and Cyrillic text);
  - in a pseudo-terminal (120x40): time to the first screen, to the end
    (`G`) and to a search hit near the end, gloss against `less`, and
    gloss's peak memory while showing the first screen (1 GB of text);
    the first screen against less (wall and CPU time) and the search forward and backward
    against `grep -i -c`, in alternate runs (the ratios of the issue);
  - every key on a 64 MiB single line answering within a second;
  - first screen, `G`, `50%`, a search to the end and peak memory of 1 MB,
    20 MB and 200 MB Markdown files (gloss against `less`; the search also
    on the same bytes read as plain text), and the 20 MB file's search
    against grep;
  - the library index (bench/bench_catalog over 10,000 generated articles:
    build MB/s, queries);
  - and, once the store exists, annotation figures (see the bench_*
    drivers).
--quick uses 10 MB / 50 MB / 8 MiB / 4 MB inputs (to try the harness);
--markdown measures only the Markdown files.
"""
import json
import os
import platform
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def sh(*cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def generate(kind, size, path):
    stale = False
    if kind == "text" and os.path.exists(path):
        with open(path, "rb") as f:
            stale = b"BENCH-HEAD-WORD" not in f.read(256)   # made by an older gen.py
    if stale or not os.path.exists(path) or os.path.getsize(path) < 1024:
        print("generating %s (%s)" % (path, size), flush=True)
        subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), kind, size, path],
                       check=True)
    return path


def timeit(runs, path, *cmd):
    out = sh(sys.executable, os.path.join(HERE, "timeit.py"), str(runs), path, "--", *cmd)
    return json.loads(out)


def pty(steps, cmd, runs=3, env=(), size="120x40", timeout=600):
    args = [sys.executable, os.path.join(HERE, "ptybench.py"), "--size", size,
            "--runs", str(runs), "--timeout", str(timeout)]
    for e in env:
        args += ["--env", e]
        if e.startswith("GLOSS_DB=") and "highlights" not in e:
            args += ["--fresh", e[len("GLOSS_DB="):]]   # every run is a first open
    for kind, value in steps:
        args += ["--" + kind, value]
    proc = subprocess.run(args + ["--"] + list(cmd), capture_output=True, text=True)
    return json.loads(proc.stdout)


def ms(x):
    return "timeout" if x is None else "%.1f ms" % (x * 1000)


def ratio(a, b):
    return "—" if a is None or b is None or b == 0 else "%.2f" % (a / b)


def markdown_figures(gloss, out, env, quick):
    """First screen, G, 50%, search to the end and peak RSS of Markdown files, beside less.

    Files up to 8 MiB are parsed whole, larger ones in chunks (docs/markdown.md).
    The search is also timed on the same bytes read as plain text (a .txt link).
    """
    sizes = ("1M", "4M", "20M") if quick else ("1M", "20M", "200M")
    steps = [("expect", "BENCH-START"), ("keys", "G"), ("expect", "BENCH-END-MARKER"),
             ("keys", "g"), ("expect", "BENCH-START"), ("keys", "50%"), ("settle", "300"),
             ("keys", "g"), ("expect", "BENCH-START"), ("keys", "/BENCH-SEARCH-WORD\\r"),
             ("expect", "BENCH-TAIL-TEXT")]
    search = [("expect", "BENCH-START"), ("keys", "/BENCH-SEARCH-WORD\\r"),
              ("expect", "BENCH-TAIL-TEXT")]
    rows = ["## Markdown files against less (120×40 pseudo-terminal, median of 3)", "",
            "| file | step | gloss | less | gloss / less |", "|---|---|---|---|---|"]
    rss = []
    for size in sizes:
        md = generate("markdown", size, os.path.join(out, "article-%s.md" % size))
        txt = md[:-3] + ".txt"
        if not os.path.exists(txt):
            os.link(md, txt)
        g = pty(steps, [gloss, md], env=env)
        l = pty(steps, ["less", md], env=env)
        t = pty(search, [gloss, txt], runs=1, env=env)
        for i, name in ((0, "first screen"), (1, "`G` (end)"), (3, "`50%`"),
                        (5, "search to the end")):
            rows.append("| %s | %s | %s | %s | %s |" % (size, name, ms(g["median"][i]),
                        ms(l["median"][i]), ratio(g["median"][i], l["median"][i])))
        rows.append("| %s | search, the same bytes as plain text | %s | | |"
                    % (size, ms(t["median"][1])))
        rss.append("%s: %.1f MiB (less %.1f MiB)" % (size, (g["rss_kib"] or 0) / 1024,
                                                    (l["rss_kib"] or 0) / 1024))
    return rows + ["", "Peak RSS of gloss over the steps: " + "; ".join(rss) +
                   " (target ≤ 64 MiB at any size).", ""]


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return "%s, %d CPUs, %s %s" % (cpu, os.cpu_count() or 0, platform.system(), platform.release())


def first_vs_less(gloss, big, size, env, rounds):
    """The first screen of gloss against less's, in alternate runs: wall and CPU time."""
    walls, cpus, rows = [], [], []

    def one(cmd):
        r = pty([("expect", "BENCH-START")], cmd, runs=1, env=env)
        return r["median"][0], (r.get("cpu_median") or [None])[0]
    for i in range(rounds):
        g, gc = one([gloss, big])
        l, lc = one(["less", big])
        walls.append(None if g is None or not l else g / l)
        cpus.append(None if gc is None or not lc else gc / lc)
        rows.append("| %d | %s | %s | %s | %s | %s | %s |" % (
            i + 1, ms(g), ms(l), ratio(g, l), ms(gc), ms(lc), ratio(gc, lc)))

    def med(v):
        v = sorted(x for x in v if x is not None)
        return "—" if not v else "%.2f (%.2f–%.2f)" % (v[len(v) // 2], v[0], v[-1])
    return ["## First screen against less (%s of text, 120×40 pseudo-terminal, runs alternated)"
            % size, "", "From the start of the program to `BENCH-START` (the first line) on "
            "screen; CPU: the time the program (all its threads) had run by then "
            "(`ptybench.py`, /proc/PID/task/*/schedstat), which the machine's load does not "
            "stretch.  Load average at the start: %s." % load(), "",
            "| round | gloss | less | ratio | gloss CPU | less CPU | CPU ratio |",
            "|---|---|---|---|---|---|---|"] + rows + [
            "", "Median ratio gloss / less (range): wall **%s×**, CPU **%s×** (target ≤ 1×)."
            % (med(walls), med(cpus)), ""]


def load():
    try:
        return "%.2f" % os.getloadavg()[0]
    except OSError:
        return "unknown"


def search_vs_grep(gloss, big, size, env, rounds, back_word="BENCH-HEAD-WORD",
                   back_text="BENCH-HEAD-TEXT"):
    """The pager's search to the end and back against `grep -i -c`, in alternate runs."""
    grep_env = dict(os.environ, LC_ALL="C.UTF-8")
    fwd = [("expect", "BENCH-START"), ("keys", "/BENCH-SEARCH-WORD\\r"),
           ("expect", "BENCH-TAIL-TEXT")]
    back = [("expect", "BENCH-START"), ("keys", "G"), ("expect", "BENCH-END-MARKER"),
            ("keys", "?%s\\r" % back_word), ("expect", back_text)]
    rows, ratios = [], {"fwd": [], "back": []}
    for i in range(rounds):
        g = pty(fwd, [gloss, big], runs=1, env=env)["median"][1]
        r = json.loads(sh(sys.executable, os.path.join(HERE, "timeit.py"), "1", big, "--", "grep",
                          "-i", "-c", "BENCH-SEARCH-WORD", big, env=grep_env))["best"]
        b = pty(back, [gloss, big], runs=1, env=env)["median"][2]
        rb = json.loads(sh(sys.executable, os.path.join(HERE, "timeit.py"), "1", big, "--", "grep",
                           "-i", "-c", "BENCH-SEARCH-WORD", big, env=grep_env))["best"]
        ratios["fwd"].append(None if g is None else g / r)
        ratios["back"].append(None if b is None else b / rb)
        rows.append("| %d | %s | %s | %s | %s | %s | %s |" % (
            i + 1, ms(g), ms(r), ratio(g, r), ms(b), ms(rb), ratio(b, rb)))

    def med(v):
        v = sorted(x for x in v if x is not None)
        return "—" if not v else "%.2f" % v[len(v) // 2]
    return ["## Search against grep (%s of text, 120×40 pseudo-terminal, runs alternated)" % size,
            "",
            "`/BENCH-SEARCH-WORD` from the top (a word in the last paragraph) and, after `G`, "
            "`?%s` (a word at the top), timed from Enter to the hit " % back_word +
            "on screen; `grep -i -c BENCH-SEARCH-WORD FILE` (LC_ALL=C.UTF-8, the whole file "
            "read) run after each.", "",
            "| round | gloss `/` | grep -i | ratio | gloss `?` | grep -i | ratio |",
            "|---|---|---|---|---|---|---|"] + rows + [
            "", "Median ratio gloss / grep: forward **%s×**, backward **%s×** (target ≤ 2×)."
            % (med(ratios["fwd"]), med(ratios["back"])), ""]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    gloss, out = os.path.abspath(sys.argv[1]), sys.argv[2]
    quick = "--quick" in sys.argv
    if "--markdown" in sys.argv:    # only the Markdown figures
        os.makedirs(out, exist_ok=True)
        env = ["GLOSS_DB=%s" % os.path.join(out, "bench.db"), "LC_ALL=C.UTF-8",
               "LESSHISTFILE=-", "LESS="]
        print("\n".join(markdown_figures(gloss, out, env, quick)))
        return
    os.makedirs(out, exist_ok=True)
    sizes = ("10M", "50M", "8M", "4M") if quick else ("100M", "1G", "64M", "20M")
    text = generate("text", sizes[0], os.path.join(out, "text-%s.txt" % sizes[0]))
    big = generate("text", sizes[1], os.path.join(out, "text-%s.txt" % sizes[1]))
    line = generate("line", sizes[2], os.path.join(out, "line-%s.txt" % sizes[2]))
    env = ["GLOSS_DB=%s" % os.path.join(out, "bench.db"), "LC_ALL=C.UTF-8",
           "LESSHISTFILE=-", "LESS="]
    report = ["# gloss benchmarks", "", "Machine: " + machine(), ""]

    # 1. dump throughput
    print("dump throughput…", flush=True)
    g = timeit(3, text, gloss, "dump", "-w", "80", text)
    f = timeit(3, text, "fmt", "-w", "80", text)
    fo = timeit(3, text, "fold", "-s", "-w", "80", text)
    report += ["## `gloss dump -w 80` throughput (%s of text, best of 3)" % sizes[0], "",
               "| command | seconds | MB/s | peak RSS |", "|---|---|---|---|"]
    for name, r in (("gloss dump -w 80", g), ("fmt -w 80", f), ("fold -s -w 80", fo)):
        report.append("| `%s` | %.2f | %.1f | %.1f MiB |" % (name, r["best"], r["mb_s"],
                                                            r["rss_kib"] / 1024))
    report += ["", "gloss / fmt throughput: **%.2f×** (target ≥ 1×); gloss / fold: %.2f×."
               % (g["mb_s"] / f["mb_s"], g["mb_s"] / fo["mb_s"]), ""]

    # 2. pager against less on the large file
    print("pager against less…", flush=True)
    paint_g = [("expect", "BENCH-START"), ("keys", "G"), ("expect", "BENCH-END-MARKER")]
    search = [("expect", "BENCH-START"), ("keys", "/BENCH-SEARCH-WORD\\r"),
              ("expect", "BENCH-TAIL-TEXT")]
    gp = pty(paint_g, [gloss, big], env=env)
    lp = pty(paint_g, ["less", big], env=env)
    gs = pty(search, [gloss, big], runs=1, env=env)
    ls = pty(search, ["less", big], runs=1, env=env)
    first = pty([("expect", "BENCH-START")], [gloss, big], runs=3, env=env)
    report += ["## Pager against less (%s of text, 120×40 pseudo-terminal, median of 3)"
               % sizes[1], "",
               "| step | gloss | less | gloss / less | target |", "|---|---|---|---|---|",
               "| first screen | %s | %s | %s | ≤ 1 |" % (ms(gp["median"][0]), ms(lp["median"][0]),
                                                     ratio(gp["median"][0], lp["median"][0])),
               "| `G` (end) | %s | %s | %s | ≤ 3 |" % (ms(gp["median"][1]), ms(lp["median"][1]),
                                                  ratio(gp["median"][1], lp["median"][1])),
               "| search hit near the end | %s | %s | %s | ≤ 1 |" % (
                   ms(gs["median"][1]), ms(ls["median"][1]),
                   ratio(gs["median"][1], ls["median"][1])),
               "", "Peak RSS of gloss showing the first screen: **%.1f MiB** (target ≤ 64 MiB); "
               "less: %.1f MiB." % ((first["rss_kib"] or 0) / 1024, (lp["rss_kib"] or 0) / 1024),
               ""]

    # 2a. the first screen against less, interleaved
    print("first screen against less…", flush=True)
    report += first_vs_less(gloss, big, sizes[1], env, 7)

    # 2b. search against grep, interleaved
    print("search against grep…", flush=True)
    report += search_vs_grep(gloss, big, sizes[1], env, 3)

    # 3. the 64 MiB line
    print("single line…", flush=True)
    steps = [("expect", "BENCH-START"), ("keys", "G"), ("expect", "BENCH-END-MARKER"),
             ("keys", "g"), ("expect", "BENCH-START"), ("keys", "50%"), ("settle", "300"),
             ("keys", "j"), ("settle", "300"), ("keys", "k"), ("settle", "300"),
             ("keys", " "), ("settle", "300"), ("keys", "/BENCH-SEARCH-WORD\\r"),
             ("expect", "BENCH-TAIL-TEXT")]
    names = ["first screen", "G", "g", "50%", "j", "k", "Space", "search to the end"]
    lr = pty(steps, [gloss, line], runs=1, env=env)
    worst = max((t for t in lr["median"] if t is not None), default=None)
    report += ["## A %s single line (every key within 1 s)" % sizes[2], "",
               "| key | time |", "|---|---|"]
    report += ["| %s | %s |" % (n, ms(t)) for n, t in zip(names, lr["median"])]
    report += ["", "Slowest: **%s** (target ≤ 1000 ms)." % ms(worst), ""]

    # 4. Markdown
    print("markdown…", flush=True)
    report += markdown_figures(gloss, out, env, quick)
    md = generate("markdown", sizes[3], os.path.join(out, "article-%s.md" % sizes[3]))
    report += search_vs_grep(gloss, md, sizes[3] + " Markdown", env, 3,
                             back_word="A. Writer", back_text="A. Writer")

    # 4b. hostile Markdown: layout and present must stay linear in spans
    print("hostile markdown…", flush=True)
    rows = ["## Hostile Markdown (`gloss dump -w 80`, best of 3)", "",
            "| input | seconds | peak RSS | budget |", "|---|---|---|---|"]
    for kind, count, budget in (("links", 10000, None), ("links", 100000, None),
                                ("links", 300000, 1.0), ("table", 10000, 2.0)):
        path = os.path.join(out, "%s-%d.md" % (kind, count))
        if not os.path.exists(path):
            subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), kind, str(count), path],
                           check=True)
        r = timeit(3, path, gloss, "dump", "-w", "80", path)
        rows.append("| %s | %.2f | %.1f MiB | %s |" % (
            "one paragraph of %d links" % count if kind == "links" else
            "a table of %d columns" % count, r["best"], r["rss_kib"] / 1024,
            "—" if budget is None else "≤ %.0f s: **%s**" % (
                budget, "holds" if r["best"] <= budget else "OVER")))
    # the reader on the links: its first screen (w5 is on it) and q answered
    first = pty([("expect", "w5"), ("keys", "q")],
                [gloss, os.path.join(out, "links-300000.md")], runs=3, env=env, size="80x24")
    rows += ["", "The reader's first screen of the 300,000 links (80×24, median of 3): %s%s." % (
        ms(first["median"][0]), "" if first["ok"] else " (not every run painted it)")]
    report += rows + [""]

    # 5. a document carrying 10,000 highlights
    mk = os.path.join(os.path.dirname(gloss), "bench", "mkhighlights")
    if os.path.exists(mk):
        print("10,000 highlights…", flush=True)
        doc = os.path.join(out, "highlighted-1M.txt")
        with open(text, "rb") as src, open(doc, "wb") as dst:
            dst.write(src.read(1 << 20))
        db = os.path.join(out, "highlights.db")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        added = sh(mk, db, doc, "10000").strip()
        hl_env = [e for e in env if not e.startswith("GLOSS_DB=")] + ["GLOSS_DB=" + db]
        plain_env = [e for e in env if not e.startswith("GLOSS_DB=")] + \
            ["GLOSS_DB=" + os.path.join(out, "empty.db")]
        with_hl = pty([("expect", "BENCH-START")], [gloss, doc], runs=5, env=hl_env)
        without = pty([("expect", "BENCH-START")], [gloss, doc], runs=5, env=plain_env)
        report += ["## Opening a 1 MB document that carries %s highlights (median of 5)" % added, "",
                   "| | first screen |", "|---|---|",
                   "| with the highlights | %s |" % ms(with_hl["median"][0]),
                   "| without annotations | %s |" % ms(without["median"][0]),
                   "", "Target: ≤ 50 ms.", ""]

    # 6. drivers of the other modules, when built
    for driver in ("bench_anchor", "bench_store", "bench_export", "bench_index"):
        path = os.path.join(os.path.dirname(gloss), "bench", driver)
        if os.path.exists(path):
            print(driver + "…", flush=True)
            res = subprocess.run([path], capture_output=True, text=True)
            report += ["## %s" % driver, "", "```", res.stdout.strip(), "```", ""]

    # 7. the library index over generated articles
    path = os.path.join(os.path.dirname(gloss), "bench", "bench_catalog")
    if os.path.exists(path):
        count = 1000 if quick else 10000
        lib = os.path.join(out, "library-%d" % count)
        if not os.path.isdir(lib):
            print("generating %s (%d articles)" % (lib, count), flush=True)
            subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), "library", str(count),
                            lib], check=True)
        print("bench_catalog…", flush=True)
        res = subprocess.run([path, lib], capture_output=True, text=True)
        report += ["## bench_catalog (library index, %d articles)" % count, "",
                   "Load average at the start: %s; `build from CPU time` is the rate two free "
                   "processors would allow (the writer thread, or half of all the work)." % load(),
                   "", "```",
                   res.stdout.strip(), "```", ""]

    text_out = "\n".join(report) + "\n"
    with open(os.path.join(out, "results.md"), "w") as fh:
        fh.write(text_out)
    print(text_out)


if __name__ == "__main__":
    if shutil.which("less") is None or shutil.which("fmt") is None:
        sys.exit("make bench needs less and fmt")
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
"""timeit.py - best wall time and peak memory of a command.

  timeit.py RUNS INPUT -- COMMAND [ARG]...

Runs COMMAND RUNS times with its output sent to /dev/null and prints one
JSON object: {"best": seconds, "runs": [...], "rss_kib": peak, "mb_s":
size of INPUT in MB / best seconds}.
"""
import json
import os
import subprocess
import sys
import time


def main():
    if "--" not in sys.argv or len(sys.argv) < 5:
        sys.exit(__doc__)
    runs, path = int(sys.argv[1]), sys.argv[2]
    cmd = sys.argv[sys.argv.index("--") + 1:]
    times, rss = [], 0
    for _ in range(runs):
        start = time.monotonic()
        with open(os.devnull, "wb") as null:
            proc = subprocess.Popen(cmd, stdout=null)
            _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.monotonic() - start)
        rss = max(rss, usage.ru_maxrss)
        if status != 0:
            sys.exit("command failed: %s" % " ".join(cmd))
    best = min(times)
    size = os.path.getsize(path)
    print(json.dumps({"best": best, "runs": times, "rss_kib": rss,
                      "mb_s": size / 1e6 / best}))


if __name__ == "__main__":
    main()

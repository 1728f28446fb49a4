#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
"""ptybench.py - time a full-screen program in a pseudo-terminal.

  ptybench.py [--size COLSxROWS] [--term TERM] [--timeout S] [--runs N]
              [--env K=V]... STEP... -- COMMAND [ARG]...

Steps run in order; each timed step is measured from the end of the step
before it (the first from the start of the program):
  --expect TEXT   wait until TEXT appears in the screen output written since
                  the previous step (escape sequences removed first)
  --keys KEYS     type KEYS (Python string escapes: \\r, \\x1b ...)
  --pause MS      wait MS milliseconds, reading output (not timed)
  --settle MS     wait until output came and then stopped for MS ms; the
                  time is that of the last byte (for keys whose result has
                  no known text, such as scrolling by a line)
Then the program's peak resident memory is read (VmHWM) and it is terminated.
  --fresh FILE    remove FILE (and FILE-wal, FILE-shm) before each run, so
                  that every run opens the document for the first time
                  (gloss would otherwise reopen it where the last run left)

Prints one JSON object: {"runs": [[secs or null, ...], ...], "median": [...],
"cpu": [[secs, ...], ...], "cpu_median": [...], "rss_kib": peak of the runs,
"ok": true if every expected text appeared}.  "cpu" is the CPU time the
program (all its threads, /proc/PID/task/*/schedstat) had used when each
--expect text appeared, counted from its start: under load it stays what
a quiet machine would give, where wall times grow with the queue.
Only the Python standard library is used.
"""
import argparse
import codecs
import fcntl
import json
import os
import re
import select
import signal
import statistics
import struct
import sys
import termios
import time

# CSI, OSC, other ESC sequences, and the C0 controls curses uses for moving.
STRIP = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|"
                   rb"\x1b[()][0-9A-Za-z]|\x1b[=>78DEHMNOcZ\\]|[\x08\x0e\x0f]")


class Program:
    def __init__(self, argv, cols, rows, env):
        self.pid, self.fd = self._spawn(argv, cols, rows, env)
        self.seen = bytearray()
        self.done = False

    @staticmethod
    def _spawn(argv, cols, rows, env):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        pid = os.fork()
        if pid == 0:
            os.close(master)
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
            for fd in (0, 1, 2):
                os.dup2(slave, fd)
            try:
                os.execvpe(argv[0], argv, env)
            finally:
                os._exit(127)
        os.close(slave)
        return pid, master

    def read(self, timeout):
        """Reads what arrives within timeout seconds; returns the byte count (0 at EOF)."""
        if self.done:
            time.sleep(min(max(timeout, 0.0), 0.01))
            return 0
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return 0
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            data = b""
        if not data:
            self.done = True
            return 0
        self.seen.extend(data)
        return len(data)

    def expect(self, text, deadline):
        while True:
            if text in STRIP.sub(b"", bytes(self.seen)):
                self.seen.clear()
                return True
            if time.monotonic() > deadline or self.done:
                return False
            self.read(min(0.2, deadline - time.monotonic()))

    def settle(self, quiet, deadline):
        """Time of the last byte once output stopped for `quiet` seconds."""
        last = None
        while time.monotonic() < deadline:
            if self.read(quiet if last is None else max(0.0, last + quiet - time.monotonic())):
                last = time.monotonic()
            elif last is not None and time.monotonic() - last >= quiet:
                self.seen.clear()
                return last
            if self.done:
                return last
        return None

    def cpu(self):
        """Seconds on a CPU so far, over the program's threads (None if unknown)."""
        total = 0
        try:
            for tid in os.listdir("/proc/%d/task" % self.pid):
                with open("/proc/%d/task/%s/schedstat" % (self.pid, tid)) as f:
                    total += int(f.read().split()[0])
        except (OSError, ValueError, IndexError):
            return None
        return total / 1e9

    def keys(self, data):
        while self.read(0):
            pass
        self.seen.clear()
        os.write(self.fd, data)

    def peak_rss(self):
        """The program's own peak RSS in KiB (VmHWM of its image since exec), None if unknown.

        wait4's ru_maxrss would not do: Linux keeps in it the high-water mark of
        the image before exec, which here is this Python process's, forked."""
        try:
            with open("/proc/%d/status" % self.pid) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1])
        except (OSError, ValueError, IndexError):
            pass
        return None

    def stop(self):
        """Terminates the program; returns its peak RSS in KiB."""
        usage = None
        hwm = self.peak_rss()
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.pid, sig)
            except ProcessLookupError:
                pass
            end = time.monotonic() + 3
            while time.monotonic() < end:
                pid, _, usage = os.wait4(self.pid, os.WNOHANG)
                if pid == self.pid:
                    os.close(self.fd)
                    return hwm if hwm is not None else usage.ru_maxrss
                self.read(0.02)
        os.close(self.fd)
        return None


def run_once(args, env):
    for path in args.fresh:
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
    prog = Program(args.command, args.cols, args.rows, env)
    start = time.monotonic()
    deadline = start + args.timeout
    times, cpu, ok = [], [], True
    for kind, value in args.steps:
        if kind == "keys":
            prog.keys(codecs.decode(value, "unicode_escape").encode("utf-8"))
            start = time.monotonic()
        elif kind == "pause":
            end = time.monotonic() + int(value) / 1000
            while time.monotonic() < end:
                prog.read(end - time.monotonic())
            prog.seen.clear()
            start = time.monotonic()
        elif kind == "settle":
            last = prog.settle(int(value) / 1000, deadline)
            times.append(None if last is None else last - start)
            ok = ok and last is not None
            start = time.monotonic()
        else:
            text = codecs.decode(value, "unicode_escape").encode("utf-8")
            if prog.expect(text, deadline):
                now = time.monotonic()
                cpu.append(prog.cpu())
                times.append(now - start)
                start = now
            else:
                times.append(None)
                ok = False
                break
    rss = prog.stop()
    return times, cpu, rss, ok


class Step(argparse.Action):
    def __call__(self, parser, ns, value, option=None):
        ns.steps = (getattr(ns, "steps", None) or []) + [(option.lstrip("-"), value)]


def main():
    argv = sys.argv[1:]
    if "--" not in argv:
        sys.exit(__doc__)
    cut = argv.index("--")
    p = argparse.ArgumentParser(usage=__doc__)
    p.add_argument("--size", default="120x40")
    p.add_argument("--term", default="xterm-256color")
    p.add_argument("--timeout", type=float, default=300)
    p.add_argument("--runs", type=int, default=1)
    p.add_argument("--env", action="append", default=[])
    p.add_argument("--fresh", action="append", default=[])
    for step in ("expect", "keys", "pause", "settle"):
        p.add_argument("--" + step, action=Step, dest="steps")
    args = p.parse_args(argv[:cut])
    args.command = argv[cut + 1:]
    args.cols, args.rows = (int(x) for x in args.size.split("x"))
    env = dict(os.environ, TERM=args.term)
    env.pop("LINES", None)
    env.pop("COLUMNS", None)
    for kv in args.env:
        k, _, v = kv.partition("=")
        env[k] = v
    runs, cpus, rss, all_ok = [], [], [], True
    for _ in range(args.runs):
        times, cpu, r, ok = run_once(args, env)
        runs.append(times)
        cpus.append(cpu)
        if r:
            rss.append(r)
        all_ok = all_ok and ok
    def medians(rows):
        out = []
        for i in range(max((len(r) for r in rows), default=0)):
            vals = [r[i] for r in rows if i < len(r) and r[i] is not None]
            out.append(statistics.median(vals) if vals else None)
        return out
    print(json.dumps({"runs": runs, "median": medians(runs), "cpu": cpus,
                      "cpu_median": medians(cpus), "rss_kib": max(rss) if rss else None,
                      "ok": all_ok}))
    sys.exit(0 if all_ok else 1)


if __name__ == "__main__":
    main()

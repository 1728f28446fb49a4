#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
"""ptyrun.py - run a full-screen program in a pseudo-terminal and save every
byte it writes, for tests that check exact escape sequences.

  ptyrun.py OUT COLSxROWS STEP... -- COMMAND [ARG]...

Steps: --expect TEXT (wait until TEXT is in the output with escape sequences
removed; exit 1 after 10 s), --keys KEYS (Python escapes), --pause MS.
At the end the program is killed and OUT holds the raw output.
"""
import codecs, fcntl, os, re, select, signal, struct, sys, termios, time

STRIP = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[P^_][^\x1b]*\x1b\\|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def main():
    out, size = sys.argv[1], sys.argv[2]
    cols, rows = (int(x) for x in size.split("x"))
    i = sys.argv.index("--")
    steps, cmd = sys.argv[3:i], sys.argv[i + 1:]
    pid, fd = os.forkpty()
    if pid == 0:
        os.execvp(cmd[0], cmd)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    data = bytearray()
    seen = 0

    def read(timeout):
        r, _, _ = select.select([fd], [], [], timeout)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return False
            data.extend(chunk)
            return bool(chunk)
        return True

    status = 0
    k = 0
    while k < len(steps):
        op, arg = steps[k], steps[k + 1]
        k += 2
        if op == "--expect":
            want = arg.encode()
            end = time.time() + 10
            while want not in STRIP.sub(b"", bytes(data[seen:])):
                if time.time() > end or not read(0.05):
                    sys.stderr.write("ptyrun: %r did not appear\n" % arg)
                    status = 1
                    break
            seen = len(data)
        elif op == "--keys":
            os.write(fd, codecs.decode(arg, "unicode_escape").encode("latin-1"))
        elif op == "--pause":
            end = time.time() + int(arg) / 1000
            while time.time() < end:
                read(0.02)
            seen = len(data)
        if status:
            break
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    with open(out, "wb") as f:
        f.write(data)
    return status


sys.exit(main())

#!/usr/bin/env python3
"""While the integration tests run, look at the command line of every
running anyreach-cred process (the installed binary, its links and the API
executable) every few milliseconds; report any that holds the canary.

  canary-watch.py CANARY STOP_FILE REPORT BIN_DIR LIBEXEC_DIR

Stops when STOP_FILE exists; then writes to REPORT one line per sighting
(nothing if none) and a last line "samples N"."""
import os
import sys
import time


def ours(exe, dirs):
    return any(exe.startswith(d + "/") for d in dirs)


def main():
    canary, stop, report, *dirs = sys.argv[1:]
    dirs = [os.path.realpath(d) for d in dirs]
    seen, samples = [], 0
    while not os.path.exists(stop):
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                exe = os.readlink(f"/proc/{pid}/exe")
                if not ours(exe, dirs):
                    continue
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    cmdline = f.read()
            except OSError:
                continue
            samples += 1
            if canary.encode() in cmdline:
                seen.append(f"{exe}: {cmdline!r}")
        time.sleep(0.005)
    with open(report, "w") as f:
        for line in seen:
            f.write(line + "\n")
        f.write(f"samples {samples}\n")


if __name__ == "__main__":
    main()

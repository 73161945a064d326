#!/usr/bin/env python3
"""Run as an unprivileged user: start `sleep` and `anyreach-cred login`
(waiting on its stdin), then try to PTRACE_ATTACH to each and to read the
latter's /proc/PID/environ.  Prints one line per attempt."""
import ctypes
import subprocess
import sys
import time

PTRACE_ATTACH, PTRACE_DETACH = 16, 17
libc = ctypes.CDLL(None, use_errno=True)


def attach(pid):
    if libc.ptrace(PTRACE_ATTACH, pid, None, None) != 0:
        return "refused"
    time.sleep(0.1)
    libc.ptrace(PTRACE_DETACH, pid, None, None)
    return "attached"


def main():
    sleeper = subprocess.Popen(["sleep", "10"])
    cred = subprocess.Popen([sys.argv[1], "login"], stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(0.3)
    print("sleep:", attach(sleeper.pid))
    print("anyreach-cred:", attach(cred.pid))
    try:
        with open(f"/proc/{cred.pid}/environ", "rb") as f:
            f.read()
        print("anyreach-cred environ: read")
    except OSError:
        print("anyreach-cred environ: refused")
    sleeper.kill()
    cred.kill()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Start `anyreach-cred login` on a pseudo-terminal, wait for its hidden
prompt, stop it (SIGTSTP) and continue it (SIGCONT) as job control would,
and print whether the terminal echoes at each step: "prompt off",
"stopped on", "continued off" is right (the terminal is given back while
stopped, and quiet again when the prompt resumes)."""
import os
import pty
import signal
import sys
import termios
import time


def echo(fd):
    return "on" if termios.tcgetattr(fd)[3] & termios.ECHO else "off"


def wait_for(fd, text, seconds=5):
    seen, end = b"", time.time() + seconds
    while text not in seen and time.time() < end:
        try:
            seen += os.read(fd, 1024)
        except OSError:
            break
    return text in seen


def shell(argv):
    """In the pty, act as a job-control shell: run argv as a foreground
    job in its own process group (so that SIGTSTP really stops it), say
    its pid, and wait."""
    pid = os.fork()
    if pid == 0:
        os.setpgid(0, 0)
        os.execv(argv[0], argv)
    os.setpgid(pid, pid)
    signal.signal(signal.SIGTTOU, signal.SIG_IGN)
    os.tcsetpgrp(0, pid)
    os.write(1, b"JOB %d\n" % pid)
    while True:
        os.waitpid(pid, os.WUNTRACED | os.WCONTINUED)


def main():
    child, fd = pty.fork()
    if child == 0:
        shell([sys.argv[1], "login", "--profile", "tstp"])
    seen = b""
    while b"\n" not in seen:
        seen += os.read(fd, 64)
    pid = int(seen.split(b"JOB ")[1].split(b"\n")[0])
    if not wait_for(fd, b"input hidden"):
        print("no prompt")
        return
    states = ["prompt " + echo(fd)]
    os.kill(pid, signal.SIGTSTP)
    time.sleep(0.3)
    states.append("stopped " + echo(fd))
    os.kill(pid, signal.SIGCONT)
    time.sleep(0.3)
    states.append("continued " + echo(fd))
    os.kill(pid, signal.SIGKILL)
    os.kill(child, signal.SIGKILL)
    os.waitpid(child, 0)
    print(", ".join(states))


if __name__ == "__main__":
    main()

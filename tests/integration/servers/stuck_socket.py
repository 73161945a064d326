"""A Unix socket that a D-Bus client can never get an answer from.

    stuck_socket.py silent PATH   accepts connections and never speaks
    stuck_socket.py full PATH     never accepts; its backlog is kept full,
                                  so a blocking connect() waits

Runs until killed (at most five minutes).
"""
import socket
import sys
import time


def main():
    kind, path = sys.argv[1], sys.argv[2]
    server = socket.socket(socket.AF_UNIX)
    server.bind(path)
    server.listen(0)
    held = []
    if kind == "full":
        for _ in range(4):  # more than a backlog of 0 admits
            c = socket.socket(socket.AF_UNIX)
            c.setblocking(False)
            try:
                c.connect(path)
            except BlockingIOError:
                pass
            held.append(c)
    deadline = time.monotonic() + 300
    server.settimeout(1)
    while time.monotonic() < deadline:
        if kind == "silent":
            try:
                held.append(server.accept()[0])
            except socket.timeout:
                pass
        else:
            time.sleep(1)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A small HTTP server on 127.0.0.1 for the integration tests.

  http_server.py headers PORT_FILE LOG
      Answers 200 to everything and appends each request's headers, as one
      JSON list of [name, value] pairs per line, to LOG.

  http_server.py git PORT_FILE LOG REPO_ROOT EXPECTED_AUTH_FILE
      Serves the git repositories under REPO_ROOT over smart HTTP (through
      `git http-backend`), but only to requests whose Authorization header
      is exactly the line in EXPECTED_AUTH_FILE; others get 401 with a
      Basic challenge, which is what makes git ask its credential helper.

It binds a free port, writes it to PORT_FILE, and stops by itself after
two minutes so that a test that dies cannot leave it running.
"""
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LIFETIME_SECONDS = 120


class Handler(BaseHTTPRequestHandler):
    mode = "headers"
    log = None
    repo_root = None
    expected_auth = None

    def log_message(self, *args):
        pass

    def record(self):
        with open(self.log, "a") as f:
            f.write(json.dumps([[k, v] for k, v in self.headers.items()]) + "\n")

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def handle_any(self):
        self.record()
        data = self.body()
        if self.mode == "headers":
            return self.reply(200, b"ok\n")
        if self.headers.get("Authorization") != self.expected_auth:
            return self.reply(
                401, b"", [("WWW-Authenticate", 'Basic realm="anyreach"')])
        self.git_backend(data)

    def git_backend(self, data):
        path, _, query = self.path.partition("?")
        env = dict(os.environ, GIT_PROJECT_ROOT=self.repo_root,
                   GIT_HTTP_EXPORT_ALL="1", PATH_INFO=path,
                   QUERY_STRING=query, REQUEST_METHOD=self.command,
                   CONTENT_TYPE=self.headers.get("Content-Type", ""),
                   CONTENT_LENGTH=str(len(data)), REMOTE_USER="test",
                   REMOTE_ADDR="127.0.0.1")
        out = subprocess.run(["git", "http-backend"], input=data, env=env,
                             capture_output=True, check=False).stdout
        head, _, body = out.partition(b"\r\n\r\n")
        status, headers = 200, []
        for line in head.decode().split("\r\n"):
            name, _, value = line.partition(": ")
            if name.lower() == "status":
                status = int(value.split()[0])
            elif name:
                headers.append((name, value))
        self.reply(status, body, headers)

    do_GET = handle_any
    do_POST = handle_any


def main():
    mode, port_file, log = sys.argv[1:4]
    Handler.mode = mode
    Handler.log = log
    if mode == "git":
        Handler.repo_root = sys.argv[4]
        with open(sys.argv[5]) as f:
            Handler.expected_auth = f.read().strip()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(port_file + ".tmp", port_file)
    threading.Timer(LIFETIME_SECONDS, server.shutdown).start()
    server.serve_forever()


if __name__ == "__main__":
    main()

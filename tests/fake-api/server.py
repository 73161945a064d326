#!/usr/bin/env python3
"""A stand-in for the Anyreach API, for the tests, on 127.0.0.1.

It follows ../shared/docs/anyreach-api.md.  Each behaviour is marked:
  [DOC] the public docs say so;
  [INF] inferred there (the real API may differ; anyreach-cred keeps the
        same inferences in helper/api/paths.h).

  server.py PORT_FILE LOG SEED [--tls CERT KEY]

SEED is a JSON file: {"keys": [{"token", "name", "org", "scopes"}],
"pats": [{"token", "orgs": {"org_id": [scopes]}}]}; secrets come in a
file, never on the command line.  Each request is appended to LOG as JSON
(method, path, headers).  POST /__control {"mode", "match", "times",
"target"} makes later requests misbehave (see MODES); POST /__reset ends
that.  The server stops by itself after LIFETIME seconds.
"""
import json
import os
import secrets
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LIFETIME = 300
KEYS_PATH = "/admin/organization-pats"        # create [DOC], list [INF]
SCOPES_PATH = "/admin/members/me/scopes"      # [DOC]
MODES = {"401", "403", "429", "500", "slow", "huge", "badjson",
         "wrongprefix", "redirect", "orgclaim", "html", "escape", "stream"}


class State:
    def __init__(self, seed):
        self.lock = threading.Lock()
        self.keys = {}    # full id -> key record
        self.pats = {}    # token -> {org: scopes}
        self.rule = None  # the misbehaviour in force
        for k in seed.get("keys", []):
            self.add_key(k["token"], k.get("name", "seed"), k["org"],
                         k.get("scopes", []), None)
        for p in seed.get("pats", []):
            self.pats[p["token"]] = p["orgs"]

    def add_key(self, token, name, org, scopes, expires_at):
        kid = token[3:].split(".", 1)[0]
        self.keys[kid] = {"token": token, "name": name, "org": org,
                          "scopes": scopes, "expires_at": expires_at,
                          "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                                      time.gmtime())}
        return kid

    def key_by_token(self, token):
        for k in self.keys.values():
            if secrets.compare_digest(k["token"], token):
                return k
        return None


class Handler(BaseHTTPRequestHandler):
    state = None
    log = None

    def log_message(self, *args):
        pass

    def send_json(self, status, value, extra=()):
        body = b"" if value is None else json.dumps(value).encode()
        self.send_response(status)
        if value is not None:
            self.send_header("Content-Type", "application/json")
        for k, v in extra:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def detail(self, status, text):
        self.send_json(status, {"detail": text})   # REST error shape [DOC]

    def record(self, body):
        with open(self.log, "a") as f:
            f.write(json.dumps({"method": self.command, "path": self.path,
                                "headers": list(self.headers.items()),
                                "body": body.decode(errors="replace")}) + "\n")

    # -- misbehaviour -----------------------------------------------------
    def misbehave(self):
        st = self.state
        with st.lock:
            rule = st.rule
            if rule is None:
                return False
            match = rule.get("match", "")
            if match and not f"{self.command} {self.path}".startswith(match):
                return False
            if rule.get("times") is not None:
                if rule["times"] <= 0:
                    return False
                rule["times"] -= 1
        mode = rule["mode"]
        if mode == "401":
            self.detail(401, "Invalid authentication credentials")
        elif mode == "orgclaim":
            self.detail(401, "Token is missing organization claim")
        elif mode == "403":
            self.detail(403, "Missing required scope")
        elif mode == "429":
            self.send_json(429, {"detail": "Too many requests"},
                           [("Retry-After", "1")])
        elif mode == "500":
            self.detail(500, "Internal server error")
        elif mode == "slow":
            time.sleep(rule.get("seconds", 5))
            return False
        elif mode == "huge":
            self.send_json(200, ["x" * 1024] * 2048)
        elif mode == "badjson":
            self.send_raw(200, b'{"pat_key": "ak_')
        elif mode == "escape":
            self.detail(400, "\x1b[2J\x1b[31mscreen cleared\x07")
        elif mode == "stream":
            # No Content-Length: only the client's own cap can stop it.
            self.send_response(200)
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"x" * 32768)
        elif mode == "html":
            self.send_raw(200, b"<html>\x1b[31mhello\x1b[0m</html>")
        elif mode == "redirect":
            self.send_json(302, None, [("Location", rule["target"])])
        elif mode == "wrongprefix":
            return False  # handled in create
        return True

    def send_raw(self, status, body):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    # -- authentication ---------------------------------------------------
    def caller(self):
        """(org, scopes) of the caller, or None after answering."""
        auth = self.headers.get("Authorization", "")
        org_header = self.headers.get("X-Anyreach-Org")
        if not auth.startswith("Bearer "):
            self.detail(401, "Not authenticated")               # [DOC] 401
            return None
        token = auth[len("Bearer "):]
        if token.startswith("ak_"):
            if org_header is not None:
                # [INF] the docs say never to send it with an ak_
                self.detail(400, "X-Anyreach-Org must not be sent with "
                                 "an organization API key")
                return None
            key = self.state.key_by_token(token)
            if key is None or (key["expires_at"] and
                               key["expires_at"] <= time.time() * 1000):
                self.detail(401, "Invalid or revoked API key")   # [DOC]
                return None
            return key["org"], key["scopes"]
        if token.startswith("pat_"):
            orgs = self.state.pats.get(token)
            if orgs is None:
                self.detail(401, "Invalid personal access token")
                return None
            if not org_header:
                # [DOC] the message of this 401
                self.detail(401, "Token is missing organization claim")
                return None
            if org_header not in orgs:
                self.detail(403, "Not a member of this organization")  # [INF]
                return None
            return org_header, orgs[org_header]
        self.detail(401, "Unrecognized token format")           # [DOC]
        return None

    # -- endpoints --------------------------------------------------------
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.record(body)
        if self.path == "/__control":
            with self.state.lock:
                self.state.rule = json.loads(body)
            return self.send_json(200, {"ok": True})
        if self.path == "/__reset":
            with self.state.lock:
                self.state.rule = None
            return self.send_json(200, {"ok": True})
        if self.misbehave():
            return
        who = self.caller()
        if who is None:
            return
        if self.path != KEYS_PATH:
            return self.detail(404, "Not found")
        self.create(who, body)

    def create(self, who, body):
        org, scopes = who
        if "organizations:manage" not in scopes:          # [INF] the scope
            return self.detail(403, "Missing required scope")
        try:
            req = json.loads(body)
        except ValueError:
            return self.detail(422, "Invalid JSON")        # [DOC] 422
        name, expires = req.get("name"), req.get("expires_at")
        if not isinstance(name, str) or not name:
            return self.detail(422, "name must not be empty")  # [DOC]
        if expires is not None and not isinstance(expires, int):
            return self.detail(422, "expires_at must be an integer")
        token = "ak_%s.%s" % (secrets.token_hex(6), secrets.token_urlsafe(24))
        with self.state.lock:
            kid = self.state.add_key(token, name, org, scopes, expires)
            rule = self.state.rule
        if rule and rule.get("mode") == "wrongprefix":
            token = "pat_" + token[3:]
        row = self.row(kid)
        # [DOC] pat_key holds the secret once; the other fields [INF]
        self.send_json(201, dict(row, pat_key=token))

    def row(self, kid):
        k = self.state.keys[kid]
        # [DOC] the fields; [INF] key_id is an 8-character prefix of the id
        return {"key_id": kid[:8], "name": k["name"],
                "expires_at": k["expires_at"], "created_at": k["created_at"]}

    def begin(self):
        """Log the request; the caller's (org, scopes), or None after
        answering (a misbehaviour, or an authentication failure)."""
        self.record(b"")
        if self.misbehave():
            return None
        return self.caller()

    def do_GET(self):
        who = self.begin()
        if who is None:
            return
        if self.path == SCOPES_PATH:
            return self.send_json(200, who[1])             # [DOC] flat list
        if self.path == KEYS_PATH:
            rows = [self.row(kid) for kid, k in self.state.keys.items()
                    if k["org"] == who[0]]
            return self.send_json(200, rows)              # [INF] bare array
        self.detail(404, "Not found")

    def do_DELETE(self):
        who = self.begin()
        if who is None:
            return
        prefix = KEYS_PATH + "/"
        if not self.path.startswith(prefix):
            return self.detail(404, "Not found")
        if "organizations:manage" not in who[1]:          # [INF] the scope
            return self.detail(403, "Missing required scope")
        shown = self.path[len(prefix):]
        with self.state.lock:
            hits = [kid for kid, k in self.state.keys.items()
                    if kid[:8] == shown and k["org"] == who[0]]
            if len(hits) != 1:
                return self.detail(404, "Key not found")
            del self.state.keys[hits[0]]
        self.send_json(204, None)                         # [INF] 204


def main():
    port_file, log, seed_file = sys.argv[1:4]
    with open(seed_file) as f:
        Handler.state = State(json.load(f))
    Handler.log = log
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if len(sys.argv) == 7 and sys.argv[4] == "--tls":
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(sys.argv[5], sys.argv[6])
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
    with open(port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(port_file + ".tmp", port_file)
    threading.Timer(LIFETIME, server.shutdown).start()
    server.serve_forever()


if __name__ == "__main__":
    main()

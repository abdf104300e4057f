"""Shared helpers for the citizen channel's HTTP tests: a demo store, an identity provider's key (ES256) and ID
tokens, a running `lots serve`, plain HTTP calls and a Server-Sent Events reader. Standard library plus
`cryptography` (for signing tokens)."""
import base64
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

ISSUER = "https://idp.demo.example"
PNR = "19121212-1212"
UNIT = "SE2321000016-DEMO1"


class Checks:
    """Named checks of an end-to-end script: prints ok/FAIL per check, and at the end exits 1 if any failed."""

    def __init__(self):
        self.failures = []

    def __call__(self, ok, what):
        print(("ok   " if ok else "FAIL ") + what, flush=True)
        if not ok:
            self.failures.append(what)

    def finish(self, name):
        if self.failures:
            print(f"{len(self.failures)} failure(s)", file=sys.stderr)
            sys.exit(1)
        print(f"{name}: all checks passed")


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class IdentityProvider:
    """An ES256 key, its JWK Set file, and ID tokens of the Swedish OpenID Connect profile."""

    def __init__(self, folder):
        self.key = ec.generate_private_key(ec.SECP256R1())
        numbers = self.key.public_key().public_numbers()
        jwk = {"kty": "EC", "crv": "P-256", "kid": "k1", "alg": "ES256", "use": "sig",
               "x": b64url(numbers.x.to_bytes(32, "big")), "y": b64url(numbers.y.to_bytes(32, "big"))}
        self.jwks_path = os.path.join(folder, "jwks.json")
        with open(self.jwks_path, "w") as f:
            json.dump({"keys": [jwk]}, f)

    def token(self, pnr=PNR, lifetime=3600):
        header = b64url(json.dumps({"alg": "ES256", "typ": "JWT", "kid": "k1"}).encode())
        claims = {"iss": ISSUER, "aud": "lots", "exp": int(time.time()) + lifetime, "sub": pnr,
                  "https://id.oidc.se/claim/personalIdentityNumber": pnr.replace("-", "")}
        payload = b64url(json.dumps(claims).encode())
        der = self.key.sign(f"{header}.{payload}".encode(), ec.ECDSA(hashes.SHA256()))
        r, s = decode_dss_signature(der)
        return f"{header}.{payload}.{b64url(r.to_bytes(32, 'big') + s.to_bytes(32, 'big'))}"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def demo_store(lots, folder, cases=0):
    db = os.path.join(folder, "lots.sqlite")
    subprocess.run([lots, "demo", "--cases", str(cases), "--db", db], check=True, capture_output=True, timeout=180)
    return db


class Server:
    """`lots serve` on a free port; stop() sends SIGTERM and checks that it exits cleanly."""

    def __init__(self, lots, db, idp=None, demo=False, extra=()):
        self.port = free_port()
        args = [lots, "serve", "--db", db, "--port", str(self.port)]
        if idp:
            args += ["--jwks", idp.jwks_path, "--issuer", ISSUER]
        if demo:
            args += ["--demo"]
        args += list(extra)
        self.log = tempfile.NamedTemporaryFile(prefix="lots-serve-", suffix=".log", delete=False)
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=self.log)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                if self.get("/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("lots serve did not answer /healthz: " + open(self.log.name).read())

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def call(self, method, path, body=None, headers=None, raw=None, content_type="application/json"):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        h = dict(headers or {})
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        if data is not None:
            h.setdefault("Content-Type", content_type)
        c.request(method, path, body=data, headers=h)
        r = c.getresponse()
        payload = r.read()
        c.close()
        try:
            parsed = json.loads(payload) if payload else None
        except ValueError:
            parsed = payload.decode(errors="replace")
        return r.status, parsed, dict((k.lower(), v) for k, v in r.getheaders())

    def get(self, path, headers=None):
        return self.call("GET", path, headers=headers)

    def stop(self, timeout=10):
        self.proc.terminate()
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise RuntimeError("lots serve did not stop within %d s of SIGTERM" % timeout)
        return code

    def log_text(self):
        return open(self.log.name, errors="replace").read()


class EventStream:
    """Reads one case's Server-Sent Events in a thread; events are (time received, event name, data dict)."""

    def __init__(self, port, case_id, token):
        self.events = []
        self.opened = threading.Event()
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=60)
        self.sock.sendall((f"GET /v1/cases/{case_id}/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           f"Authorization: Bearer {token}\r\nAccept: text/event-stream\r\n\r\n").encode())
        self.status = None
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()
        self.opened.wait(10)

    def _read(self):
        buf = b""
        try:
            while True:
                chunk = self.sock.recv(65536)
                if not chunk:
                    break
                buf += chunk
                if self.status is None and b"\r\n\r\n" in buf:
                    head, buf = buf.split(b"\r\n\r\n", 1)
                    self.status = int(head.split(b" ")[1])
                    self.opened.set()
                # Chunked transfer: the frames are plain text between chunk sizes; read whole frames by blank lines.
                text = buf.decode(errors="replace")
                while "\n\n" in text:
                    frame, text = text.split("\n\n", 1)
                    name, data = None, None
                    for line in frame.splitlines():
                        if line.startswith("event: "):
                            name = line[7:]
                        elif line.startswith("data: "):
                            data = json.loads(line[6:])
                    if name:
                        self.events.append((time.time(), name, data))
                buf = text.encode()
        except OSError:
            pass

    def wait_for(self, predicate, timeout):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for e in self.events:
                if predicate(e):
                    return e
            time.sleep(0.005)
        return None

    def close(self):
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()


class Tmux:
    """A tmux server of its own with one pane running bash; keys, text, capture and waiting for text."""

    def __init__(self, socket_name, cols=100, rows=30):
        self.s = socket_name
        self.run("new-session", "-d", "-s", "t", "-x", str(cols), "-y", str(rows), "env PS1='PROMPT$ ' TERM=xterm-256color bash --norc -i")

    def run(self, *args):
        return subprocess.run(["tmux", "-L", self.s, "-f", "/dev/null", *args], capture_output=True, text=True, timeout=10).stdout

    def type(self, text):
        self.run("send-keys", "-t", "t", "-l", text)

    def keys(self, *names):
        self.run("send-keys", "-t", "t", *names)

    def capture(self):
        return self.run("capture-pane", "-p", "-t", "t")

    def wait_for(self, text, timeout=5.0):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if text in self.capture():
                return time.time()
            time.sleep(0.02)
        return None

    def kill(self):
        subprocess.run(["tmux", "-L", self.s, "kill-server"], capture_output=True)


def intake(pnr=PNR, reason="Ont i halsen sedan tre dagar, feber 38,5", photo=None, channel="app"):
    body = {"citizen": {"personnummer": pnr, "name": "Tolvan Tolvansson"}, "channel": channel, "unit": UNIT,
            "submittedAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 30)), "reason": reason}
    if photo is not None:
        body["attachments"] = [{"fileName": "throat.jpg", "data": base64.b64encode(photo).decode()}]
    return body

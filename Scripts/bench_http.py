"""The citizen channel's figures for Scripts/bench, against the release build of `lots serve`:

- intakes per second over HTTP with 64 concurrent clients, and their p99 latency (wrk, Debian);
- staff message → Server-Sent Event on 1,000 open streams, p99 (our own client: one thread, 1,000 sockets).

Both on loopback, on a fresh demo store, with the server's default rate limit (the load must not trip it)."""
import base64
import json
import os
import re
import selectors
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Tests", "http"))
from citizen_support import IdentityProvider, Server, demo_store, intake  # noqa: E402


def intake_rate(lots, seconds=10, clients=64):
    """wrk: `clients` connections posting the same valid intake (with the citizen's ID token) for `seconds`."""
    folder = tempfile.mkdtemp(prefix="lots-bench-http-")
    db = demo_store(lots, folder)
    idp = IdentityProvider(folder)
    server = Server(lots, db, idp=idp, extra=["--log-level", "notice"])
    try:
        body = json.dumps(intake(reason="Ont i halsen sedan tre dagar, feber 38,5"))
        script = os.path.join(folder, "intake.lua")
        with open(script, "w") as f:
            f.write('wrk.method = "POST"\n')
            f.write(f"wrk.body = {json.dumps(body)}\n")
            f.write('wrk.headers["Content-Type"] = "application/json"\n')
            f.write(f'wrk.headers["Authorization"] = "Bearer {idp.token()}"\n')
            f.write("done = function(summary, latency, requests)\n"
                    "  io.write(string.format('LOTS %d %d %d %d %d %f\\n', summary.requests, summary.errors.status,"
                    " summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,"
                    " latency:percentile(50), latency:percentile(99), summary.duration / 1e6))\nend\n")
        out = subprocess.run(["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "--timeout", "5s", "-s", script, f"{server.base}/v1/intakes"],
                             capture_output=True, text=True, timeout=seconds + 60).stdout
        m = re.search(r"LOTS (\d+) (\d+) (\d+) (\d+) (\d+) ([\d.]+)", out)
        requests, bad_status, socket_errors, p50, p99, duration = int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), float(m[6])
        with sqlite3.connect(db) as c:
            stored = c.execute("SELECT COUNT(*) FROM careCase").fetchone()[0]
        return {"rate": stored / duration, "p50": p50 / 1000, "p99": p99 / 1000, "requests": requests, "non2xx": bad_status,
                "socket_errors": socket_errors, "stored": stored}
    finally:
        server.stop()


def sse_latency(lots, streams=1000, messages=300):
    """`streams` open event streams, one per case; a staff message is committed to a random one from another
    process (this one) every 10 ms; the time from commit to the event arriving on its stream."""
    folder = tempfile.mkdtemp(prefix="lots-bench-sse-")
    db = demo_store(lots, folder)
    idp = IdentityProvider(folder)
    server = Server(lots, db, idp=idp, extra=["--log-level", "notice"])
    sel = selectors.DefaultSelector()
    socks = []
    try:
        token = idp.token()
        cases = []
        for _ in range(streams):
            status, body, _ = server.call("POST", "/v1/intakes", intake(), headers={"Authorization": "Bearer " + token})
            assert status == 201, body
            cases.append((body["caseId"], body["caseToken"]))
        pending = {}
        for case_id, case_token in cases:
            s = socket.create_connection(("127.0.0.1", server.port))
            s.sendall(f"GET /v1/cases/{case_id}/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {case_token}\r\n\r\n".encode())
            s.setblocking(False)
            sel.register(s, selectors.EVENT_READ, case_id)
            socks.append(s)
        # Wait until every stream has its opening lines.
        opened, deadline = set(), time.time() + 60
        while len(opened) < streams and time.time() < deadline:
            for key, _ in sel.select(0.5):
                if key.fileobj.recv(65536):
                    opened.add(key.data)
        assert len(opened) == streams, f"only {len(opened)} of {streams} streams opened"
        writer = sqlite3.connect(db, timeout=10, isolation_level=None)
        writer.execute("PRAGMA journal_mode=WAL")
        staff = writer.execute("SELECT id FROM staff WHERE username = 'anna'").fetchone()[0]
        latencies, buffers = [], {}
        import random
        rng = random.Random(1)
        next_send, sent = time.time(), 0
        end = time.time() + 60
        while (sent < messages or pending) and time.time() < end:
            if sent < messages and time.time() >= next_send:
                case_id = rng.choice(cases)[0]
                writer.execute("BEGIN IMMEDIATE")
                writer.execute("INSERT INTO message (caseId, author, staffId, body, at) VALUES (?, 'staff', ?, ?, ?)",
                               (case_id, staff, f"bench {sent}", time.strftime("%Y-%m-%d %H:%M:%S")))
                mid = writer.execute("SELECT last_insert_rowid()").fetchone()[0]
                writer.execute("COMMIT")
                pending[mid] = time.time()
                sent += 1
                next_send += 0.01
            for key, _ in sel.select(0.002):
                data = key.fileobj.recv(65536)
                buf = buffers.get(key.data, b"") + data
                for m in re.finditer(rb"id: (\d+)\nevent: message", buf):
                    mid = int(m[1])
                    if mid in pending:
                        latencies.append((time.time() - pending.pop(mid)) * 1000)
                buffers[key.data] = buf[-200:]
        return {"latencies": latencies, "lost": len(pending), "streams": streams}
    finally:
        for s in socks:
            s.close()
        server.stop()


if __name__ == "__main__":
    lots = sys.argv[1]
    print(intake_rate(lots, seconds=5))
    r = sse_latency(lots, streams=int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
    lat = sorted(r["latencies"])
    print(len(lat), "lost", r["lost"], "p50", lat[len(lat) // 2], "p99", lat[int(len(lat) * 0.99) - 1])

#!/usr/bin/env python3
"""End to end with the real binaries: a citizen posts an intake over HTTP with a photo; it appears in anna's
console (tmux) within a second; anna answers with a template; the citizen's SSE stream receives it within a
second; the citizen answers over HTTP; anna sees it live; the case's access log shows both sides. Also: SIGTERM
stops `lots serve` cleanly.

Usage: Tests/http/e2e_citizen.py PATH/TO/lots   (exits non-zero on any failure; runs in about 15 s)"""
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from citizen_support import Checks, EventStream, IdentityProvider, Server, Tmux, demo_store, intake  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
check = Checks()


def main():
    lots = os.path.abspath(sys.argv[1])
    folder = tempfile.mkdtemp(prefix="lots-http-e2e-")
    db = demo_store(lots, folder, cases=10)
    # Refusals at start: no way to log in is a usage error; the demo login never runs on a real store.
    run = subprocess.run([lots, "serve", "--db", db], capture_output=True, text=True, timeout=30)
    check(run.returncode == 64 and "no way for citizens to log in" in run.stderr, "lots serve without --jwks or --demo exits 64")
    real = os.path.join(folder, "real.sqlite")
    subprocess.run([lots, "init", "--admin", "alva", "--db", real, "--password-stdin"], input="correct horse battery staple\n"
                   "correct horse battery staple\n", capture_output=True, text=True, timeout=60)
    run = subprocess.run([lots, "serve", "--db", real, "--demo"], capture_output=True, text=True, timeout=30)
    check(run.returncode == 77 and "--demo runs only on a store made by lots demo" in run.stderr,
          f"lots serve --demo on a real store exits 77 ({run.returncode}: {run.stderr.strip()})")
    idp = IdentityProvider(folder)
    server = Server(lots, db, idp=idp)
    tmux = Tmux(f"lots-http-e2e-{os.getpid()}")
    events = None
    try:
        tmux.type(f"{lots} --db {db} --user anna\n")
        check(tmux.wait_for("Lösenord", 15) is not None, "anna's console asks for the password")
        tmux.type("demo")
        tmux.keys("Enter")
        check(tmux.wait_for("Kontaktorsak", 15) is not None, "anna's console shows the queue")

        photo = open(os.path.join(ROOT, "Fixtures/intake/throat.jpg"), "rb").read()
        reason = "Ont i bröstet som strålar ut i vänster arm sedan en timme"
        sent = time.time()
        status, body, headers = server.call("POST", "/v1/intakes", intake(reason=reason, photo=photo),
                                            headers={"Authorization": "Bearer " + idp.token()})
        check(status == 201, f"POST /v1/intakes with a photo is 201 (got {status}: {body})")
        case_id, token = body["caseId"], body["caseToken"]
        seen = tmux.wait_for("Ont i bröstet som strålar", 1.0)
        check(seen is not None and seen - sent < 1.0, "the case appears in anna's console within a second")

        status, case, _ = server.call("GET", f"/v1/cases/{case_id}", headers={"Authorization": "Bearer " + idp.token()})
        check(status == 200 and case["channel"] == "app" and case["status"] == "new", "the citizen reads the case with the ID token")
        events = EventStream(server.port, case_id, token)
        check(events.status == 200, "the citizen's event stream opens")

        # Anna opens the case (the newest, most urgent is first under g), takes it and answers with a template.
        tmux.keys("g")
        tmux.keys("Enter")
        check(tmux.wait_for("Tolvan Tolvansson") is not None, "anna opens the case")
        check(tmux.wait_for("web") is not None or tmux.wait_for("app") is not None, "the case view shows the channel")
        tmux.keys("t")
        check(tmux.wait_for(f"Du har tagit ärende {case_id}") is not None, "anna takes the case")
        tmux.keys("T")
        check(tmux.wait_for("Frasmallar") is not None, "the template picker opens")
        tmux.type("hälsning")
        check(tmux.wait_for("Hej Tolvan!") is not None, "the greeting template is offered")
        tmux.keys("Enter")
        tmux.type(" Hur mår du nu?")
        pressed = time.time()
        tmux.keys("C-s")
        got = events.wait_for(lambda e: e[1] == "message" and e[2].get("author") == "staff", 2.0)
        check(got is not None and got[0] - pressed < 1.0,
              "the citizen's stream receives anna's reply within a second (%s)" % ("%.0f ms" % ((got[0] - pressed) * 1000) if got else "never"))
        if got:
            check(got[2]["body"].startswith("Hej Tolvan!") and got[2]["body"].endswith("Hur mår du nu?"), "the event carries the message")
            status, _, _ = server.call("POST", f"/v1/cases/{case_id}/read", {"upTo": got[2]["id"]},
                                       headers={"Authorization": "Bearer " + token})
            check(status == 200, "the citizen marks the reply read")
            check(tmux.wait_for("läst av patienten", 1.0) is not None, "anna sees the read receipt")
        check(events.wait_for(lambda e: e[1] == "status", 1.0) is not None, "the stream reports the status change")

        sent = time.time()
        status, _, _ = server.call("POST", f"/v1/cases/{case_id}/messages", {"text": "Lite bättre nu, tack"},
                                   headers={"Authorization": "Bearer " + token})
        check(status == 201, "the citizen answers over HTTP")
        seen = tmux.wait_for("Lite bättre nu, tack", 1.0)
        check(seen is not None and seen - sent < 1.0, "anna sees the citizen's answer live, within a second")

        audit = subprocess.run([lots, "audit", "show", "--case", str(case_id), "--db", db, "--user", "anna", "--password-stdin"],
                               input="demo\n", capture_output=True, text=True, timeout=30)
        log = audit.stdout
        check(audit.returncode == 0, "lots audit show runs")
        for action in ("create-case", "citizen-view", "citizen-read", "citizen-message", "take"):
            check(action in log, f"the access log shows {action}")
        check("anna" in log and "citizen" in log, "the access log shows both sides")
    finally:
        tmux.kill()
        # Stopped with the event stream still open: graceful shutdown ends the stream, then the server.
        code = server.stop()
        if events:
            events.close()
    check(code == 0, f"lots serve stops cleanly on SIGTERM (exit {code})")
    log = server.log_text()
    check("Tolvan" not in log and "Ont i bröstet" not in log and "19121212" not in log, "the server's log has no patient text")
    check.finish("e2e citizen channel")


if __name__ == "__main__":
    main()

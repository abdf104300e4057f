#!/usr/bin/env python3
"""Issue 15's whole flow with the real binaries, tmux and HTTP together: a citizen's intake arrives over HTTP;
the clinician offers two times from the case in the console; the citizen lists them and books one over the API;
the case in the console shows the booking live; the `.ics` from the API parses with Python's icalendar (a video
time carries its link as CONFERENCE); the unit's day list in the console shows the visit; a second booking of
the same time by another citizen is refused with a specific 422.

Usage: Tests/http/e2e_booking.py PATH/TO/lots   (exits non-zero on any failure; runs in about 20 s)"""
import datetime
import os
import sys
import tempfile

import icalendar

sys.path.insert(0, os.path.dirname(__file__))
from citizen_support import Checks, IdentityProvider, Server, Tmux, demo_store, intake  # noqa: E402

check = Checks()


def main():
    lots = os.path.abspath(sys.argv[1])
    folder = tempfile.mkdtemp(prefix="lots-http-booking-")
    db = demo_store(lots, folder, cases=0)
    idp = IdentityProvider(folder)
    server = Server(lots, db, idp=idp)
    tmux = Tmux(f"lots-http-booking-{os.getpid()}", cols=120, rows=34)
    try:
        status, body, _ = server.call("POST", "/v1/intakes", intake(reason="Gått ner 8 kilo i vikt utan att försöka"),
                                      headers={"Authorization": "Bearer " + idp.token()})
        check(status == 201, f"the intake over HTTP is 201 ({status}: {body})")
        case_id, token = body["caseId"], body["caseToken"]
        auth = {"Authorization": "Bearer " + token}

        tmux.type(f"{lots} --db {db} --user bertil\n")
        check(tmux.wait_for("Lösenord", 15) is not None, "bertil's console asks for the password")
        tmux.type("demo")
        tmux.keys("Enter")
        check(tmux.wait_for("Gått ner 8 kilo", 15) is not None, "the web case is in bertil's queue")
        tmux.keys("Enter")
        check(tmux.wait_for("── Chatt") is not None, "bertil opens the case")
        tmux.keys("b")
        check(tmux.wait_for("Erbjud tider") is not None, "the slot picker opens from the case")
        tmux.keys("Space")
        tmux.keys("Down")
        tmux.keys("Space")
        check(tmux.wait_for("2 markerade") is not None, "two times are marked")
        tmux.keys("Enter")
        check(tmux.wait_for(f"Tider erbjudna i ärende {case_id}") is not None, "the console confirms the offer")

        status, offered, _ = server.call("GET", f"/v1/cases/{case_id}/slots", headers=auth)
        slots = offered.get("slots", []) if status == 200 else []
        check(status == 200 and len(slots) == 2, f"the citizen sees the two offered times over HTTP ({status}: {offered})")
        if len(slots) != 2:
            raise RuntimeError("the offered times did not reach the citizen; nothing further can be checked")
        chosen = slots[1]
        status, booked, headers = server.call("POST", f"/v1/cases/{case_id}/appointment", {"slotId": chosen["id"]}, headers=auth)
        check(status == 201 and booked["status"] == "booked" and booked["slot"]["id"] == chosen["id"],
              f"the citizen books the second time over HTTP ({status}: {booked})")
        check(tmux.wait_for(f"Bokad tid: {chosen['label']}", 5) is not None, "the case in the console shows the booking live")

        status, ics, headers = server.call("GET", f"/v1/cases/{case_id}/appointment.ics", headers=auth)
        check(status == 200 and headers.get("content-type", "").startswith("text/calendar"), f"the .ics is served ({status})")
        events = [c for c in icalendar.Calendar.from_ical(ics if isinstance(ics, str) else str(ics)).walk() if c.name == "VEVENT"]
        check(len(events) == 1, "the .ics has one VEVENT")
        if events:
            ev = events[0]
            start = datetime.datetime.fromisoformat(chosen["start"].replace("Z", "+00:00"))
            check(ev["DTSTART"].dt == start and str(ev["STATUS"]) == "CONFIRMED", "the VEVENT starts at the booked time, confirmed")
            if chosen["mode"] == "video":
                check(ev.get("CONFERENCE") is not None and booked["videoUrl"] in str(ev.get("CONFERENCE")),
                      "a video time carries its link as CONFERENCE")

        # Another citizen cannot take the booked time: it was never offered to their case (422, specific).
        other = "19850505-1238"
        status, body, _ = server.call("POST", "/v1/intakes", intake(pnr=other, reason="Gått ner i vikt utan att försöka"),
                                      headers={"Authorization": "Bearer " + idp.token(pnr=other)})
        check(status == 201, f"a second citizen's intake ({status}: {body})")
        status, refused, _ = server.call("POST", f"/v1/cases/{body.get('caseId')}/appointment", {"slotId": chosen["id"]},
                                   headers={"Authorization": "Bearer " + body["caseToken"]})
        check(status == 422 and "was not offered in case" in str(refused), f"a time offered to another case cannot be booked ({status}: {refused})")

        tmux.keys("Escape")
        check(tmux.wait_for("öppet ärende") is not None or tmux.wait_for("öppna ärenden") is not None, "back in the queue")
        tmux.keys("D")
        check(tmux.wait_for("Dagens bokningar") is not None, "the day list opens")
        needle = f"ärende {case_id} · Tolvan Tolvansson"
        found = tmux.wait_for(needle, 1.0)
        for _ in range(14):
            if found:
                break
            tmux.keys("]")
            found = tmux.wait_for(needle, 1.0)
        check(found is not None, "the unit's day list shows the booked visit")
        tmux.keys("Escape")
        tmux.keys("q")
    finally:
        tmux.kill()
        code = server.stop()
    check(code == 0, f"lots serve stops cleanly ({code})")
    check.finish("e2e booking")


if __name__ == "__main__":
    main()

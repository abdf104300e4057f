#!/usr/bin/env python3
"""The citizen web form in headless Chromium, by keyboard alone: log in (demo), describe the symptoms, answer the
triage's follow-up questions, get the advice, open the chat and see a staff reply arrive live (Server-Sent Events),
then answer. axe-core checks every page against WCAG 2.1 A and AA; every page also reflows at 320 px. With
--screenshots DIR, a picture of each page is saved there (docs/ in the README).

Usage: Tests/http/web_form_check.py PATH/TO/lots [--screenshots docs]   (about 30 s)"""
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service as ChromeService
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, os.path.dirname(__file__))
from citizen_support import PNR, Server, demo_store  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
failures = []
# The axe-core bundled with axe-selenium-python (3.1) tags WCAG 2.1 A rules wcag2a and 2.1 AA rules wcag21aa.
WCAG = ["wcag2a", "wcag2aa", "wcag21aa"]


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


class Browser:
    def __init__(self, shots):
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1000,1200", "--lang=sv"):
            options.add_argument(a)
        self.d = webdriver.Chrome(service=ChromeService("/usr/bin/chromedriver"), options=options)
        self.d.set_page_load_timeout(20)
        self.d.set_script_timeout(30)
        self.shots = shots

    def active(self):
        return self.d.switch_to.active_element

    def tab_until(self, js_predicate, what, limit=40):
        """Presses Tab until the focused element satisfies `js_predicate` (el => bool); fails if never."""
        for _ in range(limit):
            if self.d.execute_script(f"var el = document.activeElement; return !!(el && ({js_predicate})(el));"):
                return self.active()
            ActionChains(self.d).send_keys(Keys.TAB).perform()
        check(False, f"{what} is reachable with Tab")
        return self.active()

    def tab_to_id(self, ident):
        return self.tab_until(f"el => el.id === '{ident}'", f"#{ident}")

    def tab_to_submit(self):
        return self.tab_until("el => el.tagName === 'BUTTON' && el.type === 'submit' && !el.classList.contains('link')", "the submit button")

    def audit(self, name):
        """axe-core on the current page (WCAG 2.1 A/AA), reflow at 320 px, a screenshot."""
        Axe(self.d).inject()
        violations = self.d.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
            ".then(function (r) { done(r.violations); }).catch(function (e) { done([{id: 'axe-error', help: String(e), nodes: []}]); });",
            WCAG)
        detail = "; ".join(f"{v['id']}: {v['help']} ({len(v['nodes'])})" for v in violations)
        check(not violations, f"axe: no WCAG 2.1 A/AA violation on {name}" + (f" – {detail}" if detail else ""))
        lang = self.d.execute_script("return document.documentElement.lang")
        check(lang in ("sv", "en"), f"{name} declares its language ({lang})")
        if self.shots:
            self.d.execute_script("window.scrollTo(0, 0)")
            self.d.save_screenshot(os.path.join(self.shots, f"web-{name}.png"))
        size = self.d.get_window_size()
        self.d.set_window_size(320, 900)
        time.sleep(0.1)
        wide = self.d.execute_script("return document.documentElement.scrollWidth")
        check(wide <= 320, f"{name} reflows at 320 px (content {wide} px wide)")
        self.d.set_window_size(size["width"], size["height"])

    def quit(self):
        self.d.quit()


def main():
    lots = os.path.abspath(sys.argv[1])
    shots = None
    if "--screenshots" in sys.argv:
        shots = os.path.abspath(sys.argv[sys.argv.index("--screenshots") + 1])
        os.makedirs(shots, exist_ok=True)
    folder = tempfile.mkdtemp(prefix="lots-web-")
    db = demo_store(lots, folder)
    server = Server(lots, db, demo=True)
    b = Browser(shots)
    try:
        d = b.d
        d.get(server.base + "/")
        check("Logga in" in d.title, "the Swedish start page asks to log in")
        b.audit("login")
        # A wrong personnummer: the error is shown, tied to its field, and the summary links to it.
        b.tab_to_id("personnummer").send_keys("19121212-1213")
        b.tab_to_id("name").send_keys("Tolvan Tolvansson")
        b.tab_to_submit().send_keys(Keys.ENTER)
        time.sleep(0.3)
        field = d.find_element("id", "personnummer")
        described = field.get_attribute("aria-describedby") or ""
        check(field.get_attribute("aria-invalid") == "true" and "personnummer-error" in described, "the error is tied to the personnummer field")
        check("check digit" in d.find_element("id", "personnummer-error").text, "the error says what is wrong")
        b.audit("login-error")
        field = b.tab_to_id("personnummer")
        field.send_keys(Keys.CONTROL, "a")
        field.send_keys(PNR)
        b.tab_to_submit().send_keys(Keys.ENTER)
        time.sleep(0.3)
        check(d.current_url.endswith("/form"), "logging in leads to the symptom form")
        b.audit("form")

        b.tab_to_id("reason").send_keys("Ont i bröstet som strålar ut i vänster arm")
        b.tab_to_submit().send_keys(Keys.ENTER)
        time.sleep(0.3)
        legends = [e.text for e in d.find_elements("tag name", "legend")]
        check(len(legends) >= 2, f"the triage's follow-up questions are asked ({len(legends) - 1})")
        b.audit("questions")
        # Answer the first follow-up question yes with the keyboard (Space on the first radio of its group).
        first = b.tab_until("el => el.type === 'radio'", "the first question's answers")
        first.send_keys(Keys.SPACE)
        check(first.is_selected(), "a follow-up question is answered by keyboard")
        # Within a radio group the arrow keys choose: from "1" two steps right is "3".
        b.tab_until("el => el.name === 'health'", "self-rated health", limit=80)
        ActionChains(d).send_keys(Keys.ARROW_RIGHT).send_keys(Keys.ARROW_RIGHT).perform()
        check(d.find_element("id", "health-3").is_selected(), "self-rated health is chosen with the arrow keys")
        b.tab_to_id("expectations").send_keys("Vill veta om jag ska åka in")
        b.tab_to_id("photo").send_keys(os.path.join(ROOT, "Fixtures/intake/throat.jpg"))
        b.tab_to_submit().send_keys(Keys.ENTER)
        time.sleep(0.5)
        advice = d.find_element("id", "advice-title").text
        check("Ring 112 nu" in advice, f"the advice comes at once ({advice})")
        b.audit("advice")
        b.tab_until("el => el.tagName === 'A' && el.getAttribute('href') === '/chat'", "the chat link").send_keys(Keys.ENTER)
        time.sleep(0.5)
        check(d.current_url.endswith("/chat"), "the chat opens")
        time.sleep(0.5)
        check("direkt" in d.find_element("id", "live-note").text, "the chat says replies come live (JavaScript on)")

        # A clinician answers from another process; the reply appears without reloading.
        subprocess.run([lots, "simulate", "--staff", "anna", "--db", db, "--rate", "600", "--duration", "0.5", "--seed", "1"],
                       check=True, capture_output=True, timeout=30)
        started = time.time()
        arrived = False
        while time.time() - started < 5:
            if d.find_elements("css selector", "#messages li.staff"):
                arrived = True
                break
            time.sleep(0.05)
        check(arrived, "a staff reply arrives in the open chat without reloading (%.0f ms)" % ((time.time() - started) * 1000))
        b.audit("chat")
        b.tab_to_id("text").send_keys("Tack, jag ringer 112 nu")
        b.tab_to_submit().send_keys(Keys.ENTER)
        time.sleep(0.4)
        check("Tack, jag ringer 112 nu" in d.find_element("id", "messages").text, "the citizen's answer is in the chat")

        d.get(server.base + "/en/chat")
        check(d.find_element("tag name", "html").get_attribute("lang") == "en" and "Your contact" in d.title, "the English chat page")
        b.audit("chat-en")

        # Booking: two free times offered to the case (as the console's offer writes them), chosen by keyboard.
        con = sqlite3.connect(db)
        case_id = con.execute("SELECT MAX(id) FROM careCase").fetchone()[0]
        slots = [r[0] for r in con.execute(
            "SELECT id FROM slot s WHERE startAt > datetime('now', '+1 hour') AND NOT EXISTS "
            "(SELECT 1 FROM appointment a WHERE a.slotId = s.id AND a.cancelledAt IS NULL) ORDER BY startAt LIMIT 2")]
        check(len(slots) == 2, f"the demo store has free times to offer ({len(slots)})")
        for sid in slots:
            con.execute("INSERT OR IGNORE INTO slotOffer (caseId, slotId, staffId, offeredAt) VALUES (?, ?, NULL, datetime('now'))", (case_id, sid))
        con.commit()
        con.close()
        d.get(server.base + "/booking")
        check("Boka tid" in d.title, "the booking page")
        check(len(d.find_elements("css selector", "fieldset#slots input[type=radio]")) == 2, "the offered times are radio buttons")
        b.audit("booking")
        b.tab_until("el => el.type === 'radio'", "the first offered time").send_keys(Keys.SPACE)
        b.tab_to_submit().send_keys(Keys.ENTER)
        time.sleep(0.4)
        check(d.find_elements("id", "booked"), "the time is booked with the keyboard, without JavaScript")
        b.audit("booked")
    finally:
        b.quit()
        server.stop()
    if failures:
        print(f"{len(failures)} failure(s)", file=sys.stderr)
        sys.exit(1)
    print("web form: all checks passed")


if __name__ == "__main__":
    main()

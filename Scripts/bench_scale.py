"""The "consoles" scale figure of Scripts/bench (issue 14): N console processes of the real binary on
pseudo-terminals, spread over 50 units, logged in and idle on their queues, then commits to one unit at a time
from another process; and the old polling design at 50 consoles in the same run, for the ratio."""
import json, os, pty, select, signal, sqlite3, struct, subprocess, time

UNITS = 50


def make_store(lots, work, per_unit):
    """A demo store with 50 extra units, per_unit clinicians in each (password demo) and two open cases each."""
    db = os.path.join(work, "scale.sqlite")
    subprocess.run([lots, "demo", "--cases", "0", "--db", db], check=True, capture_output=True)
    units = [f"SE2321000016-SC{u:02d}" for u in range(UNITS)]
    with sqlite3.connect(db) as c:
        pw = c.execute("SELECT passwordHash FROM staff WHERE username = 'anna'").fetchone()[0]
        for u, hsa in enumerate(units):
            c.execute("INSERT INTO unit (hsaId, name, type, minAge, maxAge, waitMinutes) VALUES (?, ?, 'vardcentral', 0, 130, 0)",
                      (hsa, f"Skalenhet {u:02d}"))
            for k in range(per_unit):
                c.execute("INSERT INTO staff (username, displayName, role, profession, unitHsaId, passwordHash, openChatCap, createdAt) "
                          "VALUES (?, ?, 'clinician', 'sjukskoterska', ?, ?, 6, datetime('now'))", (f"sc{u:02d}k{k:02d}", f"Skala {u:02d}-{k:02d}", hsa, pw))
    cases = {}
    now = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
    for u, hsa in enumerate(units):
        for k in range(2):
            intake = {"citizen": {"personnummer": "19121212-1212", "name": f"Patient {u:02d}{k}"}, "channel": "app", "unit": hsa,
                      "submittedAt": now, "reason": f"Hosta sedan en vecka, enhet {u:02d}"}
            p = subprocess.run([lots, "intake", "-", "--db", db], input=json.dumps(intake), capture_output=True, text=True, check=True)
            cases.setdefault(u, []).append(int(p.stdout.strip()))
    return db, units, cases


class Tty:
    """One console on a pseudo-terminal; its output is only read and timed (no terminal emulator: 500 of them)."""

    def __init__(self, lots, db, user, polling):
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LOTS_DB=db)
        env.pop("NO_COLOR", None)
        env.pop("TMUX", None)
        if polling:
            env["LOTS_CONSOLE_POLLING"] = "1"
        self.user = user
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            import fcntl, termios
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            os.execve(lots, [lots, "--db", db, "--user", user], env)
        self.seen = b""

    def read(self):
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        self.seen = (self.seen + data)[-4096:]
        return data

    def cpu(self):
        f = open(f"/proc/{self.pid}/stat").read().rsplit(")", 1)[1].split()
        return int(f[11]) + int(f[12])

    def pss_mb(self):
        for line in open(f"/proc/{self.pid}/smaps_rollup"):
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def close(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self.fd)


def wait_for(ttys, pred, timeout):
    """Reads the consoles until pred(tty) holds for all; raises on timeout."""
    left = {t.fd: t for t in ttys if not pred(t)}
    deadline = time.monotonic() + timeout
    while left:
        if time.monotonic() > deadline:
            t = next(iter(left.values()))
            raise TimeoutError(f"{len(left)} consoles (e.g. {t.user}) did not get there; last output: {t.seen[-300:]!r}")
        r, _, _ = select.select(list(left), [], [], 0.5)
        for fd in r:
            t = left[fd]
            t.read()
            if pred(t):
                del left[fd]


def drain(ttys, seconds):
    """Reads whatever comes for `seconds`; returns how many consoles wrote anything."""
    by_fd = {t.fd: t for t in ttys}
    wrote = set()
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        r, _, _ = select.select(list(by_fd), [], [], min(left, 0.5))
        for fd in r:
            if by_fd[fd].read():
                wrote.add(fd)
    return len(wrote)


def start(lots, db, users, polling, say):
    ttys = []
    for i in range(0, len(users), 25):  # in batches: log-ins are Argon2id on 2 cores
        batch = [Tty(lots, db, u, polling) for u in users[i:i + 25]]
        wait_for(batch, lambda t: b"senord" in t.seen or b"assword" in t.seen, 60)
        for t in batch:
            os.write(t.fd, b"demo\r")
        wait_for(batch, lambda t: b"Kontaktorsak" in t.seen, 120)
        ttys += batch
        say(f"  {len(ttys)} of {len(users)} consoles logged in")
    return ttys


def idle_cpu(ttys, seconds):
    """All the consoles' CPU together over `seconds`, in % of one core; and how many consoles wrote anything."""
    drain(ttys, 2)
    before = sum(t.cpu() for t in ttys)
    t0 = time.monotonic()
    wrote = drain(ttys, seconds)
    return (sum(t.cpu() for t in ttys) - before) / os.sysconf("SC_CLK_TCK") / (time.monotonic() - t0) * 100, wrote


def commits(helper, db, ttys_by_unit, cases, rounds):
    """`rounds` citizen replies, one unit at a time; per commit, the time until each of that unit's consoles wrote
    its changed frame (ms), and how many consoles of other units wrote anything meanwhile."""
    writer = subprocess.Popen([helper, "reply", db], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    assert writer.stdout.readline().strip() == "ready"
    all_ttys = [t for ts in ttys_by_unit.values() for t in ts]
    by_fd = {t.fd: t for t in all_ttys}
    samples, spurious = [], 0
    try:
        for i in range(rounds):
            unit = i % UNITS
            # The console's own clock redraws at each minute: stay clear of it so a frame is this commit's.
            while time.time() % 60 > 57.5 or time.time() % 60 < 1.5:
                time.sleep(0.2)
            drain(all_ttys, 0.05)
            writer.stdin.write(f"go {cases[unit][i // UNITS % 2]} Mätning {i}\n")
            writer.stdin.flush()
            waiting = {t.fd for t in ttys_by_unit[unit]}
            first = {}
            deadline = time.monotonic() + 5
            while waiting and time.monotonic() < deadline:
                r, _, _ = select.select(list(by_fd), [], [], 0.5)
                now = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
                for fd in r:
                    if by_fd[fd].read():
                        if fd in waiting:
                            first[fd] = now
                            waiting.discard(fd)
                        elif fd not in {t.fd for t in ttys_by_unit[unit]}:
                            spurious += 1
            start_ns = int(writer.stdout.readline().split()[0])
            samples += [(ns - start_ns) / 1e6 for ns in first.values()] + [float("inf")] * len(waiting)
    finally:
        writer.stdin.close()
        writer.wait(timeout=10)
    return samples, spurious


def consoles(lots, helper, work, n, idle_seconds, rounds, say):
    per_unit = max(1, n // UNITS)
    say(f"scale: a store with {UNITS} units × {per_unit} clinicians")
    db, units, cases = make_store(lots, work, per_unit)
    users = [f"sc{u:02d}k{k:02d}" for k in range(per_unit) for u in range(UNITS)]
    result = {"consoles": len(users)}
    ttys = start(lots, db, users, False, say)
    try:
        say(f"  idle {idle_seconds} s")
        result["idle_cpu"], result["idle_wrote"] = idle_cpu(ttys, idle_seconds)
        pss = sorted(t.pss_mb() for t in ttys)
        result["pss_median"], result["pss_max"] = pss[len(pss) // 2], pss[-1]
        say(f"  {rounds} commits, one unit at a time")
        by_unit = {u: [t for t in ttys if t.user.startswith(f"sc{u:02d}k")] for u in range(UNITS)}
        result["latency"], result["spurious"] = commits(helper, db, by_unit, cases, rounds)
    finally:
        for t in ttys:
            t.close()
    # The old design in the same run: 50 polling consoles (one per unit), against 50 of the new.
    say("scale: 50 polling consoles (the old design), then 50 notified ones, idle")
    for polling in (True, False):
        ttys = start(lots, db, [f"sc{u:02d}k00" for u in range(UNITS)], polling, say)
        try:
            result["poll50_cpu" if polling else "notify50_cpu"] = idle_cpu(ttys, min(idle_seconds, 30))[0]
        finally:
            for t in ttys:
                t.close()
    return result

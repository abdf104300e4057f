"""The real `lots` console on a pseudo-terminal, its screen kept by the terminal emulator pyte (Scripts/bench)."""
import os, pty, select, signal, struct, time


class Console:
    """The real `lots` console on a pseudo-terminal, its screen kept by pyte."""

    def __init__(self, lots, db, user="anna", cols=80, rows=24):
        import pyte
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LOTS_DB=db)
        env.pop("NO_COLOR", None)
        self.started = time.monotonic_ns()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            import fcntl, termios
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.execve(lots, [lots, "--db", db, "--user", user], env)
        self.last_output = self.started

    def pump(self, until, timeout, other=None):
        """Reads output until `until(text)` holds; returns the arrival time (ns) of the chunk that made it so.
        `other` is (fd, callback) for a second stream to serve while waiting."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("the console did not show what was expected; screen:\n" + self.text())
            fds = [self.fd] + ([other[0]] if other else [])
            ready, _, _ = select.select(fds, [], [], min(left, 0.5))
            now = time.monotonic_ns()
            if other and other[0] in ready:
                other[1]()
            if self.fd in ready:
                try:
                    data = os.read(self.fd, 65536)
                except OSError:
                    raise RuntimeError("the console exited; screen:\n" + self.text())
                self.last_output = now
                self.stream.feed(data)
                if until(self.text()):
                    return now

    def text(self):
        return "\n".join(self.screen.display)

    def send(self, keys):
        os.write(self.fd, keys.encode())

    def cpu_ticks(self):
        fields = open(f"/proc/{self.pid}/stat").read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime

    def memory_mb(self):
        """(resident now, peak resident) in MB."""
        fields = {l.split(":")[0]: l.split()[1] for l in open(f"/proc/{self.pid}/status") if l.startswith(("VmRSS:", "VmHWM:"))}
        return int(fields["VmRSS"]) / 1024, int(fields["VmHWM"]) / 1024

    def close(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self.fd)


def log_in(console):
    console.pump(lambda t: "demo" not in t and ("Lösenord" in t or "Password" in t), 20)
    console.send("demo\r")
    return console.pump(lambda t: "ärenden" in t, 20)

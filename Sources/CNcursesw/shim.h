#ifndef LOTS_CNCURSESW_SHIM_H
#define LOTS_CNCURSESW_SHIM_H
// Wide-character ncurses for Swift. The two defines must precede the header.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <ncursesw/curses.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// Macros and globals that Swift cannot import directly.
static inline WINDOW *lots_stdscr(void) { return stdscr; }
static inline int lots_lines(void) { return LINES; }
static inline int lots_cols(void) { return COLS; }
static inline int lots_colors(void) { return COLORS; }
static inline int lots_key_resize(void) { return KEY_RESIZE; }
static inline int lots_key_code_yes(void) { return KEY_CODE_YES; }
static inline attr_t lots_a_reverse(void) { return A_REVERSE; }
static inline attr_t lots_a_bold(void) { return A_BOLD; }
static inline attr_t lots_a_underline(void) { return A_UNDERLINE; }
static inline attr_t lots_a_normal(void) { return A_NORMAL; }
static inline attr_t lots_color_pair(short n) { return COLOR_PAIR(n); }
static inline const char *lots_codeset(void) { return nl_langinfo(CODESET); }
static inline int lots_set_attr(attr_t a, short pair) { return wattr_set(stdscr, a, pair, NULL); }
static inline int lots_put(int y, int x, const wchar_t *s, int n) { return mvwaddnwstr(stdscr, y, x, s, n); }
static inline int lots_get_wch(wint_t *ch) { return wget_wch(stdscr, ch); }
static inline void lots_timeout(int ms) { wtimeout(stdscr, ms); }
static inline int lots_key_f0(void) { return KEY_F0; }


// MARK: - Crash handling (async-signal-safe: only tcsetattr, write, time, backtrace_symbols_fd, sigaction and raise)

#include <execinfo.h>
#include <sys/stat.h>
#include <stdio.h>
#include <time.h>

// State lives in function-local statics: Swift emits these inline functions, not a header's globals.
struct lots_crash_state {
    struct termios modes; int modesOk; int fd; struct sigaction previous[32];
    char header[160]; size_t headerLength;
    /// 0 for a command (stdout may be a pipe: no terminal to restore), 1 for the console.
    int restoresTerminal;
    /// Where to open the log if no descriptor was given (a command opens it only when it crashes).
    char path[1024];
};
static inline struct lots_crash_state *lots_crash(void) {
    static struct lots_crash_state state = { .fd = -1 };
    return &state;
}

static inline void lots_crash_write(int fd, const char *s, size_t n) { ssize_t ignored = write(fd, s, n); (void)ignored; }
static inline void lots_crash_puts(int fd, const char *s) { lots_crash_write(fd, s, strlen(s)); }
/// A non-negative number in decimal, without printf (not async-signal-safe).
static inline void lots_crash_number(int fd, long long v) {
    char digits[24]; int n = 0;
    if (v < 0) v = 0;
    do { digits[sizeof digits - 1 - n++] = (char)('0' + v % 10); v /= 10; } while (v > 0 && n < 23);
    lots_crash_write(fd, digits + sizeof digits - n, (size_t)n);
}
static inline const char *lots_signal_name(int sig) {
    switch (sig) {
    case SIGSEGV: return "SIGSEGV (invalid memory access)";
    case SIGBUS: return "SIGBUS (bus error)";
    case SIGILL: return "SIGILL (illegal instruction: a Swift runtime check failed)";
    case SIGTRAP: return "SIGTRAP (a Swift runtime check failed)";
    case SIGABRT: return "SIGABRT (aborted)";
    case SIGFPE: return "SIGFPE (arithmetic error)";
    default: return "signal";
    }
}

/// On a fatal signal: the terminal modes saved before curses started, the reset sequences (leave the
/// alternate screen, show the cursor, plain attributes), then a report to the log (version, pid, time,
/// signal, a backtrace of the crashing thread), then the default action.
static inline void lots_crash_handler(int sig) {
    struct lots_crash_state *st = lots_crash();
    if (st->restoresTerminal) {
        if (st->modesOk) tcsetattr(STDIN_FILENO, TCSANOW, &st->modes);
        static const char reset[] = "\033[?1049l\033[?25h\033[0m\r\n";
        lots_crash_write(STDOUT_FILENO, reset, sizeof reset - 1);
    }
    int fd = st->fd;
    if (fd < 0 && st->path[0]) {
        // mkdir and open are async-signal-safe: create the folders on the way, then the file.
        char dir[sizeof st->path];
        for (size_t i = 1; st->path[i] && i < sizeof dir; i++) {
            if (st->path[i] != '/') continue;
            memcpy(dir, st->path, i); dir[i] = 0;
            mkdir(dir, 0700);
        }
        fd = open(st->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    }
    if (fd >= 0) {
        lots_crash_puts(fd, st->restoresTerminal ? "lots: console crashed with signal " : "lots: command crashed with signal ");
        lots_crash_number(fd, sig);
        lots_crash_puts(fd, " ");
        lots_crash_puts(fd, lots_signal_name(sig));
        lots_crash_puts(fd, "\n  ");
        lots_crash_write(fd, st->header, st->headerLength);
        lots_crash_puts(fd, ", unix time ");
        lots_crash_number(fd, (long long)time(NULL));
        lots_crash_puts(fd, "\n  backtrace (addresses resolve with: addr2line -f -C -e <binary> <+offset>):\n");
        void *frames[64];
        int n = backtrace(frames, 64);
        backtrace_symbols_fd(frames, n, fd);
        lots_crash_puts(fd, "  end of crash report\n");
    }
    // The default action (exit with the signal, a core dump where enabled). Swift's backtracer is not chained:
    // it writes to the terminal and waits for keys.
    signal(sig, SIG_DFL);
    raise(sig);  // delivered when this handler returns
}

/// Saves the terminal's modes now (before curses changes them) and catches fatal signals (on their own
/// stack, so a stack overflow is reported too); `logfd` gets the report, headed by `version`.
static inline void lots_install_crash_handler_for(int logfd, const char *version, int restoresTerminal, const char *path) {
    struct lots_crash_state *st = lots_crash();
    snprintf(st->path, sizeof st->path, "%s", path ? path : "");
    st->restoresTerminal = restoresTerminal;
    st->modesOk = restoresTerminal && tcgetattr(STDIN_FILENO, &st->modes) == 0;
    st->fd = logfd;
    int n = snprintf(st->header, sizeof st->header, "lots %s, pid %d", version, (int)getpid());
    st->headerLength = n < 0 ? 0 : ((size_t)n < sizeof st->header ? (size_t)n : sizeof st->header - 1);
    // backtrace() loads libgcc on its first call (malloc, dlopen): do that now, not inside the handler.
    void *warm[2];
    (void)backtrace(warm, 2);
    static char altstack[64 * 1024];
    stack_t ss = { .ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0 };
    sigaltstack(&ss, NULL);
    const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = lots_crash_handler;
        sa.sa_flags = SA_ONSTACK;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, &st->previous[sigs[i]]);
    }
}

static inline void lots_install_crash_handler(int logfd, const char *version) { lots_install_crash_handler_for(logfd, version, 1, NULL); }

/// Restores the previous handlers (after the terminal is restored normally).
static inline void lots_remove_crash_handler(void) {
    const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    struct lots_crash_state *st = lots_crash();
    st->restoresTerminal = 0;
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &st->previous[sigs[i]], NULL);
}

/// Teaches ncurses the Home/End variants terminals send (tmux: ESC[1~ ESC[4~; rxvt: ESC[7~ ESC[8~; xterm: ESC[H ESC[F, ESC O H/F).
static inline void lots_define_keys(void) {
    define_key("\033[1~", KEY_HOME);
    define_key("\033[7~", KEY_HOME);
    define_key("\033[H", KEY_HOME);
    define_key("\033OH", KEY_HOME);
    define_key("\033[4~", KEY_END);
    define_key("\033[8~", KEY_END);
    define_key("\033[F", KEY_END);
    define_key("\033OF", KEY_END);
    define_key("\033[3~", KEY_DC);
    define_key("\033[5~", KEY_PPAGE);
    define_key("\033[6~", KEY_NPAGE);
}

#endif

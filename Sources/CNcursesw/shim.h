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


// MARK: - Crash handling (async-signal-safe: only tcsetattr, write, sigaction and raise)

// State lives in function-local statics: Swift emits these inline functions, not a header's globals.
struct lots_crash_state { struct termios modes; int modesOk; int fd; struct sigaction previous[32]; };
static inline struct lots_crash_state *lots_crash(void) {
    static struct lots_crash_state state = { .fd = -1 };
    return &state;
}

/// On a fatal signal: the terminal modes saved before curses started, the reset sequences (leave the
/// alternate screen, show the cursor, plain attributes), one line to the log, then
/// the default action.
static inline void lots_crash_handler(int sig) {
    struct lots_crash_state *st = lots_crash();
    if (st->modesOk) tcsetattr(STDIN_FILENO, TCSANOW, &st->modes);
    static const char reset[] = "\033[?1049l\033[?25h\033[0m\r\n";
    ssize_t ignored = write(STDOUT_FILENO, reset, sizeof reset - 1);
    if (st->fd >= 0) {
        char line[64] = "lots: console crashed with signal ";
        size_t n = strlen(line);
        if (sig >= 10) line[n++] = (char)('0' + sig / 10);
        line[n++] = (char)('0' + sig % 10);
        line[n++] = '\n';
        ignored = write(st->fd, line, n);
    }
    (void)ignored;
    // The default action (exit with the signal, a core dump where enabled). Swift's backtracer is not chained:
    // it writes to the terminal and waits for keys.
    signal(sig, SIG_DFL);
    raise(sig);  // delivered when this handler returns
}

/// Saves the terminal's modes now (before curses changes them) and catches fatal signals; `logfd` gets a line.
static inline void lots_install_crash_handler(int logfd) {
    struct lots_crash_state *st = lots_crash();
    st->modesOk = tcgetattr(STDIN_FILENO, &st->modes) == 0;
    st->fd = logfd;
    const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = lots_crash_handler;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, &st->previous[sigs[i]]);
    }
}

/// Restores the previous handlers (after the terminal is restored normally).
static inline void lots_remove_crash_handler(void) {
    const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    struct lots_crash_state *st = lots_crash();
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

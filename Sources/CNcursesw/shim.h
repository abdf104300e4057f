#ifndef LOTS_CNCURSESW_SHIM_H
#define LOTS_CNCURSESW_SHIM_H
// Wide-character ncurses for Swift. The two defines must precede the header.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

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

#endif

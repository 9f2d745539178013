// The few ncurses macros and globals Swift cannot see, as static inline functions.
#ifndef CHARGEYE_NCURSES_SHIM_H
#define CHARGEYE_NCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <stdio.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

static inline FILE *ce_stdout(void) { return stdout; }
static inline FILE *ce_stdin(void) { return stdin; }
static inline WINDOW *ce_stdscr(void) { return stdscr; }
static inline WINDOW *ce_curscr(void) { return curscr; }
static inline int ce_lines(void) { return LINES; }
static inline int ce_cols(void) { return COLS; }
static inline int ce_colors(void) { return COLORS; }
static inline attr_t ce_color_pair(int n) { return COLOR_PAIR(n); }
static inline attr_t ce_a_bold(void) { return A_BOLD; }
static inline attr_t ce_a_reverse(void) { return A_REVERSE; }
static inline attr_t ce_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ce_a_dim(void) { return A_DIM; }
static inline attr_t ce_a_normal(void) { return A_NORMAL; }
static inline mmask_t ce_mouse_mask(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
static inline int ce_is_wheel_up(mmask_t state) { return (state & BUTTON4_PRESSED) != 0; }
static inline int ce_is_wheel_down(mmask_t state) { return (state & BUTTON5_PRESSED) != 0; }
static inline int ce_is_click(mmask_t state) { return (state & (BUTTON1_CLICKED | BUTTON1_PRESSED)) != 0; }
static inline const char *ce_codeset(void) { return nl_langinfo(CODESET); }
/* A full-screen program needs cursor addressing; TERM=dumb has none. */
static inline int ce_can_address_cursor(void) { char *cup = tigetstr("cup"); return cup != 0 && cup != (char *)-1; }
/* linux, vt100 and others have no alternate screen: the last frame would stay behind. */
static inline int ce_has_alternate_screen(void) { char *smcup = tigetstr("smcup"); return smcup != 0 && smcup != (char *)-1 && *smcup != 0; }
#endif

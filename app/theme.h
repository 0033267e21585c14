/*
 * theme.h - the window's colour themes and the per-task palette.
 *
 * Three themes (dark, light, and high contrast for projectors), written once as an X-macro
 * list so the command line (--theme) and the T key share the names. Task colours come from
 * the Okabe-Ito palette, which stays distinguishable under the common colour-vision
 * deficiencies; every task also gets a shape (theme_task_shape), so colour is never the
 * only signal.
 *
 * Not for: sizes and positions (layout.h).
 */
#ifndef LS_THEME_H
#define LS_THEME_H

#include <stdbool.h>

#include "geom.h"

/* clang-format off */
#define THEMES(X)                                      \
    X(THEME_DARK, "dark")                              \
    X(THEME_LIGHT, "light")                            \
    X(THEME_CONTRAST, "contrast") /* projector: black, white, thick lines */
/* clang-format on */

typedef enum {
#define X(e, name) e,
    THEMES(X)
#undef X
        THEME_COUNT
} ThemeId;

enum { PALETTE_SIZE = 8 };

/* Every colour the views use, by role. */
typedef struct {
    const char *name;
    Rgba bg;                 /* window background */
    Rgba panel;              /* region background */
    Rgba panel_edge;         /* region border */
    Rgba card;               /* cards, boxes inside regions */
    Rgba card_edge;          /* their border */
    Rgba text;               /* main text */
    Rgba dim;                /* secondary text, line numbers, hidden `#|` lines */
    Rgba accent;             /* the clock hand, focus, selection */
    Rgba run_line;           /* the band behind the running statement */
    Rgba error;              /* tracebacks, failed states */
    Rgba ok;                 /* done states */
    Rgba pending;            /* pending states */
    Rgba cancelled;          /* cancelled states */
    Rgba shadow;             /* under overlays */
    Rgba code[8];            /* syntax classes, indexed by TokClass (syntax.h) */
    Rgba task[PALETTE_SIZE]; /* task colours */
    float line_scale;        /* border and arrow widths, relative to the layout's */
} Theme;

/* The theme with that id. */
const Theme *theme_get(ThemeId id);
/* Parses a theme name ("dark", "light", "contrast"); false when unknown. */
bool theme_parse(const char *name, ThemeId *id);
const char *theme_name(ThemeId id);

/* The colour and shape of the task with palette index `colour` (-1: no task). */
Rgba theme_task_colour(const Theme *theme, int colour);
Shape theme_task_shape(int colour);

#endif

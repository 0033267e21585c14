/*
 * theme.c - the colour values of each theme (see theme.h).
 *
 * Calm backgrounds, text well above WCAG AA contrast on its panel, and state colours that
 * differ in lightness as well as hue. Not for: anything but colour values.
 */
#include "theme.h"

#include <string.h>

#define RGB(r, g, b)                                                                               \
    { r, g, b, 255 }
#define RGBA(r, g, b, a)                                                                           \
    { r, g, b, a }

static const Theme THEME_TABLE[THEME_COUNT] = {
    [THEME_DARK] =
        {
            .name = "dark",
            .bg = RGB(20, 23, 29),
            .panel = RGB(28, 32, 40),
            .panel_edge = RGB(48, 54, 66),
            .card = RGB(40, 46, 58),
            .card_edge = RGB(66, 74, 90),
            .text = RGB(232, 234, 238),
            .dim = RGB(138, 146, 160),
            .accent = RGB(255, 200, 80),
            .run_line = RGBA(255, 200, 80, 46),
            .error = RGB(255, 110, 100),
            .ok = RGB(110, 205, 140),
            .pending = RGB(240, 190, 90),
            .cancelled = RGB(160, 166, 178),
            .shadow = RGBA(0, 0, 0, 150),
            /* plain, keyword, builtin, string, number, comment, definition, meta */
            .code = {RGB(224, 228, 234), RGB(199, 146, 234), RGB(86, 190, 200), RGB(160, 205, 125),
                     RGB(240, 178, 110), RGB(120, 130, 146), RGB(110, 178, 245), RGB(96, 104, 118)},
            /* Okabe-Ito, lifted for a dark background */
            .task = {RGB(86, 180, 233), RGB(230, 159, 0), RGB(40, 190, 145), RGB(214, 130, 180),
                     RGB(240, 228, 66), RGB(80, 140, 230), RGB(235, 120, 40), RGB(190, 190, 190)},
            .line_scale = 1.0f,
        },
    [THEME_LIGHT] =
        {
            .name = "light",
            .bg = RGB(238, 236, 231),
            .panel = RGB(252, 251, 248),
            .panel_edge = RGB(214, 210, 202),
            .card = RGB(243, 241, 236),
            .card_edge = RGB(196, 191, 182),
            .text = RGB(32, 34, 40),
            .dim = RGB(104, 108, 118),
            .accent = RGB(200, 110, 0),
            .run_line = RGBA(255, 190, 60, 70),
            .error = RGB(196, 30, 30),
            .ok = RGB(20, 130, 70),
            .pending = RGB(170, 110, 0),
            .cancelled = RGB(110, 114, 124),
            .shadow = RGBA(40, 36, 30, 110),
            .code = {RGB(36, 40, 48), RGB(150, 40, 170), RGB(0, 120, 140), RGB(40, 120, 30),
                     RGB(180, 90, 0), RGB(120, 126, 136), RGB(20, 90, 190), RGB(150, 150, 156)},
            /* Okabe-Ito, darkened where it would vanish on white */
            .task = {RGB(0, 114, 178), RGB(213, 94, 0), RGB(0, 140, 100), RGB(190, 90, 150),
                     RGB(170, 150, 0), RGB(86, 150, 210), RGB(230, 140, 0), RGB(90, 90, 90)},
            .line_scale = 1.0f,
        },
    [THEME_CONTRAST] =
        {
            .name = "contrast",
            .bg = RGB(0, 0, 0),
            .panel = RGB(0, 0, 0),
            .panel_edge = RGB(200, 200, 200),
            .card = RGB(18, 18, 18),
            .card_edge = RGB(235, 235, 235),
            .text = RGB(255, 255, 255),
            .dim = RGB(200, 200, 200),
            .accent = RGB(255, 230, 0),
            .run_line = RGBA(255, 230, 0, 70),
            .error = RGB(255, 90, 90),
            .ok = RGB(90, 240, 140),
            .pending = RGB(255, 215, 0),
            .cancelled = RGB(200, 200, 200),
            .shadow = RGBA(0, 0, 0, 200),
            .code = {RGB(255, 255, 255), RGB(255, 140, 255), RGB(120, 230, 255), RGB(150, 255, 120),
                     RGB(255, 200, 120), RGB(190, 190, 190), RGB(120, 200, 255),
                     RGB(170, 170, 170)},
            /* pure Okabe-Ito: the colour-blind-safe set */
            .task = {RGB(86, 180, 233), RGB(230, 159, 0), RGB(0, 158, 115), RGB(204, 121, 167),
                     RGB(240, 228, 66), RGB(0, 114, 178), RGB(213, 94, 0), RGB(255, 255, 255)},
            .line_scale = 1.6f,
        },
};

const Theme *theme_get(ThemeId id) {
    return &THEME_TABLE[id < THEME_COUNT ? id : THEME_DARK];
}

bool theme_parse(const char *name, ThemeId *id) {
    static const char *const NAMES[] = {
#define X(e, n) n,
        THEMES(X)
#undef X
    };
    for (int i = 0; i < THEME_COUNT; i++) {
        if (strcmp(name, NAMES[i]) == 0) {
            *id = (ThemeId)i;
            return true;
        }
    }
    return false;
}

const char *theme_name(ThemeId id) {
    return theme_get(id)->name;
}

Rgba theme_task_colour(const Theme *theme, int colour) {
    if (colour < 0) {
        return theme->dim;
    }
    return theme->task[colour % PALETTE_SIZE];
}

Shape theme_task_shape(int colour) {
    /* shapes change every palette colour, and again after a full palette, so two tasks
       with the same colour (task 1 and task 9) still differ in shape */
    if (colour < 0) {
        return SHAPE_CIRCLE;
    }
    return (Shape)((colour + colour / PALETTE_SIZE) % SHAPE_COUNT);
}

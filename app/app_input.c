/*
 * app_input.c - keys and mouse (UI.md, "Controls"): every key of the table, clicks that
 * highlight and inspect, hover, dragging the timeline, the lists of the event log and the
 * scenario picker, and files dropped on the window.
 *
 * Input only changes App state; nothing here draws. Not for: the window itself (window.c).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

static const LsGranularity GRANULARITIES[] = {LS_STEP_EVENT, LS_STEP_LINE, LS_STEP_AWAIT,
                                              LS_STEP_ITERATION};

/* ------------------------------------------------------------------ lists */

/* Fills the event log's rows around the current step. */
static void open_event_log(App *app) {
    enum { SPAN = 2000 };
    for (int i = 0; i < app->nlog_rows; i++) {
        free(app->log_rows[i]);
    }
    free(app->log_rows);
    app->log_base = app->step > SPAN ? app->step - SPAN : 0;
    size_t end = app->log_base + 2 * SPAN < app->nevents ? app->log_base + 2 * SPAN : app->nevents;
    app->nlog_rows = (int)(end - app->log_base);
    app->log_rows = calloc((size_t)app->nlog_rows + 1, sizeof *app->log_rows);
    for (int i = 0; i < app->nlog_rows; i++) {
        char line[512];
        ls_trace_format(app->trace, app->log_base + (size_t)i, false, line, sizeof line);
        app->log_rows[i] = strdup(line);
    }
    app->list_selected = (int)(app->step - app->log_base) - 1;
    app->overlay = OVERLAY_EVENT_LOG;
}

static void open_picker(App *app) {
    app->list_selected = 0;
    for (int i = 0; i < app->nlibrary; i++) {
        if (strcmp(app->library[i], app->path) == 0) {
            app->list_selected = i;
        }
    }
    app->overlay = OVERLAY_PICKER;
}

static int list_rows(const App *app) {
    return app->overlay == OVERLAY_PICKER ? app->nlibrary : app->nlog_rows;
}

/* Keeps the selected row inside the visible part of the list. */
static void list_follow(App *app) {
    int cap = view_list_capacity(&app->layout), n = list_rows(app);
    app->list_selected = app->list_selected < 0    ? 0
                         : app->list_selected >= n ? n - 1
                                                   : app->list_selected;
    if (app->list_selected < app->list_first) {
        app->list_first = app->list_selected;
    }
    if (app->list_selected >= app->list_first + cap) {
        app->list_first = app->list_selected - cap + 1;
    }
    app->list_first = app->list_first < 0 ? 0 : app->list_first;
}

/* Enter or a click on a row: jump to that event, or open that scenario. */
static void list_choose(App *app, Gfx *gfx, int row, double now) {
    if (row < 0 || row >= list_rows(app)) {
        return;
    }
    Overlay which = app->overlay;
    app->overlay = OVERLAY_NONE;
    if (which == OVERLAY_PICKER) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s", app->library[row]);
        app_open(app, gfx, path, now);
    } else {
        app_goto(app, gfx, app->log_base + (size_t)row + 1, now, true);
    }
}

static bool list_key(App *app, Gfx *gfx, SDL_Keycode key, double now) {
    int page = view_list_capacity(&app->layout);
    switch (key) {
    case SDLK_UP:
        app->list_selected--;
        break;
    case SDLK_DOWN:
        app->list_selected++;
        break;
    case SDLK_PAGEUP:
        app->list_selected -= page;
        break;
    case SDLK_PAGEDOWN:
        app->list_selected += page;
        break;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        list_choose(app, gfx, app->list_selected, now);
        return true;
    default:
        return false;
    }
    list_follow(app);
    return true;
}

/* ------------------------------------------------------------------ keys */

static void cycle_granularity(App *app, int direction) {
    int i = 0;
    while (GRANULARITIES[i] != app->granularity) {
        i++;
    }
    app->granularity = GRANULARITIES[(i + direction + 4) % 4];
}

static void set_zoom(App *app, Gfx *gfx, float zoom, double now) {
    app->opt.zoom = fminf(2.0f, fmaxf(0.6f, zoom));
    app_relayout(app, gfx);
    char text[64];
    snprintf(text, sizeof text, tr(app->opt.lang, MSG_ZOOM), (int)lroundf(app->opt.zoom * 100));
    app_notice(app, now, text);
}

/* Keys that move through the trace. Returns false when the key is not one of them. */
static bool step_key(App *app, Gfx *gfx, SDL_Keycode key, Uint16 mod, double now) {
    bool shift = mod & KMOD_SHIFT, ctrl = mod & KMOD_CTRL;
    LsGranularity g = ctrl ? LS_STEP_ITERATION : shift ? LS_STEP_AWAIT : app->granularity;
    switch (key) {
    case SDLK_RIGHT:
    case SDLK_PAGEDOWN:
        app_step_forward(app, gfx, g, now);
        return true;
    case SDLK_LEFT:
    case SDLK_PAGEUP:
        app_step_back(app, gfx, g, now);
        return true;
    case SDLK_HOME:
        app->asking = false;
        app_goto(app, gfx, 0, now, true);
        return true;
    case SDLK_END:
        app->asking = false;
        app_goto(app, gfx, app->nevents, now, true);
        return true;
    case SDLK_DOWN:
        cycle_granularity(app, 1);
        return true;
    case SDLK_UP:
        cycle_granularity(app, -1);
        return true;
    case SDLK_SPACE:
        app->playing = !app->playing;
        app->next_play = now;
        return true;
    default:
        return false;
    }
}

/* Keys that change how things look. */
static bool view_key(App *app, Gfx *gfx, SDL_Keycode key, Uint16 mod, double now) {
    bool ctrl = mod & KMOD_CTRL;
    switch (key) {
    case SDLK_EQUALS:
    case SDLK_PLUS:
    case SDLK_KP_PLUS:
        if (ctrl) {
            set_zoom(app, gfx, app->opt.zoom + 0.1f, now);
        } else if (app->speed + 1 < APP_SPEEDS) {
            app->speed++;
        }
        return true;
    case SDLK_MINUS:
    case SDLK_KP_MINUS:
        if (ctrl) {
            set_zoom(app, gfx, app->opt.zoom - 0.1f, now);
        } else if (app->speed > 0) {
            app->speed--;
        }
        return true;
    case SDLK_0:
        if (ctrl)
            set_zoom(app, gfx, 1, now);
        return ctrl;
    case SDLK_l:
        app->opt.lang = app->opt.lang == LANG_EN ? LANG_ZH : LANG_EN;
        break;
    case SDLK_t:
        app->opt.theme = (ThemeId)((app->opt.theme + 1) % THEME_COUNT);
        return true;
    case SDLK_d:
        app->opt.detail = app->opt.detail == DETAIL_LOOP ? DETAIL_TASKS : DETAIL_LOOP;
        break;
    case SDLK_f:
    case SDLK_F11:
        app->opt.fullscreen = !app->opt.fullscreen;
        return true;
    default:
        return false;
    }
    app_relayout(app, gfx);
    if (key == SDLK_d) {
        app_notice(
            app, now,
            tr(app->opt.lang, app->opt.detail == DETAIL_LOOP ? MSG_DETAIL_LOOP : MSG_DETAIL_TASKS));
    }
    return true;
}

/* Esc closes the innermost thing open. */
static void escape(App *app) {
    if (app->overlay != OVERLAY_NONE) {
        app->overlay = OVERLAY_NONE;
    } else if (app->asking) {
        app->asking = false;
    } else if (app->sel_task != 0 || app->sel_future != 0) {
        app->sel_task = app->sel_future = 0;
    } else {
        app->opt.fullscreen = false;
    }
}

static void key(App *app, Gfx *gfx, const SDL_Keysym *k, double now) {
    bool ctrl = k->mod & KMOD_CTRL, shift = k->mod & KMOD_SHIFT;
    if (k->sym == SDLK_ESCAPE) {
        escape(app);
        return;
    }
    if (k->sym == SDLK_F1 || (k->sym == SDLK_SLASH && shift) || k->sym == SDLK_QUESTION) {
        app->overlay = app->overlay == OVERLAY_HELP ? OVERLAY_NONE : OVERLAY_HELP;
        return;
    }
    if ((app->overlay == OVERLAY_EVENT_LOG || app->overlay == OVERLAY_PICKER) &&
        list_key(app, gfx, k->sym, now)) {
        return;
    }
    if (k->sym == SDLK_c && ctrl) {
        app_interrupt(app, gfx, now);
    } else if (k->sym == SDLK_q && ctrl) {
        app->quit = true;
    } else if (step_key(app, gfx, k->sym, k->mod, now) || view_key(app, gfx, k->sym, k->mod, now)) {
        return;
    } else if (k->sym == SDLK_RIGHTBRACKET || k->sym == SDLK_LEFTBRACKET) {
        app_open_sibling(app, gfx, k->sym == SDLK_RIGHTBRACKET ? 1 : -1, now);
    } else if (k->sym == SDLK_o) {
        open_picker(app);
    } else if (k->sym == SDLK_e && app->trace != NULL) {
        open_event_log(app);
        list_follow(app);
        app->list_first = app->list_selected - view_list_capacity(&app->layout) / 2;
        list_follow(app);
    } else if (k->sym == SDLK_r) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s", app->path);
        app_open(app, gfx, path, now);
    } else if (k->sym == SDLK_s) {
        app->want_screenshot = true;
    } else if (k->sym == SDLK_p) {
        app->predict = !app->predict;
        app->asking = false;
    }
}

/* ------------------------------------------------------------------ mouse */

/* Moves to the step under x on the timeline. */
static void scrub(App *app, Gfx *gfx, float x, double now) {
    Box t = view_timeline_track(&app->layout);
    size_t step = timeline_step_at(&app->timeline, (x - t.x) / t.w);
    if (step != app->step) {
        app->asking = false;
        app_goto(app, gfx, step, now, true);
    }
}

/* A click on an item selects its task or future (again: deselects). */
static void select_item(App *app, const Item *it) {
    uint32_t task = 0, future = 0;
    if (it != NULL && it->kind == IT_FUTURE) {
        future = it->future;
    } else if (it != NULL && it->task != 0) {
        task = it->task;
    } else if (it != NULL) {
        future = it->future;
    }
    bool same = task == app->sel_task && future == app->sel_future;
    app->sel_task = same ? 0 : task;
    app->sel_future = same ? 0 : future;
}

static void click(App *app, Gfx *gfx, float x, float y, double now) {
    if (app->overlay == OVERLAY_HELP) {
        app->overlay = OVERLAY_NONE;
        return;
    }
    if (app->overlay != OVERLAY_NONE) {
        int cap = view_list_capacity(&app->layout);
        for (int i = 0; i < cap; i++) {
            if (box_contains(view_list_row(&app->layout, i), x, y)) {
                list_choose(app, gfx, app->list_first + i, now);
                return;
            }
        }
        app->overlay = OVERLAY_NONE;
        return;
    }
    if (box_contains(app->layout.timeline, x, y)) {
        app->dragging = true;
        scrub(app, gfx, x, now);
        return;
    }
    select_item(app, app_item_at(app, x, y));
}

static void wheel(App *app, Gfx *gfx, int dy, double now) {
    if (app->overlay == OVERLAY_EVENT_LOG || app->overlay == OVERLAY_PICKER) {
        app->list_first -= dy * 3;
        int max = list_rows(app) - view_list_capacity(&app->layout);
        app->list_first = app->list_first > max ? max : app->list_first;
        app->list_first = app->list_first < 0 ? 0 : app->list_first;
    } else if (dy < 0) {
        app_step_forward(app, gfx, app->granularity, now);
    } else if (dy > 0) {
        app_step_back(app, gfx, app->granularity, now);
    }
}

/* A .py dropped on the window joins the library and opens. */
static void drop(App *app, Gfx *gfx, const char *file, double now) {
    bool known = false;
    for (int i = 0; i < app->nlibrary; i++) {
        known |= strcmp(app->library[i], file) == 0;
    }
    if (!known && app->nlibrary < APP_MAX_LIBRARY) {
        app->library[app->nlibrary++] = strdup(file);
    }
    app_open(app, gfx, file, now);
}

void app_event(App *app, Gfx *gfx, const SDL_Event *e, double now) {
    switch (e->type) {
    case SDL_QUIT:
        app->quit = true;
        break;
    case SDL_KEYDOWN:
        key(app, gfx, &e->key.keysym, now);
        break;
    case SDL_MOUSEMOTION:
        app->mouse_x = (float)e->motion.x;
        app->mouse_y = (float)e->motion.y;
        if (app->dragging) {
            scrub(app, gfx, app->mouse_x, now);
        }
        break;
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.button == SDL_BUTTON_LEFT) {
            click(app, gfx, (float)e->button.x, (float)e->button.y, now);
        }
        break;
    case SDL_MOUSEBUTTONUP:
        app->dragging = false;
        break;
    case SDL_MOUSEWHEEL:
        wheel(app, gfx, e->wheel.y, now);
        break;
    case SDL_DROPFILE:
        drop(app, gfx, e->drop.file, now);
        SDL_free(e->drop.file);
        break;
    default:
        break;
    }
}

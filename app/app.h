/*
 * app.h - the window's state and what changes it: the open scenario and its trace, the step
 * shown, playback, presentation settings, pointer and overlays, and the animation between
 * the last two steps. One App struct holds it all (STYLE.md rule 4).
 *
 * Each frame the host (window.c, or render.c off-screen) calls, in order:
 *   app_event() for each input event -> app_update() -> app_draw() -> present.
 * app_draw() builds the frame (blends the two scenes) and renders it; it changes nothing
 * but caches.
 *
 * Not for: SDL windows (window.c), PNG files (png.c), drawing details (view_*.c).
 */
#ifndef LS_APP_H
#define LS_APP_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "cli.h"
#include "gfx.h"
#include "i18n.h"
#include "layout.h"
#include "loopscope_trace.h"
#include "meta.h"
#include "picture.h"
#include "scene.h"
#include "syntax.h"
#include "theme.h"
#include "timeline.h"
#include "views.h"

/* Settings the command line gives the window or the off-screen renderer. */
typedef struct {
    Lang lang;
    ThemeId theme;
    Detail detail;
    float zoom;
    bool fullscreen;
    bool has_max_steps;
    uint64_t max_steps;
} AppOptions;

enum { APP_MAX_LIBRARY = 256, APP_SPEEDS = 9 };

typedef struct {
    /* the scenario */
    char path[PATH_MAX]; /* file shown */
    char *text;          /* its bytes (owned) */
    size_t length;
    long mtime;           /* when it was read, to reload on change */
    char load_error[512]; /* why it could not be read, or "" */
    Meta meta;
    Code code;
    LsTrace *trace; /* owned; NULL when the file could not be read */
    size_t nevents; /* trace length known so far */
    bool ended;     /* the trace is complete */
    /* where we are */
    size_t step;
    LsGranularity granularity;
    bool playing;
    int speed;        /* index into the speed table */
    double next_play; /* when playback takes its next step (seconds) */
    /* presentation */
    AppOptions opt;
    Overlay overlay;
    bool predict;     /* predict mode on */
    bool asking;      /* predict mode: the question is up, the step is held */
    size_t held_step; /* the step the answer will show */
    /* pointer */
    float mouse_x, mouse_y; /* drawable pixels */
    uint64_t hover;
    double hover_since;
    uint32_t sel_task, sel_future;
    bool dragging; /* the timeline's playhead */
    int list_first, list_selected;
    /* pictures and scenes */
    Picture pic, prev_pic, end_pic;
    bool prev_valid; /* prev_pic is the step just before (for handle kinds) */
    Scene target;    /* the step's scene */
    Scene from;      /* where the animation starts (a blend baked at the step change) */
    Scene frame;     /* this frame's blend */
    double anim_start, anim_len;
    Layout layout;
    Timeline timeline;
    bool dirty; /* the scene must be rebuilt (size, language, detail changed) */
    /* notices */
    char toast[256];
    double toast_until;
    /* the scenario library */
    char *library[APP_MAX_LIBRARY];
    int nlibrary;
    /* event log rows, built when the log opens */
    char **log_rows;
    int nlog_rows;
    size_t log_base; /* event number of log_rows[0] */
    bool quit;
    bool want_screenshot; /* S was pressed: the host saves the next frame */
    double next_watch;    /* when to look at the file's modification time again */
    double next_extend;   /* when the trace may run ahead again */
} App;

/* The app's options from the command line (validated there: names are known). */
void app_options_from_cli(AppOptions *opt, const CliOptions *cli);

/* Initialises the app with options; opens nothing yet. */
void app_init(App *app, const AppOptions *opt);
void app_free(App *app);

/*
 * Opens a scenario (replacing the one shown). A file that cannot be read, does not parse or
 * fails later is shown with its error; this returns false only to tell the caller so.
 */
bool app_open(App *app, Gfx *gfx, const char *path, double now);

/* Sets the drawable size. */
void app_resize(App *app, Gfx *gfx, int w, int h);

/* Moves to a step; animates from what is on screen unless `animate` is false. */
void app_goto(App *app, Gfx *gfx, size_t step, double now, bool animate);

/* Handles one input event (coordinates already in drawable pixels, see window.c). */
void app_event(App *app, Gfx *gfx, const SDL_Event *event, double now);

/* Advances playback, the trace, hover and animation clocks. */
void app_update(App *app, Gfx *gfx, double now);

/* Draws the whole frame. */
void app_draw(App *app, Gfx *gfx, double now);

/* Whether something moves (so the host should keep drawing frames). */
bool app_busy(const App *app, double now);

/* The steps per second of the current speed setting. */
float app_speed(const App *app);

/* Steps forward / back at a granularity (predict mode may hold a forward step). */
void app_step_forward(App *app, Gfx *gfx, LsGranularity g, double now);
void app_step_back(App *app, Gfx *gfx, LsGranularity g, double now);
/* Ctrl+C: re-runs with a KeyboardInterrupt delivered at the current step. */
void app_interrupt(App *app, Gfx *gfx, double now);
/* Shows a short notice for a few seconds. */
void app_notice(App *app, double now, const char *text);
/* Rebuilds the scene after a change of size, language, detail or zoom. */
void app_relayout(App *app, Gfx *gfx);
/* Opens the next (+1) or previous (-1) scenario of the library. */
void app_open_sibling(App *app, Gfx *gfx, int direction, double now);
/* The item under a point of the drawn scene, or NULL. */
const Item *app_item_at(const App *app, float x, float y);

#endif

/*
 * app.c - the window's state: opening scenarios, moving between steps, playback, the trace
 * running ahead, and drawing a frame (see app.h). Input is in app_input.c.
 */
#include "app.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "narrate.h"
#include "source.h"

/* Steps per second of each speed setting (+ and - move along it). */
static const float SPEEDS[APP_SPEEDS] = {0.25f, 0.5f, 1, 2, 4, 8, 16, 32, 64};

/* Animation length at rest; playback shortens it so it never lags behind. */
static const double ANIM_SECONDS = 0.45;

/* The trace grows in chunks of this many events, up to a ceiling for endless programs. */
enum { TRACE_CHUNK = 4096, TRACE_CEILING = 2000000 };

float app_speed(const App *app) {
    return SPEEDS[app->speed];
}

void app_options_from_cli(AppOptions *opt, const CliOptions *cli) {
    *opt = (AppOptions){.lang = LANG_EN,
                        .theme = THEME_DARK,
                        .detail = DETAIL_LOOP,
                        .zoom = 1,
                        .fullscreen = cli->fullscreen,
                        .has_max_steps = cli->has_max_steps,
                        .max_steps = cli->max_steps};
    if (cli->lang != NULL) {
        lang_parse(cli->lang, &opt->lang);
    }
    if (cli->theme != NULL) {
        theme_parse(cli->theme, &opt->theme);
    }
    if (cli->detail != NULL && strcmp(cli->detail, "tasks") == 0) {
        opt->detail = DETAIL_TASKS;
    }
}

void app_init(App *app, const AppOptions *opt) {
    memset(app, 0, sizeof *app);
    app->opt = *opt;
    if (app->opt.zoom <= 0) {
        app->opt.zoom = 1;
    }
    app->speed = 2;
    app->granularity = LS_STEP_EVENT;
    app->list_selected = -1;
    scene_init(&app->target);
    scene_init(&app->from);
    scene_init(&app->frame);
}

static void free_log(App *app) {
    for (int i = 0; i < app->nlog_rows; i++) {
        free(app->log_rows[i]);
    }
    free(app->log_rows);
    app->log_rows = NULL;
    app->nlog_rows = 0;
}

/* Releases the scenario (not the settings or the library). */
static void close_scenario(App *app) {
    if (app->trace != NULL) {
        ls_trace_delete(app->trace);
    }
    app->trace = NULL;
    free(app->text);
    app->text = NULL;
    meta_free(&app->meta);
    code_free(&app->code);
    free_log(app);
    app->nevents = 0;
    app->ended = false;
    app->load_error[0] = '\0';
}

void app_free(App *app) {
    close_scenario(app);
    picture_free(&app->pic);
    picture_free(&app->prev_pic);
    picture_free(&app->end_pic);
    scene_free(&app->target);
    scene_free(&app->from);
    scene_free(&app->frame);
    timeline_free(&app->timeline);
    for (int i = 0; i < app->nlibrary; i++) {
        free(app->library[i]);
    }
    memset(app, 0, sizeof *app);
}

void app_notice(App *app, double now, const char *text) {
    snprintf(app->toast, sizeof app->toast, "%s", text);
    app->toast_until = now + 2.5;
}

/* ------------------------------------------------------------------ the library */

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists the .py files beside `path` (the library the file belongs to), sorted. */
static void scan_library(App *app, const char *path) {
    for (int i = 0; i < app->nlibrary; i++) {
        free(app->library[i]);
    }
    app->nlibrary = 0;
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash != NULL) {
        *slash = '\0';
    } else {
        snprintf(dir, sizeof dir, ".");
    }
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d != NULL && (e = readdir(d)) != NULL && app->nlibrary < APP_MAX_LIBRARY) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] != '.' && n > 3 && strcmp(e->d_name + n - 3, ".py") == 0) {
            char full[PATH_MAX + 256];
            snprintf(full, sizeof full, "%s/%s", dir, e->d_name);
            app->library[app->nlibrary++] = strdup(full);
        }
    }
    if (d != NULL) {
        closedir(d);
    }
    qsort(app->library, (size_t)app->nlibrary, sizeof *app->library, compare_names);
}

void app_open_sibling(App *app, Gfx *gfx, int direction, double now) {
    if (app->nlibrary == 0) {
        return;
    }
    int at = -1;
    for (int i = 0; i < app->nlibrary; i++) {
        if (strcmp(app->library[i], app->path) == 0) {
            at = i;
        }
    }
    int next = (at + direction + app->nlibrary) % app->nlibrary;
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s", app->library[next]);
    app_open(app, gfx, path, now);
}

/* ------------------------------------------------------------------ trace and pictures */

/* Re-reads the trace's length; rebuilds the timeline and the end picture when it grew. */
static void refresh_length(App *app) {
    bool ended = false;
    size_t n = app->trace ? ls_trace_length(app->trace, &ended) : 0;
    int cols = (int)(app->layout.timeline.w - 2 * app->layout.pad - 140 * app->layout.s);
    if (n == app->nevents && ended == app->ended && app->timeline.ncols == cols && cols > 0) {
        return;
    }
    app->nevents = n;
    app->ended = ended;
    if (app->trace != NULL) { /* a late picture names every task in the timeline's colours */
        picture_fill(&app->end_pic, ls_trace_seek(app->trace, n), app->trace);
    }
    timeline_build(&app->timeline, app->trace, n, cols > 0 ? cols : 1, &app->end_pic);
}

/* Seeks the trace to `step` (and the step before, for what it just did) into pictures. */
static void load_pictures(App *app, size_t step) {
    if (app->trace == NULL) {
        picture_fill(&app->pic, &(LsSnapshot){0}, NULL);
        app->prev_valid = false;
        return;
    }
    app->prev_valid = step > 0;
    if (step > 0) {
        picture_fill(&app->prev_pic, ls_trace_seek(app->trace, step - 1), app->trace);
    }
    picture_fill(&app->pic, ls_trace_seek(app->trace, step), app->trace);
}

/* Whether the picture's statement belongs to the scenario and runs now (not a stale line
   left over while the loop is between handles, and not a line of asyncio's own code). */
static bool code_runs(const App *app) {
    const Picture *pic = &app->pic;
    if (pic->line <= 0 || pic->ended) {
        return false;
    }
    if (pic->file != NULL && !picture_same_file(pic->file, app->path)) {
        return false;
    }
    return pic->running_handle != 0 || pic->loop != LS_LOOP_RUNNING;
}

/* The line whose `#| say:` applies: the last statement started, as long as the loop has
   not moved on to another handle since (a few hundred events back at most). */
static int say_line(const App *app) {
    enum { LOOK_BACK = 256 };
    for (size_t i = app->step, n = 0; i-- > 0 && n < LOOK_BACK; n++) {
        const LsEvent *ev = ls_trace_event(app->trace, i);
        if (ev == NULL) {
            return 0;
        }
        switch (ev->kind) {
        case LS_EV_STATEMENT:
            return code_runs(app) || ev->line == app->pic.line ? ev->line : 0;
        case LS_EV_READY_POP:
        case LS_EV_HANDLE_DONE:
        case LS_EV_END:
        case LS_EV_LOOP_STATE:
            return 0;
        default:
            break;
        }
    }
    return 0;
}

/* Rebuilds the target scene from the current picture and settings. */
static void build_target(App *app, Gfx *gfx, float prev_scroll) {
    char generated[768];
    narrate_event(generated, sizeof generated, app->opt.lang, &app->pic,
                  app->prev_valid ? &app->prev_pic : NULL, &app->meta);
    const char *error = app->trace ? ls_trace_error(app->trace) : NULL;
    if (error != NULL && app->pic.step == 0) { /* say why nothing will run */
        const char *last = error, *p = error;
        for (; *p != '\0'; p++) {
            last = p[0] == '\n' && p[1] != '\0' ? p + 1 : last;
        }
        snprintf(generated, sizeof generated, "%s: %.*s", tr(app->opt.lang, MSG_CANNOT_START),
                 (int)strcspn(last, "\n"), last);
    }
    int line = app->trace != NULL ? say_line(app) : 0;
    const char *say = line > 0 ? meta_say(&app->meta, line, app->opt.lang) : NULL;
    if (app->pic.step == 0) {
        say = app->meta.summary[app->opt.lang] ? app->meta.summary[app->opt.lang]
                                               : app->meta.summary[!app->opt.lang];
    }
    SceneInput in = {.pic = &app->pic,
                     .layout = &app->layout,
                     .meta = &app->meta,
                     .file = app->path,
                     .gfx = gfx,
                     .lang = app->opt.lang,
                     .detail = app->opt.detail,
                     .prev = app->prev_valid ? &app->prev_pic : NULL,
                     .prev_scroll = prev_scroll,
                     .code_runs = code_runs(app),
                     .say = say,
                     .generated = generated};
    scene_build(&app->target, &in);
}

static float ease(float t) {
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return t < 0.5f ? 4 * t * t * t : 1 - powf(-2 * t + 2, 3) / 2;
}

/* How far the animation is, 0..1 (1: at rest). */
static float progress(const App *app, double now) {
    if (app->anim_len <= 0) {
        return 1;
    }
    double t = (now - app->anim_start) / app->anim_len;
    return t >= 1 ? 1 : t <= 0 ? 0 : (float)t;
}

void app_goto(App *app, Gfx *gfx, size_t step, double now, bool animate) {
    if (step > app->nevents) {
        step = app->nevents;
    }
    float t = ease(progress(app, now));
    if (animate) { /* start from what is on screen now, even mid-animation */
        scene_lerp(&app->frame, &app->from, &app->target, t);
        Scene swap = app->from;
        app->from = app->frame;
        app->frame = swap;
    }
    float scroll = app->target.line_h > 0 ? app->target.scroll : 0;
    app->step = step;
    load_pictures(app, step);
    build_target(app, gfx, scroll);
    app->anim_start = now;
    double len = app->playing ? fmin(ANIM_SECONDS, 0.85 / app_speed(app)) : ANIM_SECONDS;
    app->anim_len = animate ? len : 0;
    if (app->step + 512 > app->nevents && !app->ended) {
        refresh_length(app);
    }
}

void app_relayout(App *app, Gfx *gfx) {
    layout_compute(&app->layout, app->layout.w, app->layout.h, app->opt.zoom, app->opt.detail);
    app->anim_len = 0;
    refresh_length(app);
    timeline_build(&app->timeline, app->trace, app->nevents,
                   (int)(app->layout.timeline.w - 2 * app->layout.pad - 140 * app->layout.s),
                   &app->end_pic);
    build_target(app, gfx, app->target.line_h > 0 ? app->target.scroll : 0);
}

void app_resize(App *app, Gfx *gfx, int w, int h) {
    app->layout.w = w;
    app->layout.h = h;
    app_relayout(app, gfx);
}

/* ------------------------------------------------------------------ opening */

/* Reads the file into the app; false with app->load_error set when it cannot. */
static bool read_scenario(App *app, const char *path) {
    Source source = {0};
    if (!source_load(&source, path, app->load_error, sizeof app->load_error)) {
        return false;
    }
    app->text = source.text;
    app->length = source.length;
    struct stat st;
    app->mtime = stat(path, &st) == 0 ? (long)st.st_mtime : 0;
    return true;
}

static bool in_library(const App *app, const char *path) {
    for (int i = 0; i < app->nlibrary; i++) {
        if (strcmp(app->library[i], path) == 0) {
            return true;
        }
    }
    return false;
}

bool app_open(App *app, Gfx *gfx, const char *path, double now) {
    size_t keep_step = strcmp(app->path, path) == 0 ? app->step : 0;
    close_scenario(app);
    snprintf(app->path, sizeof app->path, "%s", path);
    app->sel_task = app->sel_future = 0;
    app->asking = false;
    bool ok = read_scenario(app, path);
    meta_parse(&app->meta, ok ? app->text : "", ok ? app->length : 0);
    code_build(&app->code, &app->meta);
    if (ok) {
        LsConfig config;
        ls_config_init(&config);
        const char *argv[1] = {path};
        config.argc = 1;
        config.argv = argv;
        if (app->opt.has_max_steps) {
            config.max_steps = app->opt.max_steps;
        }
        app->trace = ls_trace_open(&config, path, app->text, app->length);
        if (app->trace != NULL) {
            ls_trace_extend(app->trace, TRACE_CHUNK);
        }
    }
    if (!in_library(app, path)) {
        scan_library(app, path);
    }
    app->nevents = (size_t)-1; /* force a refresh */
    refresh_length(app);
    app->step = keep_step <= app->nevents ? keep_step : app->nevents;
    app_goto(app, gfx, app->step, now, false);
    return ok && app->trace != NULL && ls_trace_error(app->trace) == NULL;
}

/* ------------------------------------------------------------------ stepping */

/* Whether the events between two steps print or switch task (predict mode asks first). */
static bool worth_predicting(App *app, size_t from, size_t to) {
    for (size_t i = from; i < to && i < from + 100000; i++) {
        const LsEvent *ev = ls_trace_event(app->trace, i);
        if (ev != NULL && (ev->kind == LS_EV_OUTPUT || ev->kind == LS_EV_READY_POP ||
                           ev->kind == LS_EV_TASK_RESUME)) {
            return true;
        }
    }
    return false;
}

void app_step_forward(App *app, Gfx *gfx, LsGranularity g, double now) {
    if (app->trace == NULL) {
        return;
    }
    if (app->asking) { /* the answer */
        app->asking = false;
        app_goto(app, gfx, app->held_step, now, true);
        return;
    }
    if (!app->ended && app->step + 2 >= app->nevents) {
        ls_trace_extend(app->trace, app->nevents + TRACE_CHUNK);
        refresh_length(app);
    }
    size_t next = ls_trace_next(app->trace, app->step, g);
    if (next == app->step) {
        app->playing = false;
        return;
    }
    if (app->predict && worth_predicting(app, app->step, next)) {
        app->asking = true;
        app->held_step = next;
        app->playing = false;
        return;
    }
    app_goto(app, gfx, next, now, true);
}

void app_step_back(App *app, Gfx *gfx, LsGranularity g, double now) {
    app->asking = false;
    if (app->trace != NULL && app->step > 0) {
        app_goto(app, gfx, ls_trace_prev(app->trace, app->step, g), now, true);
    }
}

void app_interrupt(App *app, Gfx *gfx, double now) {
    if (app->trace == NULL) {
        return;
    }
    LsTrace *rerun = ls_trace_interrupt_at(app->trace, app->step);
    if (rerun == NULL) {
        return;
    }
    ls_trace_delete(app->trace);
    app->trace = rerun;
    ls_trace_extend(app->trace, app->step + TRACE_CHUNK);
    app->nevents = (size_t)-1;
    refresh_length(app);
    char text[160];
    snprintf(text, sizeof text, tr(app->opt.lang, MSG_INTERRUPTED), app->step);
    app_notice(app, now, text);
    app_goto(app, gfx, app->step, now, false);
}

/* ------------------------------------------------------------------ per frame */

/* Reloads the scenario when its file changed on disk (checked about once a second). */
static void watch_file(App *app, Gfx *gfx, double now) {
    if (app->path[0] == '\0' || now < app->next_watch) {
        return;
    }
    app->next_watch = now + 1.0;
    struct stat st;
    if (stat(app->path, &st) == 0 && (long)st.st_mtime != app->mtime && app->mtime != 0) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s", app->path);
        app_open(app, gfx, path, now);
    }
}

void app_update(App *app, Gfx *gfx, double now) {
    if (app->playing && now >= app->next_play) {
        app_step_forward(app, gfx, app->granularity, now);
        app->next_play = now + 1.0 / app_speed(app);
    }
    if (app->trace != NULL && !app->ended && app->nevents < TRACE_CEILING &&
        now >= app->next_extend) {
        ls_trace_extend(app->trace, app->nevents + TRACE_CHUNK); /* run ahead, a chunk at a time */
        refresh_length(app);
        app->next_extend = now + 0.2;
    }
    const Item *it = app_item_at(app, app->mouse_x, app->mouse_y);
    uint64_t hover = it != NULL ? it->key : 0;
    if (hover != app->hover) {
        app->hover = hover;
        app->hover_since = now;
    }
    watch_file(app, gfx, now);
}

bool app_busy(const App *app, double now) {
    return app->playing || progress(app, now) < 1 || now < app->toast_until ||
           (app->trace != NULL && !app->ended && app->nevents < TRACE_CEILING);
}

const Item *app_item_at(const App *app, float x, float y) {
    const Scene *sc = app->anim_len > 0 ? &app->frame : &app->target;
    for (int i = sc->n; i-- > 0;) {
        const Item *it = &sc->items[i];
        if (it->alpha > 0.5f && box_contains(it->box, x, y) && it->kind != IT_NOTE) {
            return it;
        }
    }
    return NULL;
}

/* ------------------------------------------------------------------ drawing */

static void draw_overlays(App *app, const View *v, double now) {
    if ((app->sel_task != 0 || app->sel_future != 0) && app->overlay == OVERLAY_NONE) {
        view_inspector(v);
    }
    const Item *hovered = app->hover ? scene_find(v->scene, app->hover) : NULL;
    if (hovered != NULL && hovered->tip != NULL && now - app->hover_since > 0.35 &&
        app->overlay == OVERLAY_NONE) {
        view_tooltip(v, app->mouse_x, app->mouse_y, hovered->tip);
    }
    if (now < app->toast_until && !app->want_screenshot) { /* notices stay out of screenshots */
        view_toast(v, app->toast, (float)fmin(1, (app->toast_until - now) * 2));
    }
    if (app->overlay == OVERLAY_HELP) {
        view_help(v);
    } else if (app->overlay == OVERLAY_EVENT_LOG) {
        ListInfo list = {(const char *const *)app->log_rows, app->nlog_rows, app->list_first,
                         app->list_selected};
        view_list(v, tr(app->opt.lang, MSG_EVENT_LOG), &list);
    } else if (app->overlay == OVERLAY_PICKER) {
        ListInfo list = {(const char *const *)app->library, app->nlibrary, app->list_first,
                         app->list_selected};
        view_list(v, tr(app->opt.lang, MSG_PICKER), &list);
    }
}

void app_draw(App *app, Gfx *gfx, double now) {
    gfx_begin_frame(gfx);
    float t = progress(app, now);
    const Scene *scene = &app->target;
    if (t < 1) { /* build: this frame's blend of the two steps */
        scene_lerp(&app->frame, &app->from, &app->target, ease(t));
        scene = &app->frame;
    }
    const Theme *th = theme_get(app->opt.theme);
    const char *error = app->load_error[0] ? app->load_error
                        : app->trace       ? ls_trace_error(app->trace)
                                           : NULL;
    View v = {.gfx = gfx,
              .theme = th,
              .layout = &app->layout,
              .lang = app->opt.lang,
              .detail = app->opt.detail,
              .scene = scene,
              .target = &app->target,
              .pic = &app->pic,
              .meta = &app->meta,
              .code = &app->code,
              .error = error,
              .t = t,
              .sel_task = app->sel_task,
              .sel_future = app->sel_future,
              .hover = app->hover,
              .now = now};
    SDL_SetRenderDrawColor(gfx->renderer, th->bg.r, th->bg.g, th->bg.b, 255);
    SDL_RenderClear(gfx->renderer);
    const char *file = strrchr(app->path, '/') ? strrchr(app->path, '/') + 1 : app->path;
    TitleInfo title = {.title = meta_title(&app->meta, app->opt.lang),
                       .file = file,
                       .step = app->step,
                       .nsteps = app->nevents,
                       .nsteps_final = app->ended,
                       .granularity = app->granularity,
                       .playing = app->playing,
                       .speed = app_speed(app),
                       .predict = app->predict};
    view_title(&v, &title);
    view_source(&v, file);
    view_loop(&v);
    view_console(&v);
    if (app->asking) {
        view_predict(&v);
    } else {
        view_narration(&v);
    }
    view_timeline(&v, &app->timeline, app->step, app->ended);
    draw_overlays(app, &v, now);
}

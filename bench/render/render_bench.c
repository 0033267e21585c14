/*
 * render_bench.c - how long the window takes to draw a frame, measured off-screen with SDL's
 * software renderer (the slowest renderer the window may get), and how long it takes from
 * start to the first drawn frame.
 *
 *   build/render_bench [--size WxH] [--frames N] [--at STEP] [--dump DIR] SCENARIO.py...
 *
 * For each scenario: start-up (fonts, engine, trace, first frame at step 0), then the
 * busiest step (most live tasks and timers) drawn at rest and while animating to and from
 * its neighbours; prints p50, p99 and the worst frame. Targets (issue 5): 200 live tasks and
 * 50 timers p99 < 8 ms at 1920x1080; 2,000 tasks p99 < 16 ms; first frame < 200 ms.
 * --dump DIR also writes the frames of one animation as PNG, to look at.
 *
 * Not for: the engine's speed (bench/cpu) or correctness (tests/).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "host.h"

typedef struct {
    int w, h, frames;
    const char *dump;
    long at; /* --at K: measure (and dump) around step K instead of the busiest step */
} Options;

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Live tasks plus timers at a step: what makes a frame expensive. */
static size_t load_at(LsTrace *trace, size_t step) {
    const LsSnapshot *s = ls_trace_seek(trace, step);
    size_t live = 0;
    for (size_t i = 0; i < s->ntasks; i++) {
        live += s->tasks[i].state < LS_TASK_DONE;
    }
    return live + s->ntimers;
}

/* The step with the most live tasks and timers (sampled, then refined nearby). */
static size_t busiest_step(LsTrace *trace, size_t n) {
    size_t best = 0, best_load = 0, stride = n / 400 + 1;
    for (size_t k = 0; k <= n; k += stride) {
        size_t load = load_at(trace, k);
        if (load > best_load) {
            best_load = load;
            best = k;
        }
    }
    return best;
}

/* Draws one frame and returns how long it took, in milliseconds. */
static double timed_frame(App *app, Gfx *gfx, SDL_Renderer *r, double now) {
    double t0 = host_now();
    app_update(app, gfx, now);
    app_draw(app, gfx, now);
    SDL_RenderPresent(r);
    return (host_now() - t0) * 1000;
}

static void report(const char *what, double *ms, int n) {
    qsort(ms, (size_t)n, sizeof *ms, compare_doubles);
    printf("  %-30s p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms   (%d frames)\n", what, ms[n / 2],
           ms[(int)(n * 0.99)], ms[n - 1], n);
}

static void dump(const SDL_Surface *s, const char *dir, const char *name, int i) {
    char path[4096], error[4200];
    snprintf(path, sizeof path, "%s/%s-%02d.png", dir, name, i);
    if (!host_write_png(path, s->pixels, s->w, s->h, s->pitch, error, sizeof error)) {
        fprintf(stderr, "render_bench: %s\n", error);
    }
}

/* Frames at rest on the busiest step, then animations to its neighbours and back. */
static void measure(App *app, Gfx *gfx, SDL_Surface *surface, SDL_Renderer *r, const Options *o,
                    const char *name) {
    size_t step = o->at >= 0 ? (size_t)o->at : busiest_step(app->trace, app->nevents);
    app_goto(app, gfx, step, 0, false);
    printf("  busiest step %zu: %zu tasks, %zu timers, %zu ready\n", step, app->pic.ntasks,
           app->pic.ntimers, app->pic.nready);
    double *ms = malloc((size_t)o->frames * sizeof *ms);
    for (int i = 0; i < o->frames; i++) {
        app->mouse_x = (float)(i * 37 % o->w); /* hover moves over items */
        app->mouse_y = (float)(i * 53 % o->h);
        ms[i] = timed_frame(app, gfx, r, 100 + i * 0.016);
    }
    report("at rest", ms, o->frames);
    double now = 1000;
    for (int i = 0; i < o->frames; i++) { /* a new step every 20 frames: always moving */
        if (i % 20 == 0) {
            size_t to = (i / 20) % 2 == 0 ? ls_trace_next(app->trace, step, LS_STEP_EVENT) : step;
            app_goto(app, gfx, to, now, true);
        }
        now += app->anim_len / 20;
        ms[i] = timed_frame(app, gfx, r, now);
        if (o->dump != NULL && i < 20) {
            dump(surface, o->dump, name, i);
        }
    }
    report("animating", ms, o->frames);
    free(ms);
}

static int run_one(const Options *o, const char *path) {
    double start = host_now();
    SDL_Surface *surface =
        SDL_CreateRGBSurfaceWithFormat(0, o->w, o->h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    Gfx gfx;
    char exe[4096];
    if (r == NULL || !gfx_init(&gfx, r, host_exe_dir(exe, sizeof exe) ? exe : NULL)) {
        fprintf(stderr, "render_bench: cannot set up rendering: %s\n",
                r ? gfx.error : SDL_GetError());
        return 1;
    }
    AppOptions opt = {.lang = LANG_EN, .theme = THEME_DARK, .detail = DETAIL_LOOP, .zoom = 1};
    App *app = calloc(1, sizeof *app);
    app_init(app, &opt);
    layout_compute(&app->layout, o->w, o->h, 1, DETAIL_LOOP);
    app->layout.w = o->w;
    app->layout.h = o->h;
    app_open(app, &gfx, path, 0);
    app_draw(app, &gfx, 0);
    SDL_RenderPresent(r);
    double first = (host_now() - start) * 1000;
    while (!app->ended) { /* the whole run, so the busiest step can be found */
        size_t before = app->nevents;
        app_step_forward(app, &gfx, LS_STEP_ITERATION, 0);
        if (app->nevents == before && app->step >= app->nevents) {
            break;
        }
    }
    const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    printf("%s at %dx%d (software renderer, off-screen)\n", name, o->w, o->h);
    printf("  start-up to first frame        %6.1f ms (fonts, engine, trace, layout, draw)\n",
           first);
    measure(app, &gfx, surface, r, o, name);
    app_free(app);
    free(app);
    gfx_free(&gfx);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surface);
    return 0;
}

int main(int argc, char **argv) {
    Options o = {.w = 1920, .h = 1080, .frames = 400, .at = -1};
    int status = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--size") == 0 && i + 1 < argc) {
            sscanf(argv[++i], "%dx%d", &o.w, &o.h);
        } else if (strcmp(argv[i], "--frames") == 0 && i + 1 < argc) {
            o.frames = atoi(argv[++i]) > 20 ? atoi(argv[i]) : 20;
        } else if (strcmp(argv[i], "--at") == 0 && i + 1 < argc) {
            o.at = atol(argv[++i]);
        } else if (strcmp(argv[i], "--dump") == 0 && i + 1 < argc) {
            o.dump = argv[++i];
        } else {
            status |= run_one(&o, argv[i]);
        }
    }
    if (argc < 2) {
        fprintf(stderr,
                "usage: render_bench [--size WxH] [--frames N] [--dump DIR] SCENARIO.py...\n");
        return 2;
    }
    TTF_Quit();
    return status;
}

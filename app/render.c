/*
 * render.c - off-screen rendering of each step to PNG (see render.h).
 *
 * Uses SDL's software renderer on a plain surface: no video driver is initialised, so it
 * runs on a server without a display and without SDL_VIDEODRIVER being set.
 */
#include "render.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "host.h"

enum { STATUS_USAGE = 2, STATUS_FAILED = 1, DEFAULT_W = 1280, DEFAULT_H = 720 };

/* Creates DIR and its parents when they do not exist (as `mkdir -p`). */
static bool make_dir(const char *dir) {
    char path[4096];
    snprintf(path, sizeof path, "%s", dir);
    for (char *p = path + 1; *p != '\0'; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(path, 0777); /* an existing parent is fine; the last check decides */
            *p = '/';
        }
    }
    struct stat st;
    if (stat(path, &st) == 0) {
        return S_ISDIR(st.st_mode);
    }
    return mkdir(path, 0777) == 0;
}

/* The off-screen target: a surface, and a software renderer drawing into it. */
typedef struct {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
} Target;

static bool target_init(Target *t, int w, int h) {
    t->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    t->renderer = t->surface ? SDL_CreateSoftwareRenderer(t->surface) : NULL;
    return t->renderer != NULL;
}

static void target_free(Target *t) {
    if (t->renderer != NULL) {
        SDL_DestroyRenderer(t->renderer);
    }
    if (t->surface != NULL) {
        SDL_FreeSurface(t->surface);
    }
}

/* Draws each step of the range and writes it; returns how many were written, -1 on error. */
static long write_steps(App *app, Gfx *gfx, Target *t, const CliOptions *opts) {
    size_t last = opts->has_steps ? opts->last_step : SIZE_MAX;
    size_t first = opts->has_steps ? opts->first_step : 0;
    long written = 0;
    for (size_t step = first; step <= last; step++) {
        if (step > app->nevents) {
            app_step_forward(app, gfx, LS_STEP_EVENT, 0); /* lets the trace run further */
            if (step > app->nevents) {
                break;
            }
        }
        app_goto(app, gfx, step, 0, false);
        app_draw(app, gfx, 0);
        SDL_RenderPresent(t->renderer);
        char path[4200], error[4400];
        snprintf(path, sizeof path, "%s/step-%05zu.png", opts->render_dir, step);
        if (!host_write_png(path, t->surface->pixels, t->surface->w, t->surface->h,
                            t->surface->pitch, error, sizeof error)) {
            fprintf(stderr, "loopscope: %s\n", error);
            return -1;
        }
        written++;
    }
    return written;
}

int render_frames(const CliOptions *opts) {
    if (!make_dir(opts->render_dir)) {
        fprintf(stderr, "loopscope: cannot use '%s' as the output folder: %s\n", opts->render_dir,
                errno ? strerror(errno) : "not a folder");
        return STATUS_USAGE;
    }
    int w = opts->width ? opts->width : DEFAULT_W, h = opts->height ? opts->height : DEFAULT_H;
    Target target = {0};
    Gfx gfx;
    char exe[4096];
    if (!target_init(&target, w, h) ||
        !gfx_init(&gfx, target.renderer, host_exe_dir(exe, sizeof exe) ? exe : NULL)) {
        fprintf(stderr, "loopscope: cannot render: %s\n",
                target.renderer ? gfx.error : SDL_GetError());
        target_free(&target);
        return STATUS_FAILED;
    }
    AppOptions opt;
    app_options_from_cli(&opt, opts);
    App *app = SDL_calloc(1, sizeof *app); /* large: keep it off the stack */
    app_init(app, &opt);
    app->layout.w = w;
    app->layout.h = h;
    layout_compute(&app->layout, w, h, opt.zoom, opt.detail);
    app_open(app, &gfx, opts->file, 0);
    bool unreadable = app->load_error[0] != '\0';
    long written = unreadable ? -1 : write_steps(app, &gfx, &target, opts);
    if (unreadable) {
        fprintf(stderr, "loopscope: %s\n", app->load_error);
    } else if (written >= 0) {
        printf("loopscope: wrote %ld frame%s (%dx%d) to %s\n", written, written == 1 ? "" : "s", w,
               h, opts->render_dir);
    }
    app_free(app);
    SDL_free(app);
    gfx_free(&gfx);
    target_free(&target);
    TTF_Quit();
    return unreadable ? STATUS_USAGE : written < 0 ? STATUS_FAILED : 0;
}

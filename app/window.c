/*
 * window.c - the SDL window around the app: creation (resizable, high-DPI aware), the
 * frame loop input -> update -> draw -> present, fullscreen, and screenshots.
 *
 * Idle windows sleep in SDL_WaitEventTimeout; while something moves, frames follow vsync
 * (or a 60 Hz pace with the software renderer). LOOPSCOPE_TIMING=1 prints the time to
 * the first presented frame. Not for: what a frame contains (app.c).
 */
#include "window.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "host.h"

enum { STATUS_FAILED = 1 };

typedef struct {
    SDL_Window *window;
    SDL_Renderer *renderer;
    float scale;     /* drawable pixels per window point (2 on a high-DPI screen) */
    bool fullscreen; /* what the window is now (the app says what it should be) */
    bool vsync;      /* presenting waits for the display; else frames are paced by hand */
} Host;

/* A window of 1280x720, or larger on a large screen (up to 80% of it). */
static void initial_size(int *w, int *h) {
    SDL_Rect usable;
    *w = 1280;
    *h = 720;
    if (SDL_GetDisplayUsableBounds(0, &usable) == 0 && usable.w * 0.8 > 1280) {
        *w = (int)(usable.w * 0.8);
        *h = *w * 9 / 16;
        if (*h > usable.h * 0.85) {
            *h = (int)(usable.h * 0.85);
            *w = *h * 16 / 9;
        }
    }
}

static bool host_open(Host *host, bool fullscreen) {
    int w, h;
    initial_size(&w, &h);
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI |
                   (fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    host->window =
        SDL_CreateWindow("loopscope", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (host->window == NULL) {
        return false;
    }
    SDL_SetWindowMinimumSize(host->window, 640, 360);
    host->renderer =
        SDL_CreateRenderer(host->window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (host->renderer == NULL) {
        host->renderer = SDL_CreateRenderer(host->window, -1, SDL_RENDERER_SOFTWARE);
    }
    host->fullscreen = fullscreen;
    SDL_RendererInfo info;
    host->vsync = host->renderer != NULL && SDL_GetRendererInfo(host->renderer, &info) == 0 &&
                  (info.flags & SDL_RENDERER_PRESENTVSYNC);
    return host->renderer != NULL;
}

static void host_close(Host *host) {
    if (host->renderer != NULL) {
        SDL_DestroyRenderer(host->renderer);
    }
    if (host->window != NULL) {
        SDL_DestroyWindow(host->window);
    }
}

/* Re-reads the drawable size and tells the app. */
static void sync_size(Host *host, App *app, Gfx *gfx) {
    int ww, wh, dw, dh;
    SDL_GetWindowSize(host->window, &ww, &wh);
    SDL_GetRendererOutputSize(host->renderer, &dw, &dh);
    host->scale = ww > 0 ? (float)dw / (float)ww : 1;
    if (dw != app->layout.w || dh != app->layout.h) {
        app_resize(app, gfx, dw, dh);
    }
}

/* Mouse coordinates come in window points; the app works in drawable pixels. */
static SDL_Event to_pixels(const Host *host, SDL_Event e) {
    float s = host->scale;
    if (e.type == SDL_MOUSEMOTION) {
        e.motion.x = (int)(e.motion.x * s);
        e.motion.y = (int)(e.motion.y * s);
    } else if (e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP) {
        e.button.x = (int)(e.button.x * s);
        e.button.y = (int)(e.button.y * s);
    }
    return e;
}

static void handle(Host *host, App *app, Gfx *gfx, const SDL_Event *e, double now) {
    if (e->type == SDL_WINDOWEVENT && (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
                                       e->window.event == SDL_WINDOWEVENT_DISPLAY_CHANGED)) {
        sync_size(host, app, gfx);
        return;
    }
    SDL_Event scaled = to_pixels(host, *e);
    app_event(app, gfx, &scaled, now);
}

/* Saves the frame just drawn as loopscope-NAME-step-K.png in the working folder. */
static void screenshot(Host *host, App *app, double now) {
    const char *name = strrchr(app->path, '/') ? strrchr(app->path, '/') + 1 : app->path;
    char path[512], error[600], text[600];
    snprintf(path, sizeof path, "loopscope-%.*s-step-%zu.png", (int)strcspn(name, "."), name,
             app->step);
    if (host_save_renderer(host->renderer, path, error, sizeof error)) {
        snprintf(text, sizeof text, tr(app->opt.lang, MSG_SAVED), path);
        app_notice(app, now, text);
    } else {
        app_notice(app, now, error);
    }
    app->want_screenshot = false;
}

/* One frame: input, update, draw, present. */
static void frame(Host *host, App *app, Gfx *gfx) {
    SDL_Event e;
    double now = host_now();
    if (!app_busy(app, now) && SDL_WaitEventTimeout(&e, 100)) {
        handle(host, app, gfx, &e, host_now());
    }
    while (SDL_PollEvent(&e)) {
        handle(host, app, gfx, &e, host_now());
    }
    now = host_now();
    if (app->opt.fullscreen != host->fullscreen) {
        SDL_SetWindowFullscreen(host->window,
                                app->opt.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        host->fullscreen = app->opt.fullscreen;
    }
    sync_size(host, app, gfx); /* cheap, and window systems do not always send an event */
    app_update(app, gfx, now);
    app_draw(app, gfx, now);
    if (app->want_screenshot) {
        screenshot(host, app, now);
    }
    SDL_RenderPresent(host->renderer);
    double spent = host_now() - now;
    if (!host->vsync && spent < 1.0 / 60) { /* about 60 frames a second, no more */
        SDL_Delay((Uint32)((1.0 / 60 - spent) * 1000));
    }
}

int window_run(const CliOptions *opts, const char *file) {
    double start = host_now();
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "loopscope: cannot open a window: %s\n", SDL_GetError());
        return STATUS_FAILED;
    }
    SDL_EventState(SDL_DROPFILE, SDL_ENABLE);
    Host host = {0};
    Gfx gfx;
    char exe[4096];
    AppOptions opt;
    app_options_from_cli(&opt, opts);
    if (!host_open(&host, opt.fullscreen) ||
        !gfx_init(&gfx, host.renderer, host_exe_dir(exe, sizeof exe) ? exe : NULL)) {
        fprintf(stderr, "loopscope: cannot open a window: %s\n",
                host.renderer ? gfx.error : SDL_GetError());
        host_close(&host);
        SDL_Quit();
        return STATUS_FAILED;
    }
    App *app = calloc(1, sizeof *app); /* large: keep it off the stack */
    app_init(app, &opt);
    sync_size(&host, app, &gfx);
    app_open(app, &gfx, file, host_now());
    frame(&host, app, &gfx);
    if (getenv("LOOPSCOPE_TIMING") != NULL) {
        fprintf(stderr, "loopscope: first frame after %.1f ms\n", (host_now() - start) * 1000);
    }
    while (!app->quit) {
        frame(&host, app, &gfx);
    }
    app_free(app);
    free(app);
    gfx_free(&gfx);
    host_close(&host);
    TTF_Quit();
    SDL_Quit();
    return 0;
}

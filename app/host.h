/*
 * host.h - what both hosts of the app (the window and the off-screen renderer) need from
 * the system: a clock, the executable's folder (to find assets/), and PNG files.
 *
 * Not for: SDL windows (window.c) or the frame loop of --render (render.c).
 */
#ifndef LS_HOST_H
#define LS_HOST_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

/* Seconds since an arbitrary start, monotonic. */
double host_now(void);

/* Writes the folder of the running executable into `dir`; false when unknown. */
bool host_exe_dir(char *dir, size_t size);

/*
 * Writes `w` x `h` ARGB8888 pixels (rows `pitch` bytes apart) to `path` as an RGB PNG.
 * On failure returns false with a one-line reason in `error`.
 */
bool host_write_png(const char *path, const void *pixels, int w, int h, int pitch, char *error,
                    size_t error_size);

/* Saves what `renderer` drew to `path` as PNG (reads the pixels back). */
bool host_save_renderer(SDL_Renderer *renderer, const char *path, char *error, size_t error_size);

#endif

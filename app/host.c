/*
 * host.c - clock, executable folder and PNG writing for the hosts (see host.h).
 *
 * PNG goes through libpng's simplified API (Debian's libpng-dev): SDL2 itself can only
 * write BMP, and README screenshots and slides want PNG.
 */
#include "host.h"

#include <errno.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

double host_now(void) {
    return (double)SDL_GetPerformanceCounter() / (double)SDL_GetPerformanceFrequency();
}

bool host_exe_dir(char *dir, size_t size) {
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        return false;
    }
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash == NULL) {
        return false;
    }
    *slash = '\0';
    snprintf(dir, size, "%s", exe);
    return true;
}

bool host_write_png(const char *path, const void *pixels, int w, int h, int pitch, char *error,
                    size_t error_size) {
    unsigned char *rgb = malloc((size_t)w * (size_t)h * 3);
    if (rgb == NULL) {
        snprintf(error, error_size, "out of memory for a %dx%d image", w, h);
        return false;
    }
    for (int y = 0; y < h; y++) { /* ARGB8888 words -> R, G, B bytes */
        const Uint32 *row =
            (const Uint32 *)((const unsigned char *)pixels + (size_t)y * (size_t)pitch);
        unsigned char *out = rgb + (size_t)y * (size_t)w * 3;
        for (int x = 0; x < w; x++) {
            out[3 * x] = (unsigned char)(row[x] >> 16);
            out[3 * x + 1] = (unsigned char)(row[x] >> 8);
            out[3 * x + 2] = (unsigned char)row[x];
        }
    }
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = (png_uint_32)w;
    image.height = (png_uint_32)h;
    image.format = PNG_FORMAT_RGB;
    errno = 0;
    bool ok = png_image_write_to_file(&image, path, 0, rgb, w * 3, NULL) != 0;
    if (!ok) {
        snprintf(error, error_size, "cannot write '%s': %s", path,
                 errno ? strerror(errno) : image.message);
    }
    png_image_free(&image);
    free(rgb);
    return ok;
}

bool host_save_renderer(SDL_Renderer *renderer, const char *path, char *error, size_t error_size) {
    int w, h;
    if (SDL_GetRendererOutputSize(renderer, &w, &h) != 0) {
        snprintf(error, error_size, "SDL: %s", SDL_GetError());
        return false;
    }
    Uint32 *pixels = malloc((size_t)w * (size_t)h * 4);
    if (pixels == NULL) {
        snprintf(error, error_size, "out of memory for a %dx%d screenshot", w, h);
        return false;
    }
    bool ok = SDL_RenderReadPixels(renderer, NULL, SDL_PIXELFORMAT_ARGB8888, pixels, w * 4) == 0;
    if (!ok) {
        snprintf(error, error_size, "SDL: %s", SDL_GetError());
    } else {
        ok = host_write_png(path, pixels, w, h, w * 4, error, error_size);
    }
    free(pixels);
    return ok;
}

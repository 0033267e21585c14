/*
 * gfx.h - the small render/text layer every view draws through (STYLE.md rule 14).
 *
 * Wraps one SDL_Renderer (a window's, or a software renderer on an off-screen surface: the
 * same calls draw both) with the few primitives the views need: filled and rounded boxes,
 * thick lines and arrows, shapes, and text. Text becomes a texture once and is cached by
 * (face, pixel size, string); it is rasterised white and tinted when drawn, so colour is not
 * part of the key. Faces fall back glyph by glyph (code font -> CJK mono -> symbols), so
 * Chinese never shows as boxes.
 *
 * Not for: deciding where anything goes (layout.c, scene.c) or what it means (the views).
 */
#ifndef LS_GFX_H
#define LS_GFX_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "geom.h"

/* The type faces the views ask for; each is a chain of fonts tried glyph by glyph. */
typedef enum {
    FACE_UI,      /* labels, narration: Noto Sans CJK SC (Latin and Chinese) */
    FACE_UI_BOLD, /* titles and card names */
    FACE_CODE,    /* source and console: DejaVu Sans Mono, CJK from Noto Sans Mono CJK */
    FACE_COUNT
} Face;

/* How text is placed relative to the point given. */
typedef enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } Align;

/* A cached text texture. */
typedef struct {
    uint64_t hash;
    char *text;           /* owned copy of the key string */
    uint8_t face;         /* Face */
    uint16_t px;          /* pixel size */
    SDL_Texture *texture; /* white text with alpha; NULL for the empty string */
    int w, h;             /* size in pixels */
    uint64_t used;        /* frame number of the last use, for eviction */
} TextEntry;

/* Open-addressing table of text textures. */
typedef struct {
    TextEntry *slots;
    size_t cap;   /* power of two */
    size_t count; /* live entries */
} TextCache;

/* One opened font: a file's face at one pixel size. */
typedef struct {
    int file; /* index into the discovered font files */
    int px;
    TTF_Font *font;
} OpenFont;

enum { GFX_MAX_FILES = 8, GFX_MAX_OPEN = 64, GFX_MAX_CHAIN = 3, GFX_MAX_DISC = 96 };

/* A font file found on disk, and the collection index to open in it. */
typedef struct {
    char path[512];
    long index;
} FontFile;

/* The render layer's state: the renderer, fonts, caches, and counters for tests. */
typedef struct {
    SDL_Renderer *renderer;        /* borrowed */
    FontFile files[GFX_MAX_FILES]; /* discovered font files */
    int nfiles;
    int chain[FACE_COUNT][GFX_MAX_CHAIN]; /* per face: file indices to try in order, -1 end */
    OpenFont open[GFX_MAX_OPEN];          /* fonts opened so far (lazily, per size) */
    int nopen;
    TextCache cache;                 /* text textures */
    SDL_Texture *disc[GFX_MAX_DISC]; /* anti-aliased white discs by radius */
    float alpha;                     /* opacity multiplier for fading items, 0..1 */
    uint64_t frame;                  /* frame counter (eviction) */
    uint64_t rasterised;             /* text textures created so far (tests, bench) */
    char error[256];                 /* why gfx_init failed */
} Gfx;

/*
 * Finds the fonts and prepares the layer for `renderer` (borrowed). `exe_dir` is the
 * executable's directory, searched for assets/ besides the working directory and the system
 * font folders. Returns false with a reason in gfx->error when no usable font exists.
 */
bool gfx_init(Gfx *gfx, SDL_Renderer *renderer, const char *exe_dir);
void gfx_free(Gfx *gfx);

/* Call once per frame before drawing: advances the clock used to evict unused text. */
void gfx_begin_frame(Gfx *gfx);

/* Boxes and shapes. Radius is clamped to half the smaller side. */
void gfx_fill(Gfx *gfx, Box box, Rgba colour);
/* Many rectangles of one colour in one call (timeline ticks). */
void gfx_fill_rects(Gfx *gfx, const SDL_Rect *rects, int n, Rgba colour);
void gfx_round(Gfx *gfx, Box box, float radius, Rgba colour);
/* A rounded box with a border `width` wide: border colour outside, fill inside. */
void gfx_round_border(Gfx *gfx, Box box, float radius, float width, Rgba border, Rgba fill);
void gfx_disc(Gfx *gfx, float cx, float cy, float radius, Rgba colour);
void gfx_shape(Gfx *gfx, Shape shape, float cx, float cy, float radius, Rgba colour);
void gfx_line(Gfx *gfx, float x0, float y0, float x1, float y1, float width, Rgba colour);
/* A cubic curve from (x0,y0) to (x1,y1), leaving and arriving horizontally, with a head. */
void gfx_arrow(Gfx *gfx, float x0, float y0, float x1, float y1, float width, Rgba colour);
/* A straight arrow with a head at (x1,y1). */
void gfx_arrow_straight(Gfx *gfx, float x0, float y0, float x1, float y1, float width, Rgba colour);
void gfx_triangle(Gfx *gfx, const float xy[6], Rgba colour);

/* Text. Returns the drawn width. `y` is the top of the line box. */
float gfx_text(Gfx *gfx, Face face, int px, const char *text, float x, float y, Align align,
               Rgba colour);
/* Width and height of `text` as it would be drawn (rasterises and caches it). */
void gfx_text_size(Gfx *gfx, Face face, int px, const char *text, int *w, int *h);
/* Width of `text` without rasterising (for fitting and wrapping). */
int gfx_measure(Gfx *gfx, Face face, int px, const char *text, size_t len);
/* Whether some font of the face has a glyph for every character of `text` (no boxes). */
bool gfx_covers(Gfx *gfx, Face face, const char *text);
/* Line height of a face at a size. */
int gfx_line_height(Gfx *gfx, Face face, int px);
/*
 * Copies into `out` the longest prefix of `text` (whole UTF-8 characters) that fits in
 * `width` pixels, ending with "…" when shortened. Returns true when it was shortened.
 */
bool gfx_fit(Gfx *gfx, Face face, int px, const char *text, float width, char *out,
             size_t out_size);
/*
 * Splits `text` into lines no wider than `width` (at spaces, or anywhere between CJK
 * characters). Writes the byte offset where each line starts into `starts` (at most
 * `max_lines`) and returns the number of lines.
 */
int gfx_wrap(Gfx *gfx, Face face, int px, const char *text, float width, size_t *starts,
             int max_lines);

/* Restricts drawing to `box` (NULL: no restriction). */
void gfx_clip(Gfx *gfx, const Box *box);

/* Mixes two colours: t = 0 gives a, t = 1 gives b. */
Rgba rgba_mix(Rgba a, Rgba b, float t);
/* The same colour with alpha scaled by `k`. */
Rgba rgba_fade(Rgba c, float k);

/* Next UTF-8 code point at *s (advancing *s); malformed bytes decode as U+FFFD. */
uint32_t utf8_next(const char **s, const char *end);

#endif

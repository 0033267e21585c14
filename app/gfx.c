/*
 * gfx.c - primitives and cached text for the views (see gfx.h).
 *
 * Fonts are found without fontconfig: a fixed list of file names is searched in assets/
 * (next to the executable, in the working directory, or $LOOPSCOPE_FONTS) and then in the
 * folders where Debian, Fedora and Arch install Noto CJK and DejaVu. Not for: layout.
 */
#include "gfx.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The font files gfx looks for; each face's chain names them by role. */
typedef enum { FILE_CJK, FILE_CJK_BOLD, FILE_CJK_MONO, FILE_MONO, FILE_SANS, FILE_ROLES } Role;

/* Candidate names of one role: a file and, for a collection, the family to pick in it. */
typedef struct {
    const char *name;
    const char *family; /* NULL: index 0 */
    long guess;         /* index to try first in a collection */
} Candidate;

static const Candidate CANDIDATES[FILE_ROLES][3] = {
    [FILE_CJK] = {{"NotoSansCJK-Regular.ttc", "Noto Sans CJK SC", 2},
                  {"NotoSansCJKsc-Regular.otf", NULL, 0},
                  {"NotoSansSC-Regular.otf", NULL, 0}},
    [FILE_CJK_BOLD] = {{"NotoSansCJK-Bold.ttc", "Noto Sans CJK SC", 2},
                       {"NotoSansCJKsc-Bold.otf", NULL, 0},
                       {"NotoSansSC-Bold.otf", NULL, 0}},
    [FILE_CJK_MONO] = {{"NotoSansCJK-Regular.ttc", "Noto Sans Mono CJK SC", 7},
                       {"NotoSansMonoCJKsc-Regular.otf", NULL, 0},
                       {NULL, NULL, 0}},
    [FILE_MONO] = {{"DejaVuSansMono.ttf", NULL, 0}, {NULL, NULL, 0}, {NULL, NULL, 0}},
    [FILE_SANS] = {{"DejaVuSans.ttf", NULL, 0}, {NULL, NULL, 0}, {NULL, NULL, 0}},
};

/* Per face, the roles to try glyph by glyph, in order. */
static const Role CHAINS[FACE_COUNT][GFX_MAX_CHAIN] = {
    [FACE_UI] = {FILE_CJK, FILE_SANS, FILE_MONO},
    [FACE_UI_BOLD] = {FILE_CJK_BOLD, FILE_CJK, FILE_SANS},
    [FACE_CODE] = {FILE_MONO, FILE_CJK_MONO, FILE_SANS},
};

static const char *const SYSTEM_DIRS[] = {
    "/usr/share/fonts/opentype/noto",
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/noto-cjk",
    "/usr/share/fonts/google-noto-cjk",
    "/usr/share/fonts/opentype/noto-cjk",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/truetype",
    "/usr/local/share/fonts",
};

/* ------------------------------------------------------------------ font discovery */

static bool file_exists(const char *path) {
    return access(path, R_OK) == 0;
}

/* The collection index of `family` in `path`, trying `guess` first; -1 when absent. */
static long find_family(const char *path, const char *family, long guess) {
    for (long i = -1; i < 16; i++) {
        long index = i < 0 ? guess : i;
        if (i == guess) {
            continue;
        }
        TTF_Font *font = TTF_OpenFontIndex(path, 12, index);
        if (font == NULL) {
            if (i >= 0) {
                return -1; /* past the last face of the collection */
            }
            continue;
        }
        const char *name = TTF_FontFaceFamilyName(font);
        bool match = name != NULL && strcmp(name, family) == 0;
        TTF_CloseFont(font);
        if (match) {
            return index;
        }
    }
    return -1;
}

/* Fills `dirs` with the folders to search, most specific first; returns how many. */
static int search_dirs(const char *exe_dir, char dirs[][512], int max) {
    int n = 0;
    const char *env = getenv("LOOPSCOPE_FONTS");
    if (env != NULL && *env != '\0') {
        snprintf(dirs[n++], 512, "%s", env);
    }
    if (exe_dir != NULL) {
        snprintf(dirs[n++], 512, "%s/../assets/fonts", exe_dir);
        snprintf(dirs[n++], 512, "%s/assets/fonts", exe_dir);
        snprintf(dirs[n++], 512, "%s/../share/loopscope/fonts", exe_dir);
    }
    snprintf(dirs[n++], 512, "assets/fonts");
    for (size_t i = 0; i < sizeof SYSTEM_DIRS / sizeof *SYSTEM_DIRS && n < max; i++) {
        snprintf(dirs[n++], 512, "%s", SYSTEM_DIRS[i]);
    }
    return n;
}

/* Looks for one role's file; adds it to gfx->files and returns its index, or -1. */
static int find_role(Gfx *gfx, Role role, char dirs[][512], int ndirs) {
    for (int d = 0; d < ndirs; d++) {
        for (int c = 0; c < 3 && CANDIDATES[role][c].name != NULL; c++) {
            const Candidate *cand = &CANDIDATES[role][c];
            char path[1100];
            int n = snprintf(path, sizeof path, "%s/%s", dirs[d], cand->name);
            if (n < 0 || (size_t)n >= sizeof gfx->files[0].path || !file_exists(path)) {
                continue;
            }
            long index = cand->family ? find_family(path, cand->family, cand->guess) : 0;
            if (index < 0) {
                continue;
            }
            FontFile *f = &gfx->files[gfx->nfiles];
            memcpy(f->path, path, strlen(path) + 1); /* fits: checked above */
            f->index = index;
            return gfx->nfiles++;
        }
    }
    return -1;
}

/* Discovers every role and builds each face's chain of files. */
static bool find_fonts(Gfx *gfx, const char *exe_dir) {
    char dirs[24][512];
    int ndirs = search_dirs(exe_dir, dirs, 24);
    int file_of[FILE_ROLES];
    int found = 0;
    for (int r = 0; r < FILE_ROLES; r++) {
        file_of[r] = find_role(gfx, (Role)r, dirs, ndirs);
        found += file_of[r] >= 0;
    }
    if (found == 0) {
        snprintf(gfx->error, sizeof gfx->error,
                 "no font found: install fonts-noto-cjk and fonts-dejavu-core, or put "
                 "NotoSansCJK-Regular.ttc into assets/fonts/");
        return false;
    }
    for (int face = 0; face < FACE_COUNT; face++) {
        int n = 0;
        for (int i = 0; i < GFX_MAX_CHAIN; i++) {
            int file = file_of[CHAINS[face][i]];
            if (file >= 0) {
                gfx->chain[face][n++] = file;
            }
        }
        for (int r = 0; n == 0 && r < FILE_ROLES; r++) { /* any font beats none */
            if (file_of[r] >= 0) {
                gfx->chain[face][n++] = file_of[r];
            }
        }
        for (; n < GFX_MAX_CHAIN; n++) {
            gfx->chain[face][n] = -1;
        }
    }
    return true;
}

/* The font for a file at a pixel size, opened on first use; NULL if it cannot be. */
static TTF_Font *font_at(Gfx *gfx, int file, int px) {
    for (int i = 0; i < gfx->nopen; i++) {
        if (gfx->open[i].file == file && gfx->open[i].px == px) {
            return gfx->open[i].font;
        }
    }
    TTF_Font *font = TTF_OpenFontIndex(gfx->files[file].path, px, gfx->files[file].index);
    if (font == NULL) {
        return NULL;
    }
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
    if (gfx->nopen == GFX_MAX_OPEN) { /* zoomed through many sizes: recycle the oldest */
        TTF_CloseFont(gfx->open[0].font);
        memmove(gfx->open, gfx->open + 1, sizeof gfx->open[0] * (GFX_MAX_OPEN - 1));
        gfx->nopen--;
    }
    gfx->open[gfx->nopen++] = (OpenFont){.file = file, .px = px, .font = font};
    return font;
}

static TTF_Font *primary(Gfx *gfx, Face face, int px) {
    return font_at(gfx, gfx->chain[face][0], px);
}

/* ------------------------------------------------------------------ runs of one font */

uint32_t utf8_next(const char **s, const char *end) {
    const unsigned char *p = (const unsigned char *)*s;
    uint32_t c = p[0];
    int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    if (c >= 0x80 && c < 0xC0) {
        *s += 1;
        return 0xFFFD;
    }
    c &= extra == 0 ? 0x7F : extra == 1 ? 0x1F : extra == 2 ? 0x0F : 0x07;
    for (int i = 1; i <= extra; i++) {
        if ((const char *)p + i >= end || (p[i] & 0xC0) != 0x80) {
            *s += i;
            return 0xFFFD;
        }
        c = (c << 6) | (p[i] & 0x3F);
    }
    *s += extra + 1;
    return c;
}

/* A stretch of text drawn with one font. */
typedef struct {
    const char *start;
    size_t len;
    TTF_Font *font;
} Run;

enum { MAX_RUNS = 32 };

/* The first font of the face's chain that has the glyph (the first font when none has). */
static TTF_Font *font_for(Gfx *gfx, Face face, int px, uint32_t cp) {
    TTF_Font *first = NULL;
    for (int i = 0; i < GFX_MAX_CHAIN && gfx->chain[face][i] >= 0; i++) {
        TTF_Font *font = font_at(gfx, gfx->chain[face][i], px);
        if (font == NULL) {
            continue;
        }
        if (first == NULL) {
            first = font;
        }
        if (TTF_GlyphIsProvided32(font, cp)) {
            return font;
        }
    }
    return first;
}

/* Splits `text` into runs; spaces stay in the current run so words are not split. */
static int split_runs(Gfx *gfx, Face face, int px, const char *text, size_t len, Run *runs) {
    int n = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *at = p;
        uint32_t cp = utf8_next(&p, end);
        TTF_Font *font = (cp == ' ' && n > 0) ? runs[n - 1].font : font_for(gfx, face, px, cp);
        if (n > 0 && (runs[n - 1].font == font || n == MAX_RUNS)) {
            runs[n - 1].len += (size_t)(p - at);
        } else {
            runs[n++] = (Run){.start = at, .len = (size_t)(p - at), .font = font};
        }
    }
    return n;
}

/* Width of one run in pixels. */
static int run_width(const Run *run) {
    char buf[1024];
    size_t n = run->len < sizeof buf - 1 ? run->len : sizeof buf - 1;
    memcpy(buf, run->start, n);
    buf[n] = '\0';
    int w = 0;
    if (run->font != NULL) {
        TTF_SizeUTF8(run->font, buf, &w, NULL);
    }
    return w;
}

int gfx_measure(Gfx *gfx, Face face, int px, const char *text, size_t len) {
    Run runs[MAX_RUNS];
    int n = split_runs(gfx, face, px, text, len, runs), w = 0;
    for (int i = 0; i < n; i++) {
        w += run_width(&runs[i]);
    }
    return w;
}

bool gfx_covers(Gfx *gfx, Face face, const char *text) {
    const char *p = text, *end = text + strlen(text);
    while (p < end) {
        uint32_t cp = utf8_next(&p, end);
        bool found = false;
        for (int i = 0; i < GFX_MAX_CHAIN && gfx->chain[face][i] >= 0 && !found; i++) {
            TTF_Font *font = font_at(gfx, gfx->chain[face][i], 16);
            found = font != NULL && TTF_GlyphIsProvided32(font, cp);
        }
        if (!found) {
            return false;
        }
    }
    return true;
}

int gfx_line_height(Gfx *gfx, Face face, int px) {
    TTF_Font *font = primary(gfx, face, px);
    return font != NULL ? TTF_FontHeight(font) : px;
}

/* Renders the runs side by side on a common baseline into one white ARGB surface. */
static SDL_Surface *render_runs(Gfx *gfx, Face face, int px, const Run *runs, int n) {
    SDL_Color white = {255, 255, 255, 255};
    SDL_Surface *parts[MAX_RUNS];
    int ascent = 0, descent = 0, width = 0;
    for (int i = 0; i < n; i++) {
        char buf[1024];
        size_t len = runs[i].len < sizeof buf - 1 ? runs[i].len : sizeof buf - 1;
        memcpy(buf, runs[i].start, len);
        buf[len] = '\0';
        parts[i] = runs[i].font ? TTF_RenderUTF8_Blended(runs[i].font, buf, white) : NULL;
        if (parts[i] != NULL) {
            width += parts[i]->w;
            ascent = SDL_max(ascent, TTF_FontAscent(runs[i].font));
            descent = SDL_max(descent, parts[i]->h - TTF_FontAscent(runs[i].font));
        }
    }
    TTF_Font *main = primary(gfx, face, px);
    int main_ascent = main ? TTF_FontAscent(main) : ascent;
    int top = SDL_max(ascent, main_ascent); /* keep the primary baseline where it belongs */
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(
        0, SDL_max(width, 1), SDL_max(top + descent, 1), 32, SDL_PIXELFORMAT_ARGB8888);
    if (out != NULL) {
        SDL_FillRect(out, NULL, 0);
    }
    int x = 0;
    for (int i = 0; i < n; i++) {
        if (parts[i] == NULL) {
            continue;
        }
        SDL_Rect dst = {x, top - TTF_FontAscent(runs[i].font), parts[i]->w, parts[i]->h};
        if (out != NULL) {
            SDL_SetSurfaceBlendMode(parts[i], SDL_BLENDMODE_NONE);
            SDL_BlitSurface(parts[i], NULL, out, &dst);
        }
        x += parts[i]->w;
        SDL_FreeSurface(parts[i]);
    }
    return out;
}

/* ------------------------------------------------------------------ text cache */

static uint64_t text_hash(Face face, int px, const char *text) {
    uint64_t h = 1469598103934665603ull ^ ((uint64_t)face << 16) ^ (uint64_t)px;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        h = (h ^ *p) * 1099511628211ull;
    }
    return h | 1; /* 0 marks an empty slot */
}

static void entry_free(TextEntry *e) {
    if (e->texture != NULL) {
        SDL_DestroyTexture(e->texture);
    }
    free(e->text);
    memset(e, 0, sizeof *e);
}

/* Re-inserts every entry worth keeping into a table of `cap` slots. */
static void cache_rehash(TextCache *cache, size_t cap, uint64_t keep_after) {
    TextEntry *old = cache->slots;
    size_t old_cap = cache->cap;
    cache->slots = calloc(cap, sizeof *cache->slots);
    cache->cap = cap;
    cache->count = 0;
    for (size_t i = 0; i < old_cap; i++) {
        TextEntry *e = &old[i];
        if (e->hash == 0) {
            continue;
        }
        if (e->used < keep_after) {
            entry_free(e);
            continue;
        }
        size_t j = e->hash & (cap - 1);
        while (cache->slots[j].hash != 0) {
            j = (j + 1) & (cap - 1);
        }
        cache->slots[j] = *e;
        cache->count++;
    }
    free(old);
}

/* Makes room when the table is 60% full: drop what was not drawn lately, else grow. */
static void cache_make_room(Gfx *gfx) {
    TextCache *cache = &gfx->cache;
    if (cache->count * 10 < cache->cap * 6) {
        return;
    }
    uint64_t keep_after = gfx->frame > 30 ? gfx->frame - 30 : 0;
    cache_rehash(cache, cache->cap, keep_after);
    if (cache->count * 10 >= cache->cap * 4) {
        cache_rehash(cache, cache->cap * 2, 0);
    }
}

/* The cached texture for the text, rasterising it on the first request. */
static TextEntry *text_entry(Gfx *gfx, Face face, int px, const char *text) {
    TextCache *cache = &gfx->cache;
    uint64_t h = text_hash(face, px, text);
    size_t j = h & (cache->cap - 1);
    for (; cache->slots[j].hash != 0; j = (j + 1) & (cache->cap - 1)) {
        TextEntry *e = &cache->slots[j];
        if (e->hash == h && e->face == face && e->px == px && strcmp(e->text, text) == 0) {
            e->used = gfx->frame;
            return e;
        }
    }
    TextEntry entry = {.hash = h,
                       .text = strdup(text),
                       .face = (uint8_t)face,
                       .px = (uint16_t)px,
                       .used = gfx->frame};
    Run runs[MAX_RUNS];
    int n = split_runs(gfx, face, px, text, strlen(text), runs);
    SDL_Surface *surface = n > 0 ? render_runs(gfx, face, px, runs, n) : NULL;
    entry.h = gfx_line_height(gfx, face, px);
    if (surface != NULL) {
        entry.texture = SDL_CreateTextureFromSurface(gfx->renderer, surface);
        entry.w = surface->w;
        entry.h = surface->h;
        SDL_FreeSurface(surface);
        if (entry.texture != NULL) {
            SDL_SetTextureBlendMode(entry.texture, SDL_BLENDMODE_BLEND);
        }
        gfx->rasterised++;
    }
    cache->slots[j] = entry;
    cache->count++;
    cache_make_room(gfx); /* may move entries: look the new one up again */
    return text_entry(gfx, face, px, text);
}

/* ------------------------------------------------------------------ life cycle */

/* A white disc of `r` pixels, anti-aliased by 4x4 supersampling. */
static SDL_Texture *make_disc(SDL_Renderer *renderer, int r) {
    int size = 2 * r;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, size, size, 32, SDL_PIXELFORMAT_ARGB8888);
    if (s == NULL) {
        return NULL;
    }
    for (int y = 0; y < size; y++) {
        uint32_t *row = (uint32_t *)((uint8_t *)s->pixels + y * s->pitch);
        for (int x = 0; x < size; x++) {
            int inside = 0;
            for (int sy = 0; sy < 4; sy++) {
                for (int sx = 0; sx < 4; sx++) {
                    float dx = x + (sx + 0.5f) / 4 - r, dy = y + (sy + 0.5f) / 4 - r;
                    inside += dx * dx + dy * dy <= (float)r * r;
                }
            }
            uint32_t a = (uint32_t)(inside * 255 / 16);
            row[x] = (a << 24) | 0xFFFFFF;
        }
    }
    SDL_Texture *t = SDL_CreateTextureFromSurface(renderer, s);
    SDL_FreeSurface(s);
    if (t != NULL) {
        SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    }
    return t;
}

bool gfx_init(Gfx *gfx, SDL_Renderer *renderer, const char *exe_dir) {
    memset(gfx, 0, sizeof *gfx);
    gfx->renderer = renderer;
    gfx->alpha = 1;
    if (!TTF_WasInit() && TTF_Init() != 0) {
        snprintf(gfx->error, sizeof gfx->error, "SDL_ttf: %s", TTF_GetError());
        return false;
    }
    if (!find_fonts(gfx, exe_dir)) {
        return false;
    }
    gfx->cache.cap = 1024;
    gfx->cache.slots = calloc(gfx->cache.cap, sizeof *gfx->cache.slots);
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
    return gfx->cache.slots != NULL;
}

void gfx_free(Gfx *gfx) {
    for (size_t i = 0; i < gfx->cache.cap; i++) {
        if (gfx->cache.slots[i].hash != 0) {
            entry_free(&gfx->cache.slots[i]);
        }
    }
    free(gfx->cache.slots);
    for (int i = 0; i < gfx->nopen; i++) {
        TTF_CloseFont(gfx->open[i].font);
    }
    for (int i = 0; i < GFX_MAX_DISC; i++) {
        if (gfx->disc[i] != NULL) {
            SDL_DestroyTexture(gfx->disc[i]);
        }
    }
    memset(gfx, 0, sizeof *gfx);
}

void gfx_begin_frame(Gfx *gfx) {
    gfx->frame++;
    gfx->alpha = 1;
}

/* ------------------------------------------------------------------ colours */

Rgba rgba_mix(Rgba a, Rgba b, float t) {
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return (Rgba){(uint8_t)lroundf(a.r + (b.r - a.r) * t), (uint8_t)lroundf(a.g + (b.g - a.g) * t),
                  (uint8_t)lroundf(a.b + (b.b - a.b) * t), (uint8_t)lroundf(a.a + (b.a - a.a) * t)};
}

Rgba rgba_fade(Rgba c, float k) {
    k = k < 0 ? 0 : k > 1 ? 1 : k;
    c.a = (uint8_t)lroundf(c.a * k);
    return c;
}

/* Sets the draw colour; opaque colours skip blending, which the software renderer would
   otherwise do pixel by pixel even at full alpha (a large share of a frame's time). */
static void set_colour(Gfx *gfx, Rgba c) {
    uint8_t a = (uint8_t)lroundf(c.a * gfx->alpha);
    SDL_SetRenderDrawBlendMode(gfx->renderer, a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(gfx->renderer, c.r, c.g, c.b, a);
}

/* ------------------------------------------------------------------ boxes and shapes */

void gfx_fill(Gfx *gfx, Box b, Rgba colour) {
    if (b.w <= 0 || b.h <= 0) {
        return;
    }
    set_colour(gfx, colour);
    SDL_Rect r = {(int)lroundf(b.x), (int)lroundf(b.y), 0, 0};
    r.w = (int)lroundf(b.x + b.w) - r.x;
    r.h = (int)lroundf(b.y + b.h) - r.y;
    SDL_RenderFillRect(gfx->renderer, &r);
}

void gfx_fill_rects(Gfx *gfx, const SDL_Rect *rects, int n, Rgba colour) {
    set_colour(gfx, colour);
    SDL_RenderFillRects(gfx->renderer, rects, n);
}

/* The disc texture of radius r, tinted; NULL when it cannot be made. */
static SDL_Texture *disc(Gfx *gfx, int r, Rgba c) {
    r = SDL_clamp(r, 1, GFX_MAX_DISC - 1);
    if (gfx->disc[r] == NULL) {
        gfx->disc[r] = make_disc(gfx->renderer, r);
    }
    SDL_Texture *t = gfx->disc[r];
    if (t != NULL) {
        SDL_SetTextureColorMod(t, c.r, c.g, c.b);
        SDL_SetTextureAlphaMod(t, (uint8_t)lroundf(c.a * gfx->alpha));
    }
    return t;
}

void gfx_round(Gfx *gfx, Box b, float radius, Rgba c) {
    int x0 = (int)lroundf(b.x), y0 = (int)lroundf(b.y);
    int x1 = (int)lroundf(b.x + b.w), y1 = (int)lroundf(b.y + b.h);
    int r = (int)lroundf(radius);
    r = SDL_min(r, SDL_min((x1 - x0) / 2, (y1 - y0) / 2));
    if (r > GFX_MAX_DISC - 1) {
        r = GFX_MAX_DISC - 1;
    }
    if (x1 <= x0 || y1 <= y0) {
        return;
    }
    if (r < 1) {
        gfx_fill(gfx, (Box){(float)x0, (float)y0, (float)(x1 - x0), (float)(y1 - y0)}, c);
        return;
    }
    SDL_Texture *t = disc(gfx, r, c);
    if (t != NULL) { /* four quarter discs in the corners */
        SDL_Rect src[4] = {{0, 0, r, r}, {r, 0, r, r}, {0, r, r, r}, {r, r, r, r}};
        SDL_Rect dst[4] = {
            {x0, y0, r, r}, {x1 - r, y0, r, r}, {x0, y1 - r, r, r}, {x1 - r, y1 - r, r, r}};
        for (int i = 0; i < 4; i++) {
            SDL_RenderCopy(gfx->renderer, t, &src[i], &dst[i]);
        }
    }
    set_colour(gfx, c);
    SDL_Rect strips[3] = {{x0 + r, y0, x1 - x0 - 2 * r, r},
                          {x0, y0 + r, x1 - x0, y1 - y0 - 2 * r},
                          {x0 + r, y1 - r, x1 - x0 - 2 * r, r}};
    SDL_RenderFillRects(gfx->renderer, strips, 3);
}

void gfx_round_border(Gfx *gfx, Box b, float radius, float width, Rgba border, Rgba fill) {
    gfx_round(gfx, b, radius, border);
    Box inner = {b.x + width, b.y + width, b.w - 2 * width, b.h - 2 * width};
    gfx_round(gfx, inner, radius - width, fill);
}

void gfx_disc(Gfx *gfx, float cx, float cy, float radius, Rgba colour) {
    gfx_round(gfx, (Box){cx - radius, cy - radius, 2 * radius, 2 * radius}, radius, colour);
}

void gfx_triangle(Gfx *gfx, const float xy[6], Rgba c) {
    SDL_Vertex v[3];
    SDL_Color col = {c.r, c.g, c.b, (uint8_t)lroundf(c.a * gfx->alpha)};
    for (int i = 0; i < 3; i++) {
        v[i] = (SDL_Vertex){{xy[2 * i], xy[2 * i + 1]}, col, {0, 0}};
    }
    SDL_RenderGeometry(gfx->renderer, NULL, v, 3, NULL, 0);
}

void gfx_shape(Gfx *gfx, Shape shape, float cx, float cy, float r, Rgba colour) {
    switch (shape) {
    case SHAPE_CIRCLE:
        gfx_disc(gfx, cx, cy, r, colour);
        break;
    case SHAPE_SQUARE:
        gfx_round(gfx, (Box){cx - r * 0.85f, cy - r * 0.85f, r * 1.7f, r * 1.7f}, r * 0.2f, colour);
        break;
    case SHAPE_DIAMOND: {
        float a[6] = {cx, cy - r * 1.15f, cx + r * 1.15f, cy, cx - r * 1.15f, cy};
        float b[6] = {cx, cy + r * 1.15f, cx - r * 1.15f, cy, cx + r * 1.15f, cy};
        gfx_triangle(gfx, a, colour);
        gfx_triangle(gfx, b, colour);
        break;
    }
    case SHAPE_TRIANGLE:
    default: {
        float t[6] = {
            cx, cy - r * 1.1f, cx + r * 1.1f, cy + r * 0.85f, cx - r * 1.1f, cy + r * 0.85f};
        gfx_triangle(gfx, t, colour);
        break;
    }
    }
}

/* Appends the quad of one segment (x0,y0)-(x1,y1) of the given width to a vertex list. */
static int segment_quad(SDL_Vertex *v, float x0, float y0, float x1, float y1, float w,
                        SDL_Color col) {
    float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
    if (len < 0.01f) {
        return 0;
    }
    float nx = -dy / len * w / 2, ny = dx / len * w / 2;
    float pts[6][2] = {{x0 + nx, y0 + ny}, {x1 + nx, y1 + ny}, {x1 - nx, y1 - ny},
                       {x0 + nx, y0 + ny}, {x1 - nx, y1 - ny}, {x0 - nx, y0 - ny}};
    for (int i = 0; i < 6; i++) {
        v[i] = (SDL_Vertex){{pts[i][0], pts[i][1]}, col, {0, 0}};
    }
    return 6;
}

static SDL_Color sdl_colour(Gfx *gfx, Rgba c) {
    return (SDL_Color){c.r, c.g, c.b, (uint8_t)lroundf(c.a * gfx->alpha)};
}

void gfx_line(Gfx *gfx, float x0, float y0, float x1, float y1, float width, Rgba c) {
    SDL_Vertex v[6];
    int n = segment_quad(v, x0, y0, x1, y1, width, sdl_colour(gfx, c));
    if (n > 0) {
        SDL_RenderGeometry(gfx->renderer, NULL, v, n, NULL, 0);
    }
}

/* An arrow head at (x,y) pointing along (dx,dy). */
static void arrow_head(Gfx *gfx, float x, float y, float dx, float dy, float width, Rgba c) {
    float len = sqrtf(dx * dx + dy * dy);
    if (len < 0.01f) {
        return;
    }
    dx /= len;
    dy /= len;
    float size = 4 + width * 2.6f;
    float bx = x - dx * size, by = y - dy * size;
    float t[6] = {x,
                  y,
                  bx - dy * size * 0.55f,
                  by + dx * size * 0.55f,
                  bx + dy * size * 0.55f,
                  by - dx * size * 0.55f};
    gfx_triangle(gfx, t, c);
}

void gfx_arrow(Gfx *gfx, float x0, float y0, float x1, float y1, float width, Rgba c) {
    enum { SEGMENTS = 24 };
    SDL_Vertex v[SEGMENTS * 6 + 6];
    SDL_Color col = sdl_colour(gfx, c);
    float reach = fmaxf(fabsf(x1 - x0) * 0.5f, 30);
    float cx0 = x0 + reach, cx1 = x1 - reach;
    float head = 4 + width * 2.6f;
    float px = x0, py = y0, n = 0;
    for (int i = 1; i <= SEGMENTS; i++) {
        float t = (float)i / SEGMENTS, u = 1 - t;
        float x = u * u * u * x0 + 3 * u * u * t * cx0 + 3 * u * t * t * cx1 + t * t * t * x1;
        float y = u * u * u * y0 + 3 * u * u * t * y0 + 3 * u * t * t * y1 + t * t * t * y1;
        if (i == SEGMENTS) { /* stop the line under the head */
            float dx = x - px, dy = y - py, len = sqrtf(dx * dx + dy * dy);
            if (len > head) {
                x = px + dx * (1 - head * 0.8f / len);
                y = py + dy * (1 - head * 0.8f / len);
            }
        }
        n += segment_quad(v + (int)n, px, py, x, y, width, col);
        px = x;
        py = y;
    }
    SDL_RenderGeometry(gfx->renderer, NULL, v, (int)n, NULL, 0);
    float tx = x1 - cx1, ty = 0; /* the tangent at the end is horizontal */
    arrow_head(gfx, x1, y1, tx != 0 ? tx : 1, ty, width, c);
}

void gfx_arrow_straight(Gfx *gfx, float x0, float y0, float x1, float y1, float width, Rgba c) {
    float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
    float head = 4 + width * 2.6f;
    if (len > head) {
        gfx_line(gfx, x0, y0, x1 - dx / len * head * 0.8f, y1 - dy / len * head * 0.8f, width, c);
    }
    arrow_head(gfx, x1, y1, dx, dy, width, c);
}

/* ------------------------------------------------------------------ text */

void gfx_text_size(Gfx *gfx, Face face, int px, const char *text, int *w, int *h) {
    TextEntry *e = text_entry(gfx, face, px, text);
    *w = e->w;
    *h = e->h;
}

float gfx_text(Gfx *gfx, Face face, int px, const char *text, float x, float y, Align align,
               Rgba c) {
    if (text == NULL || *text == '\0' || px < 4) {
        return 0;
    }
    TextEntry *e = text_entry(gfx, face, px, text);
    if (e->texture == NULL) {
        return (float)e->w;
    }
    float left = align == ALIGN_LEFT ? x : align == ALIGN_CENTER ? x - e->w / 2.0f : x - e->w;
    SDL_SetTextureColorMod(e->texture, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(e->texture, (uint8_t)lroundf(c.a * gfx->alpha));
    SDL_Rect dst = {(int)lroundf(left), (int)lroundf(y), e->w, e->h};
    SDL_RenderCopy(gfx->renderer, e->texture, NULL, &dst);
    return (float)e->w;
}

bool gfx_fit(Gfx *gfx, Face face, int px, const char *text, float width, char *out,
             size_t out_size) {
    size_t len = strlen(text);
    width += 0.5f; /* widths computed as sums and differences of floats may fall short */
    if (gfx_measure(gfx, face, px, text, len) <= width || len == 0) {
        snprintf(out, out_size, "%s", text);
        return false;
    }
    static const char ELLIPSIS[] = "\xE2\x80\xA6"; /* U+2026 */
    float room = width - (float)gfx_measure(gfx, face, px, ELLIPSIS, 3);
    size_t lo = 0, hi = len < out_size - 4 ? len : out_size - 4; /* bytes that fit: in [lo,hi] */
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        while (mid > lo && ((unsigned char)text[mid] & 0xC0) == 0x80) {
            mid--; /* never cut inside a character */
        }
        if (mid > lo && gfx_measure(gfx, face, px, text, mid) <= room) {
            lo = mid;
        } else {
            hi = mid > lo ? mid - 1 : lo;
            while (hi > lo && ((unsigned char)text[hi] & 0xC0) == 0x80) {
                hi--;
            }
        }
    }
    while (lo > 0 && text[lo - 1] == ' ') {
        lo--;
    }
    memcpy(out, text, lo);
    memcpy(out + lo, ELLIPSIS, sizeof ELLIPSIS);
    return true;
}

/* Whether a line may break before code point cp (CJK text breaks between characters). */
static bool breakable_cjk(uint32_t cp) {
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFF00 && cp <= 0xFFEF);
}

int gfx_wrap(Gfx *gfx, Face face, int px, const char *text, float width, size_t *starts,
             int max_lines) {
    const char *end = text + strlen(text), *line = text;
    int n = 0;
    while (n < max_lines) {
        starts[n++] = (size_t)(line - text);
        if (gfx_measure(gfx, face, px, line, (size_t)(end - line)) <= width) {
            break;
        }
        const char *p = line, *brk = NULL;
        while (p < end) { /* the last break opportunity that still fits */
            const char *at = p;
            uint32_t cp = utf8_next(&p, end);
            bool can = (cp == ' ' && at > line) || (breakable_cjk(cp) && at > line);
            if (can && gfx_measure(gfx, face, px, line, (size_t)(at - line)) <= width) {
                brk = at;
            } else if (can) {
                break;
            }
        }
        if (brk == NULL) { /* one long word: cut where it stops fitting */
            brk = line;
            p = line;
            while (p < end) {
                const char *at = p;
                utf8_next(&p, end);
                if (gfx_measure(gfx, face, px, line, (size_t)(p - line)) > width && at > line) {
                    break;
                }
                brk = p;
            }
        }
        line = brk;
        while (line < end && *line == ' ') {
            line++;
        }
        if (line >= end) {
            break;
        }
    }
    return n;
}

void gfx_clip(Gfx *gfx, const Box *b) {
    if (b == NULL) {
        SDL_RenderSetClipRect(gfx->renderer, NULL);
        return;
    }
    SDL_Rect r = {(int)lroundf(b->x), (int)lroundf(b->y), (int)lroundf(b->w), (int)lroundf(b->h)};
    SDL_RenderSetClipRect(gfx->renderer, &r);
}

/*
 * scene.h - the positioned items of one step: what the event loop region and the source
 * gutter show, each with a stable key so that animation can move it between steps.
 *
 * A scene is built from a Picture and a Layout when the step, size, language or detail
 * level changes (not every frame). Keys name the thing, not the place: a ready-queue
 * handle keeps its key when it becomes the running handle, a timer keeps its key when it
 * drops into the queue, a task keeps its key from the waiting column to the finished row.
 * scene_lerp() blends two scenes into the one drawn during an animation.
 *
 * Not for: drawing (view_loop.c) or deciding when to animate (app.c).
 */
#ifndef LS_SCENE_H
#define LS_SCENE_H

#include <stdbool.h>
#include <stdint.h>

#include "pool.h"
#include "gfx.h"
#include "i18n.h"
#include "layout.h"
#include "meta.h"
#include "picture.h"

/* Key classes: what an item is (the id completes the key). */
enum { K_HANDLE = 1, K_TASK, K_FUTURE, K_MORE, K_MARKER, K_SLOT };
#define SCENE_KEY(cls, id) (((uint64_t)(cls) << 32) | (uint32_t)(id))
#define SCENE_KEY_CLASS(key) ((int)((key) >> 32))

typedef enum {
    IT_CARD,     /* a ready-queue handle; `running` when it is in the running slot */
    IT_TASK,     /* a task box in the waiting column (or a chip in the story's ready row) */
    IT_FUTURE,   /* a future with its badge, result and callbacks */
    IT_TIMER,    /* a timer on the ruler */
    IT_FINISHED, /* a finished task */
    IT_MORE,     /* "+N more": a summary of what did not fit */
    IT_MARKER,   /* a task's marker in the source gutter */
    IT_NOTE,     /* a quiet note in an empty region */
} ItemKind;

typedef enum {
    REG_SOURCE,
    REG_RUNNING,
    REG_READY,
    REG_WAITING,
    REG_FUTURES,
    REG_TIMERS,
    REG_FINISHED,
} Region;

enum { ITEM_MAX_LINES = 4 };

typedef struct {
    uint64_t key;
    uint8_t kind;   /* ItemKind */
    uint8_t region; /* Region */
    bool compact;   /* one line instead of two */
    bool running;   /* in the running slot / the running task's marker */
    bool failed;    /* ended with an exception */
    bool flash;     /* a callback that just started running */
    bool badge_sub; /* IT_FUTURE: the second line lists callbacks (drawn like them) */
    bool moving;    /* blended: travelling between places (drawn above the rest) */
    bool morphing;  /* blended: changing size (its content is clipped to its box) */
    Box box;        /* where it is drawn, in drawable pixels */
    float alpha;    /* opacity, 1 = fully shown */
    uint32_t task, future, handle; /* what it is about (for highlight and origins) */
    uint32_t arrow_to;             /* IT_TASK: the future it awaits, 0 none */
    int colour;                    /* palette index, -1 none */
    int state;                     /* LsTaskState, LsFutureState or LsRunKind, by kind */
    const char *title;
    const char *title2; /* the running card: the rest of a label too long for one line */
    const char *sub;
    const char *badge;
    const char *lines[ITEM_MAX_LINES]; /* await chain frames or callbacks */
    int nlines;
    const char *tip; /* the full text, for the hover tooltip */
    int line;        /* IT_MARKER: the source line */
    int stack;       /* IT_MARKER: its place among markers on the same line */
    int count;       /* IT_MARKER (first on its line): how many tasks wait on that line */
    float anchor;    /* IT_TIMER: x of its due time on the ruler */
} Item;

/* A console row: a printed line, or the continuation of one wrapped to the width. */
typedef struct {
    const char *text;
    uint32_t task; /* who printed it (0: main program) */
    int colour;    /* that task's palette index, -1 none */
    int stream;    /* 1 stdout, 2 stderr */
    bool first;    /* the first row of its line (where the task's mark goes) */
} ConsoleRow;

enum { SCENE_MAX_NARRATION = 6 };

typedef struct {
    Pool pool;
    Item *items;
    int n, cap;
    uint64_t *map_keys; /* key -> index, open addressing */
    int *map_index;
    int map_cap;
    /* the timer ruler */
    bool ruler;    /* drawn (detail level) */
    double t0, t1; /* visible virtual-time range */
    double clock;  /* the clock hand */
    /* the source region */
    float scroll;   /* first visible row, fractional while animating */
    float run_row;  /* row of the running statement, -1 none */
    float line_h;   /* code line height */
    Box code;       /* where code rows are drawn (right of the gutter) */
    float gutter_x; /* left edge of the marker gutter */
    /* text laid out once per build (not blended: drawn from the target scene) */
    ConsoleRow *console; /* the console's last rows that fit, oldest first */
    int nconsole;
    const char *narration[SCENE_MAX_NARRATION]; /* wrapped rows: the say text, then the rest */
    int nnarration, nsay;                       /* rows in all, rows of the say text */
} Scene;

/* What a scene is built from. */
typedef struct {
    const Picture *pic;
    const Layout *layout;
    const Meta *meta;
    const char *file; /* the scenario's path (frames of other files are asyncio's) */
    Gfx *gfx;
    Lang lang;
    Detail detail;
    const Picture *prev;   /* the step before, when it is the neighbour (may be NULL) */
    bool code_runs;        /* the picture's line is a statement of the scenario running now */
    const char *say;       /* the author's narration for this step, or NULL */
    const char *generated; /* the generated sentence */
    float prev_scroll;     /* the scroll of the scene before, to keep the code still */
} SceneInput;

void scene_init(Scene *scene);
void scene_free(Scene *scene);
/* Rebuilds `scene` for the input (replacing what it held). */
void scene_build(Scene *scene, const SceneInput *in);

/* The item with `key`, or NULL. */
const Item *scene_find(const Scene *scene, uint64_t key);

/*
 * Writes into `out` the scene at fraction t (0..1, already eased) of the way from `a` to
 * `b`: shared keys move and resize, new items grow out of a related item of `a` (a ready
 * card out of the future whose callback it is, a task out of the card that ran it) or fade
 * in, and vanishing items fade out. Strings are copied, so `out` outlives `a` and `b`.
 */
void scene_lerp(Scene *out, const Scene *a, const Scene *b, float t);

/* x of virtual time `t` on the ruler, and y of the ruler's axis. */
float scene_ruler_x(const Scene *scene, const Layout *layout, double t);
float scene_ruler_axis(const Layout *layout);

/* A task state's display name ("waiting", "等待中"). */
const char *scene_state_name(Lang lang, LsTaskState state);

#endif

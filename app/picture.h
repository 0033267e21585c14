/*
 * picture.h - the app's own copy of one snapshot: what the views draw at one step.
 *
 * A snapshot from ls_trace_seek is valid only until the next call on its trace, and the
 * window needs two (the step it animates from and the step it animates to), so the app
 * copies what it draws into a Picture, with ids indexed for lookup and the console already
 * split into its last lines. Only the engine's public headers are used.
 *
 * Not for: positions (scene.h) or sentences (narrate.h).
 */
#ifndef LS_PICTURE_H
#define LS_PICTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pool.h"
#include "i18n.h"
#include "loopscope_trace.h"

typedef struct {
    char *function;
    int line;
    char *file; /* the scenario's file, or "<asyncio>" for the library's frames */
} PicFrame;

typedef struct {
    uint32_t id;
    char *name;
    int colour; /* palette index, stable per task */
    LsTaskState state;
    PicFrame *chain; /* outermost first */
    int chain_len;
    uint32_t awaiting; /* future id, 0 none */
    char *result;      /* repr of result or exception, or NULL */
    int cancelling;
} PicTask;

typedef struct {
    uint32_t handle;
    LsRunKind kind;
    uint32_t task, future;
    char *label;
    bool cancelled; /* cancelled while queued: it will run as a no-op */
} PicReady;

typedef struct {
    uint32_t handle;
    double when;
    char *label;
    uint32_t task;
} PicTimer;

typedef struct {
    uint32_t id;
    char *kind;
    LsFutureState state;
    char *result;
    bool failed;
    char **callbacks;
    int ncallbacks;
    uint32_t task; /* for a task's own future */
} PicFuture;

/* One console line and who printed (the start of) it. */
typedef struct {
    char *text;
    uint32_t task;
    int stream; /* 1 stdout, 2 stderr */
} PicLine;

/* An id -> array index map (open addressing). */
typedef struct {
    uint32_t *ids;
    uint32_t *index;
    size_t cap;
} IdMap;

enum { PICTURE_MAX_LINES = 400 };

typedef struct {
    Pool pool;
    size_t step;
    double clock;
    LsLoopState loop;
    uint64_t iteration;
    uint32_t running_task, running_handle;
    char *running_label;
    LsRunKind running_kind;
    PicFrame *main_chain; /* frames of the program outside any task, outermost first */
    int main_chain_len;
    char *file; /* the current statement's file (NULL none) */
    int line;   /* the current statement's line (0 none) */
    PicTask *tasks;
    size_t ntasks;
    PicReady *ready;
    size_t nready;
    PicTimer *timers;
    size_t ntimers;
    PicFuture *futures;
    size_t nfutures;
    PicLine *lines; /* the console's last lines */
    size_t nlines;
    size_t lines_dropped; /* earlier lines not kept */
    bool has_last;
    LsEvent last;   /* the event that led here */
    char *last_str; /* its string, or NULL */
    bool ended;
    int exit_status;
    IdMap task_map, future_map;
    char *narration[LANG_COUNT]; /* filled by the app (narrate.c) */
} Picture;

/* Copies `snap` into `pic` (replacing what it held); `trace` resolves event strings. */
void picture_fill(Picture *pic, const LsSnapshot *snap, LsTrace *trace);
void picture_free(Picture *pic);

/* Lookups by id; NULL when absent. */
const PicTask *picture_task(const Picture *pic, uint32_t id);
const PicFuture *picture_future(const Picture *pic, uint32_t id);
/* Whether two paths name the same file (compared by their last component). */
bool picture_same_file(const char *a, const char *b);

/* A readable name of a future: the task's name for a task, else "Future #7". */
const char *picture_future_name(const Picture *pic, uint32_t id, char *buf, size_t size);

#endif

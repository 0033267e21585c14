/*
 * aio_events.h - the record of every scheduling action of the asyncio runtime: a task or
 * future created, a handle pushed onto the ready queue and popped, a timer scheduled, due or
 * cancelled, a future changing state, a done-callback added/removed/scheduled, a task
 * suspending and resuming, the clock advancing, a loop iteration beginning, output written.
 *
 * Events are plain data appended to one growable array (no allocation per event) and never
 * edited: the trace/time-travel layer folds them into snapshots. Objects are named by stable
 * integer ids (never pointers), strings by an index into an interned string table.
 *
 * Not for: deciding anything. The loop works the same whether or not anyone reads this.
 */
#ifndef LS_AIO_EVENTS_H
#define LS_AIO_EVENTS_H

#include <stddef.h>
#include <stdint.h>

#include "vm.h"

/*
 * The event kinds, written once: enum AIO_EV_x and display name. Field use per kind
 * (fields not mentioned are 0): `task` is the task involved or running, `handle` the ready
 * queue entry or timer, `future` the future (a task's own future id is its task id),
 * `detail` a small enum, `value` a number.
 */
#define AIO_EVENT_KINDS(X)                                                                         \
    X(LOOP_START, "loop start")         /* handle: loop id */                                      \
    X(LOOP_STOP, "loop stop")           /* handle: loop id */                                      \
    X(ITERATION, "iteration")           /* value: iteration number (per loop run) */               \
    X(CLOCK, "clock")                   /* value: the new virtual time (time holds it too) */      \
    X(TASK_CREATED, "task created")     /* task; str: its name; line: where */                     \
    X(FUTURE_CREATED, "future created") /* future */                                               \
    X(READY_PUSH, "ready push") /* handle; detail: AioRunKind; task/future: what it runs */        \
    X(READY_POP, "ready pop")   /* handle; detail: AioRunKind; task/future */                      \
    X(TIMER_SCHEDULED, "timer scheduled")   /* handle; value: when; str: callback name */          \
    X(TIMER_DUE, "timer due")               /* handle (moved to the ready queue) */                \
    X(TIMER_CANCELLED, "timer cancelled")   /* handle */                                           \
    X(HANDLE_CANCELLED, "handle cancelled") /* handle (a call_soon handle) */                      \
    X(FUTURE_STATE, "future state")         /* future; detail: AioFutState (new state) */          \
    X(CALLBACK_ADDED, "callback added") /* future; task: the waiting task for a wake-up; str */    \
    X(CALLBACK_REMOVED, "callback removed")     /* future; value: how many */                      \
    X(CALLBACK_SCHEDULED, "callback scheduled") /* future; handle: the new ready entry */          \
    X(TASK_SUSPENDED, "task suspended")         /* task; future: awaited (0: bare yield); line */  \
    X(TASK_RESUMED, "task resumed") /* task; detail: 1 when an exception is thrown in */           \
    X(TASK_CANCEL, "task cancel")   /* task; value: cancelling() after the call */                 \
    X(INTERRUPT, "interrupt")       /* SIGINT delivered; detail: 1 to a handler */                 \
    X(OUTPUT, "output")             /* detail: 1 stdout 2 stderr; value: text ofs<<32 | len */

typedef enum {
#define X(e, name) AIO_EV_##e,
    AIO_EVENT_KINDS(X)
#undef X
        AIO_EV_COUNT
} AioEventKind;

/* What a ready-queue entry runs (READY_PUSH / READY_POP detail). */
#define AIO_RUN_KINDS(X)                                                                           \
    X(STEP, "task step")              /* a task's __step (first step, after a bare yield ...) */   \
    X(WAKEUP, "task wakeup")          /* a task's __wakeup: the future it awaited is done */       \
    X(DONE_CALLBACK, "done callback") /* a future's done callback */                               \
    X(CALLBACK, "callback")           /* a call_soon handle */                                     \
    X(TIMER, "timer")                 /* a due TimerHandle */

typedef enum {
#define X(e, name) AIO_RUN_##e,
    AIO_RUN_KINDS(X)
#undef X
        AIO_RUN_COUNT
} AioRunKind;

/* Future states (FUTURE_STATE detail), CPython's names. */
typedef enum { AIO_PENDING, AIO_CANCELLED, AIO_FINISHED } AioFutState;

/* One event: 40 bytes. Its sequence number is its index in the log. */
typedef struct {
    double time;    /* virtual clock when it happened */
    uint8_t kind;   /* AioEventKind */
    uint8_t detail; /* per kind (see the list) */
    uint16_t pad;
    uint32_t task;   /* task id or 0 */
    uint32_t handle; /* handle / timer / ready entry id or 0 */
    uint32_t future; /* future id or 0 */
    uint32_t file;   /* source file: string index (0: none) */
    int32_t line;    /* source line, 0 when not in Python code */
    uint32_t str;    /* a string (name, callback): string index, 0: none */
    uint32_t pad2;
    uint64_t value; /* per kind: a number, or a double's bits (aio_event_value_f) */
} AioEvent;

/* The log: events, the interned strings they name and the output text. */
typedef struct AioEvents {
    AioEvent *ev;
    size_t len, cap;
    char **strs; /* strs[0] = "" */
    size_t nstrs, cap_strs;
    uint32_t *str_index; /* open addressing: string index, 0 empty */
    size_t index_cap;    /* power of two */
    char *text;          /* OUTPUT payloads, concatenated */
    size_t text_len, text_cap;
    bool disabled;  /* stop recording (memory exhausted, cap reached or turned off) */
    bool truncated; /* AIO_EVENTS_MAX events were kept and later ones dropped */
} AioEvents;

/* At most this many events are kept when nobody drains the log (the trace empties it as
 * it converts events); a never-ending program must not exhaust memory. 160 MB. */
#define AIO_EVENTS_MAX ((size_t)1 << 22)

/* Appends an event (time and source location filled from the VM). Returns it, or NULL when
 * recording is off; the caller fills the other fields. */
AioEvent *aio_event(VM *vm, AioEventKind kind);

/* The index of string s in the table (added on first use); 0 for NULL or on failure. */
uint32_t aio_event_str(VM *vm, const char *s);

/* Records text written to stdout/stderr (called by vm_write). */
void aio_event_output(VM *vm, int stream, const char *text, size_t len);

/* Frees the log's memory (aio_free calls it). */
void aio_events_free(VM *vm, AioEvents *log);

/* ---- reading the log (tests, the trace layer) */

size_t aio_events_count(VM *vm);
const AioEvent *aio_events_at(VM *vm, size_t i);
const char *aio_events_string(VM *vm, uint32_t index);
const char *aio_event_kind_name(int kind);
const char *aio_run_kind_name(int kind);

static inline double aio_event_value_f(const AioEvent *e) {
    union {
        uint64_t u;
        double d;
    } c = {.u = e->value};
    return c.d;
}

/* One line per event ("12 t=0.000 ready push handle=7 kind=task step task=3"), for tests
 * and debugging; an ls_alloc'd NUL-terminated string of *size bytes (ls_free it). */
char *aio_events_dump(VM *vm, size_t first, size_t count, size_t *size);

#endif

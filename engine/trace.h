/*
 * trace.h - inside the trace (trace.c) and the model (model.c): the hooks the interpreter
 * calls while a traced run goes on, and the recorded data both files share.
 *
 * A traced run sets vm->tracer. The hooks then record language-level events (statements,
 * frames entered and left, exceptions, output) and, at the same points, convert the asyncio
 * runtime's event log (aio_events.h) into trace events, so both kinds interleave in the
 * order they happened. The engine runs on its own thread and parks inside a hook when the
 * viewer has enough events (the chunk budget); see trace.c.
 *
 * Events are stored compactly (TEvent, 32 bytes) in fixed-size blocks that never move;
 * ls_trace_event() expands one into the public LsEvent on demand.
 *
 * Not for: the public API (loopscope_trace.h) nor the VM (vm.h).
 */
#ifndef LS_TRACE_H
#define LS_TRACE_H

#include "loopscope_trace.h"
#include "vm.h"

/* ---------------------------------------------------------------- hooks (vm->tracer set) */

/* How a frame is left (FRAME_EXIT detail). */
enum { TRACE_EXIT_RETURN = 0, TRACE_EXIT_SUSPEND = 1, TRACE_EXIT_RAISE = 2 };

/* A statement starts in frame f (vm.c, at an instruction marked stmt_start). Returns false
 * with an exception pending when the run must not go on here: an injected KeyboardInterrupt
 * (ls_trace_interrupt_at) or the trace being closed. */
bool trace_statement(VM *vm, FrameObj *f);
/* Frame f starts or resumes (vm->frame == f, vm->depth counts it). */
void trace_frame_enter(VM *vm, FrameObj *f);
/* Frame f is left (called before vm->depth drops): how is a TRACE_EXIT_x. */
void trace_frame_exit(VM *vm, FrameObj *f, int how);
/* A fresh exception (vm->exc, no traceback yet) surfaces in frame f. */
void trace_exception(VM *vm, FrameObj *f);
/* Text written to stdout (1) or stderr (2) (vm_write). */
void trace_output(VM *vm, int stream, const char *text, size_t len);
/* An asyncio event of `kind` (AioEventKind) is about to be appended (aio_event): the earlier
 * ones are complete. */
void trace_aio_event(VM *vm, int kind);

/* ---------------------------------------------------------------- recorded data */

/* One event, compact. time is not stored: it is the value of the last CLOCK event. */
typedef struct {
    uint8_t kind; /* LsEventKind */
    uint8_t detail;
    uint16_t file; /* index into TraceData.files (0: none) */
    int32_t line;
    uint32_t task, handle, future, str;
    uint64_t value;
} TEvent;

enum { TRACE_BLOCK_BITS = 15, TRACE_BLOCK = 1 << TRACE_BLOCK_BITS };

/* A task or future as created (never changes afterwards). */
typedef struct {
    uint32_t id;
    uint32_t name;  /* string: "Task-2" (tasks), kind "Future"/"Task" (futures) */
    uint32_t other; /* task: its future's index; future: its task's index + 1 (0: none) */
} TraceObjInfo;

/* A growable array of uint32 (indexes of events by granularity). */
typedef struct {
    uint32_t *v;
    size_t len, cap;
} U32Vec;

/* Granularity indexes: sequence numbers of the events that stop a step at that level. */
enum { GRAN_LINE, GRAN_AWAIT, GRAN_ITERATION, GRAN_COUNT };

typedef struct TraceData {
    /* events */
    TEvent **blocks;
    size_t nblocks, len;
    bool ended;
    int exit_status;
    /* strings: interned, in chunks that never move */
    char **strs; /* strs[0] = "" */
    size_t nstrs, cap_strs;
    uint32_t *str_index; /* open addressing on the text: string index, 0 empty */
    size_t index_cap;
    char *arena; /* the current chunk */
    size_t arena_len, arena_cap;
    char **chunks;
    size_t nchunks;
    uint32_t *files; /* files[i] = string index of file i (files[0] = 0) */
    size_t nfiles;
    /* tasks and futures, in creation order; ids map to index + 1 */
    TraceObjInfo *tasks, *futs;
    size_t ntasks, cap_tasks, nfuts, cap_futs;
    uint32_t *task_of_id, *fut_of_id;
    size_t id_cap;
    /* output: spans point into text chunks that never move */
    LsConsoleSpan *spans;
    size_t nspans, cap_spans;
    char *text;
    size_t text_len, text_cap;
    char **text_chunks;
    size_t ntext_chunks;
    /* the clock: (seq, time) at each CLOCK event, for the time of any event */
    U32Vec clock_seq;
    double *clock_val;
    size_t clock_cap;
    U32Vec gran[GRAN_COUNT];
} TraceData;

static inline const TEvent *trace_ev(const TraceData *d, size_t seq) {
    return &d->blocks[seq >> TRACE_BLOCK_BITS][seq & (TRACE_BLOCK - 1)];
}

static inline const char *trace_str(const TraceData *d, uint32_t i) {
    return i < d->nstrs ? d->strs[i] : "";
}

/* The virtual time at event seq (the last CLOCK at or before it). */
double trace_time_at(const TraceData *d, size_t seq);

/* ---------------------------------------------------------------- the model (model.c) */

typedef struct Model Model;

Model *model_new(void);
void model_free(Model *m);
/* Folds events recorded since the last call into the running state, taking keyframes. */
void model_record(Model *m, const TraceData *d);
/* The picture at step k (k <= d->len, and model_record has seen them). */
const LsSnapshot *model_seek(Model *m, const TraceData *d, size_t step);
/* Bytes held by keyframes. */
size_t model_bytes(const Model *m);

/* The display label of a ready entry or a callback; writes into buf. */
const char *model_run_label(const TraceData *d, int run_kind, uint32_t task, uint32_t str,
                            char *buf, size_t cap);

#endif

/*
 * aio.h - the native core of loopscope's asyncio: the event loop (aio_loop.c), Future and
 * Task (aio_future.c), the module object (aio_module.c) and the Python half embedded from
 * engine/aio_lib.py. Shared by those files and the unit tests only.
 *
 * The model is CPython 3.11's (ASYNCIO.md): a loop owns a FIFO ready queue and a timer heap
 * ordered by (when, sequence) on the virtual clock vm->clock; one iteration (aio_run_once)
 * runs a snapshot of the ready queue. Futures schedule their done callbacks on completion;
 * a Task drives a coroutine one step per ready-queue entry.
 *
 * Internal work (a task's step or wake-up, a future's done callback) goes through the ready
 * queue as a plain AioReady record, not as a Python Handle object: only call_soon/call_later
 * and friends, whose Handle the program can see and cancel, allocate one.
 *
 * Not for: the language VM (vm.h, code.h) nor the event records (aio_events.h).
 */
#ifndef LS_AIO_H
#define LS_AIO_H

#include "aio_events.h"
#include "code.h"

/* The text of engine/aio_lib.py, embedded at build time by tools/embed.cmake. */
extern const char ls_aio_lib_source[];
extern const size_t ls_aio_lib_source_len;

/* The file name shown for frames of the embedded library in tracebacks and reprs. */
#define AIO_LIB_FILENAME "<asyncio>"

typedef struct LoopObj LoopObj;
typedef struct TaskObj TaskObj;

/* ---------------------------------------------------------------- ready queue */

/* One entry of a loop's ready queue. `fn` and `arg` are strong references. */
typedef struct {
    Value fn;      /* HANDLE: the HandleObj; STEP/WAKEUP: the task; DONE_CALLBACK: callable */
    Value arg;     /* STEP: exception to throw or V_NULL; WAKEUP/DONE_CALLBACK: the future */
    uint32_t kind; /* AioRunKind (TIMER entries are HandleObjs run like CALLBACK) */
    uint32_t id;   /* event id of this entry (the HandleObj's id for handles) */
} AioReady;

/* A FIFO ring buffer. */
typedef struct {
    AioReady *items;
    size_t head, len, cap; /* cap is a power of two (or 0) */
} AioQueue;

/* ---------------------------------------------------------------- objects */

/* asyncio.Handle / asyncio.TimerHandle (one struct; timers use when/seq/in_heap). */
typedef struct HandleObj {
    Obj hdr;
    Value callback;   /* V_NULL once cancelled */
    TupleObj *args;   /* NULL once cancelled */
    Value context;    /* the context= argument, or None */
    LoopObj *loop;    /* strong */
    double when;      /* TimerHandle: absolute loop time */
    Value when_value; /* TimerHandle: `when` as given (an int stays an int in reprs) */
    uint64_t seq;     /* TimerHandle: scheduling order, the tie-breaker */
    uint32_t id;      /* event id */
    bool cancelled;
    bool is_timer;
    bool in_heap; /* TimerHandle: still in the loop's heap (CPython's _scheduled) */
} HandleObj;

/* A done callback of a future: fn(future), or the wake-up of a task awaiting it. */
typedef struct {
    Value fn;      /* the callable, or the TaskObj for a wake-up */
    Value context; /* the context= argument, or None */
    bool wakeup;   /* fn is a task to wake (shown as Task.task_wakeup()) */
} AioCallback;

/* _asyncio.Future. The dict pointer sits right after the header, where a Python subclass
 * (the library's _GatheringFuture) finds its instance dict. */
typedef struct FutureObj {
    Obj hdr;
    DictObj *dict;      /* instance attributes (subclasses), or NULL */
    LoopObj *loop;      /* strong */
    uint8_t state;      /* AioFutState */
    bool log_traceback; /* exception set and not yet retrieved */
    bool blocking;      /* _asyncio_future_blocking */
    bool is_task;
    bool finalized;       /* the finalizer ran (at exit): never again */
    uint32_t id;          /* event id */
    Value result;         /* FINISHED with a result */
    Value exception;      /* FINISHED with an exception (instance) */
    Value cancel_message; /* None or the cancel(msg) argument */
    Value cancelled_exc;  /* the CancelledError to re-raise (tasks), or V_NULL */
    AioCallback *cbs;     /* done callbacks in registration order */
    size_t ncbs, cap_cbs;
} FutureObj;

/* _asyncio.Task. */
struct TaskObj {
    FutureObj fut;
    Value coro;
    Value context;
    Value name; /* str, or V_NULL while it is still the default Task-<name_num> */
    uint64_t name_num;
    Value fut_waiter; /* the future it waits on, or None */
    int num_cancels_requested;
    bool must_cancel;
    bool log_destroy_pending;
    TaskObj *all_prev, *all_next; /* the list of live tasks (weak: unlinked on dealloc) */
};

/* The event loop (_UnixSelectorEventLoop). */
struct LoopObj {
    Obj hdr;
    DictObj *dict;    /* instance attributes */
    AioQueue ready;   /* _ready */
    HandleObj **heap; /* _scheduled: a binary min-heap on (when, seq), strong refs */
    size_t nheap, cap_heap;
    size_t timer_cancelled_count;
    uint64_t timer_seq;
    bool stopping, closed, running, debug;
    bool asyncgens_shutdown_called, executor_shutdown_called;
    TaskObj *current_task;   /* borrowed: the task whose step is running */
    Value exception_handler; /* None or a callable(loop, context) */
    Value task_factory;      /* None or a callable(loop, coro[, context]) */
    uint32_t id;             /* event id */
    uint64_t iteration;      /* iterations of the current run */
};

/* ---------------------------------------------------------------- per-VM state */

/* Attribute and method names the core looks up on hot paths, interned once. */
/* clang-format off */
#define AIO_NAMES(X) \
    X(_maxsize) \
    X(_queue) \
    X(_unfinished_tasks) \
    X(_finished) \
    X(_getters) \
    X(_putters) \
    X(_value) \
    X(append) \
    X(popleft) \
    X(done) \
    X(set_result) \
    X(_asyncio_future_blocking)
/* clang-format on */

typedef struct {
#define X(n) StrObj *n;
    AIO_NAMES(X)
#undef X
} AioNames;

typedef struct AioState {
    /* types */
    TypeObj *future_type, *future_iter_type, *task_type, *loop_type, *handle_type, *timer_type,
        *sleep0_type;
    TypeObj *CancelledError, *InvalidStateError;
    Value module;      /* the asyncio module (strong) */
    AioNames names;    /* interned hot names */
    Value queue_class; /* the library's Queue class (fast paths), V_NULL until seen */
    Value queue_empty; /* the _QUEUE_EMPTY marker of _queue_get_fast */
    /* loops */
    LoopObj *running_loop; /* borrowed: set while run_forever runs */
    Value event_loop;      /* the policy's current loop (strong), or None */
    bool event_loop_set;   /* set_event_loop was called (None then means "none") */
    /* tasks */
    uint64_t task_counter; /* the process-wide Task-N counter */
    TaskObj *all_tasks;    /* head of the live-task list (creation order) */
    TaskObj *all_tasks_tail;
    uint32_t next_id; /* event ids of loops, futures, tasks, handles */
    /* the virtual clock's directives (#| lines) */
    double iteration_cost; /* seconds charged per iteration */
    double *interrupts;    /* pending interrupt-at times, ascending; a traced run's Ctrl+C
                              (ls_trace_interrupt_at, trace.c) inserts the current time at
                              the front, so the loop's next wait delivers it */
    size_t ninterrupts, cap_interrupts;
    Value sigint_handler;        /* set by _set_sigint_handler, or None */
    uint64_t starved_iterations; /* busy iterations with timers pending and a frozen clock */
    bool starvation_warned;
    bool idle_forever; /* the loop stopped the program: "loop idle forever" */
    /* the event record */
    AioEvents events; /* in a traced run, trace.c converts and then empties it (len 0)
                         at each aio_event and language hook */
} AioState;

/* ---------------------------------------------------------------- aio_module.c */

/* Fills a fresh `asyncio` module (the row of modules.c's native table). */
bool aio_module_init(VM *vm, Value module);

/* The per-VM state, created on first use (NULL on MemoryError). */
AioState *aio_state(VM *vm);

/* At program exit (after __main__ is cleared): the tasks CPython's final garbage
 * collection would find, in creation order: "Task was destroyed but it is pending!" (then
 * their coroutines are closed, running finally blocks) and "Task exception was never
 * retrieved". */
void aio_at_exit(VM *vm);

/* Releases everything asyncio holds (engine teardown, before objects_free). */
void aio_free(VM *vm);

/* Reads `#| iteration-cost: D` and `#| interrupt-at: T[, T...]` lines of the program. */
bool aio_parse_directives(VM *vm, const char *source, size_t len);

/* asyncio.iscoroutine(v). */
bool aio_iscoroutine(VM *vm, Value v);

/* Creates CancelledError, InvalidStateError into aio (and the module). */
bool aio_exceptions_init(VM *vm, AioState *aio, Value module);

/* A new event id. */
static inline uint32_t aio_new_id(AioState *aio) {
    return ++aio->next_id;
}

/* ---------------------------------------------------------------- aio_loop.c */

/* Moves the virtual clock (vm->clock) to t, recording a CLOCK event (time.sleep uses it
 * too, so blocking sleeps show in the record). */
void aio_set_clock(VM *vm, double t);

/* Creates the loop, Handle and TimerHandle types. */
bool aio_loop_types_init(VM *vm, AioState *aio, Value module);

/* A new event loop (new reference). */
LoopObj *aio_loop_new(VM *vm);

/* Appends an entry to the ready queue, stealing fn and arg. Records READY_PUSH with the
 * task/future it concerns. Returns false on MemoryError (references released). */
bool aio_loop_push(VM *vm, LoopObj *loop, uint32_t kind, Value fn_steal, Value arg_steal);

/* loop.call_soon(fn, *args) for C callers: a Handle appended to the ready queue. */
HandleObj *aio_loop_call_soon(VM *vm, LoopObj *loop, Value fn, Value *args, int nargs,
                              Value context);

/* RuntimeError('Event loop is closed') unless the loop is open. */
bool aio_loop_check_closed(VM *vm, LoopObj *loop);

/* loop.call_exception_handler(context) with context built from key/value pairs (C strings
 * and borrowed values), as the finalizers and Handle._run need it. */
void aio_loop_report(VM *vm, LoopObj *loop, const char *message, const char *key, Value obj,
                     Value exc);

/* The loop that asyncio functions without a loop argument use: the running one, else the
 * policy's (created on first use in the main thread). New reference or NULL. */
LoopObj *aio_get_event_loop(VM *vm);

/* Is `v` an event loop object? */
bool aio_is_loop(VM *vm, Value v);

/* tasks.ensure_future(obj, loop=loop) (loop V_NULL or None: the current loop). */
Value aio_ensure_future(VM *vm, Value obj, Value loop);

/* ---------------------------------------------------------------- aio_future.c */

/* Creates the Future, FutureIter and Task types. */
bool aio_future_types_init(VM *vm, AioState *aio, Value module);

/* A new pending future on `loop` (new reference). */
FutureObj *aio_future_new(VM *vm, LoopObj *loop);

/* A new task running `coro` on `loop`, its first step queued (new reference). name V_NULL
 * takes the next Task-N. */
TaskObj *aio_task_new(VM *vm, LoopObj *loop, Value coro, Value name, Value context);

/* Is v a Future (a Task, or a Python subclass) of the native layout? */
bool aio_is_future(VM *vm, Value v);

/* Is v a Task (or a subclass)? */
bool aio_is_task(VM *vm, Value v);

/* fut.set_result(v) of a native future (InvalidStateError when done). */
bool aio_future_set_result(VM *vm, FutureObj *f, Value v);

/* o.name(*args) with an interned name (vm_call_method interns on every call). */
Value aio_call_method(VM *vm, Value o, StrObj *name, Value *args, int nargs);

/* asyncio.isfuture(v): the native layout, or anything with _asyncio_future_blocking set. */
int aio_isfuture(VM *vm, Value v);

/* Runs a ready-queue entry of kind STEP or WAKEUP (aio_loop.c's dispatcher calls it).
 * Returns false when a KeyboardInterrupt/SystemExit must escape the loop. */
bool aio_task_run(VM *vm, AioReady *item);

/* fut.add_done_callback(fn) / fut.remove_done_callback(fn) / fut.cancel() for C callers,
 * dispatching through the Python method when a subclass overrides it. */
bool aio_future_add_callback(VM *vm, Value fut, Value fn, Value context);
int aio_future_cancel(VM *vm, Value fut, Value msg); /* 1 True, 0 False, -1 error */

/* result() of a done future: new reference, or V_NULL with the exception raised. */
Value aio_future_result(VM *vm, FutureObj *f);

/* repr(future) with CPython's format (used by Task reprs too). */
StrObj *aio_future_repr(VM *vm, Value self);

/* The name a callback shows in reprs (`print()`, `cb() at FILE:LINE`, `Task.task_wakeup()`). */
bool aio_format_callback(VM *vm, StrBuf *sb, Value fn, TupleObj *args);

#endif

/*
 * loopscope_trace.h - the trace and the model: what the window (app/) and the command line
 * read about a running scenario. Part of the engine's public API, with loopscope.h.
 *
 * A trace is an append-only log of events produced by running the scenario in loopscope's
 * engine, ahead of the viewer in bounded chunks. The model folds events into a snapshot -
 * the whole picture at step k - and seeks to any k from the nearest keyframe, never
 * re-running Python code. Steps are numbered 0..n: step k is the picture after event k-1
 * (step 0 is before anything happened).
 *
 * Ownership: everything returned by these functions is owned by the LsTrace. Strings
 * (ls_trace_string, names, labels inside snapshots, console text) stay valid until
 * ls_trace_delete; a snapshot until the next call on the same trace; an LsEvent from
 * ls_trace_event until 64 more ls_trace_event calls (use ls_trace_get to keep a copy).
 * The app never frees what it reads.
 *
 * Threads: the engine runs on a thread of its own and parks between chunks; an LsTrace must
 * be used from one thread at a time. Events are documented field by field in docs/TRACE.md.
 *
 * Not for: drawing, fonts, input (app/), nor running without recording (ls_run_source).
 */
#ifndef LOOPSCOPE_TRACE_H
#define LOOPSCOPE_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "loopscope.h"

/* ---------------------------------------------------------------- events */

/* Event kinds, written once (enum LS_EV_x and the display name used by --trace). */
/* clang-format off */
#define LS_EVENT_KINDS(X)                                                                      \
    X(STATEMENT, "line")              /* a statement starts: task, file, line, str = function, \
                                         value = call depth */                                 \
    X(FRAME_ENTER, "enter")           /* a Python frame starts (detail 0) or resumes (1):     \
                                         str = function, value = call depth */                 \
    X(FRAME_EXIT, "exit")             /* a frame is left: detail 0 returns, 1 suspends,        \
                                         2 raises; str = function, value = call depth */        \
    X(EXCEPTION, "exception")         /* raised: str = "ValueError: x" */                      \
    X(WARNING, "warning")             /* reserved: warnings arrive as stderr OUTPUT for now */ \
    X(OUTPUT, "output")               /* text printed: detail = stream, value = console span  \
                                         index (ls_trace_text) */                              \
    X(LOOP_STATE, "loop")             /* detail: LsLoopState, handle = loop id */              \
    X(ITERATION, "iteration")         /* value = iteration number */                           \
    X(CLOCK, "clock")                 /* the virtual clock moved: time = new time */           \
    X(TASK_CREATED, "task.new")       /* task, str = name */                                   \
    X(FUTURE_CREATED, "future.new")   /* future, str = kind ("Future", "_GatheringFuture") */  \
    X(READY_PUSH, "ready.push")       /* handle, detail = LsRunKind, str = label */            \
    X(READY_POP, "ready.pop")         /* handle, detail = LsRunKind: the handle runs now */    \
    X(HANDLE_DONE, "ready.done")      /* the running handle finished: handle, detail, task */  \
    X(TIMER_ADD, "timer.add")         /* handle, value = due time (as double), str = label */  \
    X(TIMER_DUE, "timer.due")         /* handle moves from the heap to the ready queue */      \
    X(TIMER_CANCEL, "timer.cancel")   /* handle */                                             \
    X(HANDLE_CANCEL, "handle.cancel") /* handle (call_soon handle) */                          \
    X(FUTURE_STATE, "future.state")   /* future, detail = LsFutureState, str = result repr,   \
                                         value bit 0 = finished with an exception */           \
    X(CALLBACK_ADD, "cb.add")         /* future, str = label, task = waiting task if wakeup */ \
    X(CALLBACK_REMOVE, "cb.remove")   /* future, str = label */                                \
    X(CALLBACK_SCHEDULE, "cb.schedule") /* future, handle = the new ready entry */             \
    X(TASK_SUSPEND, "await")          /* task, future = awaited (0: bare yield), line */       \
    X(TASK_RESUME, "resume")          /* task, detail 1 = an exception is thrown in */         \
    X(TASK_CANCEL, "task.cancel")     /* task, value = cancelling() */                         \
    X(INTERRUPT, "interrupt")         /* SIGINT delivered; detail 1 = to a handler */          \
    X(END, "end")                     /* the program ended: value = exit status */
/* clang-format on */

typedef enum {
#define X(e, name) LS_EV_##e,
    LS_EVENT_KINDS(X)
#undef X
        LS_EV_COUNT
} LsEventKind;

/* What a ready-queue entry runs. */
typedef enum {
    LS_RUN_STEP,          /* a task's step (first step, after sleep(0) ...) */
    LS_RUN_WAKEUP,        /* a task's wake-up: the future it awaited is done */
    LS_RUN_DONE_CALLBACK, /* a future's done callback */
    LS_RUN_CALLBACK,      /* a call_soon handle */
    LS_RUN_TIMER,         /* a due TimerHandle */
} LsRunKind;

typedef enum { LS_FUT_PENDING, LS_FUT_CANCELLED, LS_FUT_FINISHED } LsFutureState;

typedef enum {
    LS_LOOP_NONE,    /* no loop yet */
    LS_LOOP_IDLE,    /* created, not running */
    LS_LOOP_RUNNING, /* inside run_forever / run_until_complete */
    LS_LOOP_CLOSED,
} LsLoopState;

/* One event. Objects are named by stable integer ids (0 = none); strings by index. */
typedef struct {
    uint64_t seq;    /* its index in the trace */
    double time;     /* virtual clock */
    uint8_t kind;    /* LsEventKind */
    uint8_t detail;  /* per kind */
    uint32_t task;   /* task involved or running (0: none / main program) */
    uint32_t handle; /* ready entry / timer / handle id */
    uint32_t future; /* future id (a task's future id is its task id) */
    uint32_t file;   /* string index of the source file (0: none) */
    int32_t line;    /* source line (0: not in Python code) */
    uint32_t str;    /* string index (see the kind) */
    uint64_t value;  /* per kind */
} LsEvent;

/* ---------------------------------------------------------------- snapshots */

typedef enum {
    LS_TASK_READY,     /* its step or wake-up is in the ready queue */
    LS_TASK_RUNNING,   /* executing now */
    LS_TASK_WAITING,   /* suspended on a future */
    LS_TASK_DONE,      /* finished with a result */
    LS_TASK_FAILED,    /* finished with an exception */
    LS_TASK_CANCELLED, /* ended cancelled */
} LsTaskState;

/* One frame of an await chain, outermost first. */
typedef struct {
    const char *function; /* qualname */
    int line;             /* current line */
    const char *file;     /* its file: the scenario's, or "<asyncio>" for the library's */
} LsFrame;

typedef struct {
    uint32_t id;      /* stable id */
    const char *name; /* "Task-2" */
    int colour;       /* index into the app's palette, stable per task */
    LsTaskState state;
    const LsFrame *chain; /* await chain, outermost (the task's coroutine) first */
    int chain_len;
    uint32_t awaiting;  /* future id it waits on (0: none) */
    const char *result; /* repr of result or exception ("ValueError('x')"), or NULL */
    int cancelling;     /* cancelling() */
} LsTaskView;

typedef struct {
    uint32_t handle; /* id */
    LsRunKind kind;
    uint32_t task;     /* the task it steps/wakes (0: none) */
    uint32_t future;   /* the future whose callback it is (0: none) */
    const char *label; /* "Task-2 step", "task_wakeup(Task-1)", "callback('p1', 'p2', fut)" */
    bool cancelled;    /* a call_soon handle cancelled while queued (runs as a no-op) */
} LsReadyView;

typedef struct {
    uint32_t handle;
    double when;       /* due time */
    const char *label; /* "sleep(1.0) wake-up of Task-2", "call_later: tick()" */
    uint32_t task;     /* task it will wake (0: none) */
} LsTimerView;

typedef struct {
    uint32_t id;
    const char *kind; /* "Future", "Task", "_GatheringFuture" */
    LsFutureState state;
    const char *result;           /* repr of result or exception, NULL when pending */
    bool failed;                  /* finished with an exception */
    const char *const *callbacks; /* labels, in registration order */
    int ncallbacks;
    uint32_t task; /* for a task's own future: the task id */
} LsFutureView;

/* A piece of console text and who printed it. */
typedef struct {
    const char *text;
    size_t len;
    uint32_t task; /* 0: the main program / no task */
    int stream;    /* 1 stdout, 2 stderr */
} LsConsoleSpan;

/* The whole picture at step k. */
typedef struct {
    size_t step; /* k */
    double clock;
    LsLoopState loop;
    uint64_t iteration;      /* loop iterations so far */
    uint32_t running_task;   /* task whose step runs now (0: none) */
    uint32_t running_handle; /* ready entry running now (0: none) */
    const char *running_label;
    LsRunKind running_kind;    /* what the running handle is (when running_handle != 0) */
    const LsFrame *main_chain; /* frames of the program outside any task, outermost first */
    int main_chain_len;
    const char *file; /* current statement's file and line (0: none) */
    int line;
    const LsTaskView *tasks; /* every task ever created, in creation order */
    size_t ntasks;
    const LsReadyView *ready; /* ready queue, head first */
    size_t nready;
    const LsTimerView *timers; /* by due time, then scheduling order */
    size_t ntimers;
    const LsFutureView *futures; /* futures and tasks-as-futures, creation order */
    size_t nfutures;
    const LsConsoleSpan *console; /* all output so far */
    size_t nconsole;
    const LsEvent *last; /* the event that led here (NULL at step 0) */
    bool ended;          /* the program has ended at or before this step */
    int exit_status;
} LsSnapshot;

/* ---------------------------------------------------------------- the trace */

typedef enum {
    LS_STEP_EVENT,     /* every event that changes the picture */
    LS_STEP_LINE,      /* a statement starts, in any task */
    LS_STEP_AWAIT,     /* a task suspends or resumes */
    LS_STEP_ITERATION, /* one loop iteration (_run_once) */
} LsGranularity;

typedef struct LsTrace LsTrace;

/*
 * Opens a trace of the program. Nothing runs yet beyond parsing; events are produced on
 * demand (ls_trace_extend, or implicitly by seek/step) in chunks of config.max_steps-bound
 * work. Returns NULL only on memory exhaustion; a syntax error is a trace whose program
 * ended at step 0 with the diagnostic in ls_trace_error().
 */
LsTrace *ls_trace_open(const LsConfig *config, const char *filename, const char *source,
                       size_t length);
void ls_trace_delete(LsTrace *trace);

/* Runs ahead until at least `events` events exist or the program ended. Returns the count. */
size_t ls_trace_extend(LsTrace *trace, size_t events);
/* Events recorded so far; *ended tells whether the program has finished. */
size_t ls_trace_length(LsTrace *trace, bool *ended);
const LsEvent *ls_trace_event(LsTrace *trace, size_t seq);
const char *ls_trace_string(LsTrace *trace, uint32_t index);
/* A syntax/unsupported-construct diagnostic as CPython prints it, or NULL. */
const char *ls_trace_error(LsTrace *trace);

/* The picture at step k (0 <= k <= length). */
const LsSnapshot *ls_trace_seek(LsTrace *trace, size_t step);
/* The next/previous step from k at a granularity: the step right after the next (previous)
 * event of that kind. Step 0 and the end of a finished trace are stops at every
 * granularity; next returns the furthest recorded step when a never-ending run shows no
 * match within about a million events, and k itself when there is nothing further. */
size_t ls_trace_next(LsTrace *trace, size_t step, LsGranularity g);
size_t ls_trace_prev(LsTrace *trace, size_t step, LsGranularity g);

/* A new trace identical to this one up to step k, in which SIGINT is delivered at k: at the
 * next statement of the program if code runs (to asyncio.run's handler if installed), or at
 * the loop's next wait if it gets there first. The old trace stays valid. */
LsTrace *ls_trace_interrupt_at(LsTrace *trace, size_t step);

/* Copies event seq into *out (running ahead if needed); false past the end. */
bool ls_trace_get(LsTrace *trace, size_t seq, LsEvent *out);
/* The text of an OUTPUT event (not NUL-terminated), or NULL for another kind. */
const char *ls_trace_text(LsTrace *trace, size_t seq, size_t *len);
/* A task's name ("Task-2") by id, or NULL. */
const char *ls_trace_task_name(LsTrace *trace, uint32_t task);
/* Bytes the recording holds (events, strings, text, indexes, keyframes). */
size_t ls_trace_bytes(LsTrace *trace);

/* One event as a readable line ("[  12] t=1.000 Task-2  ready.push  task_wakeup(Task-2)")
 * or a JSON object; writes at most cap bytes, returns the length. */
size_t ls_trace_format(LsTrace *trace, size_t seq, bool json, char *out, size_t cap);

#endif

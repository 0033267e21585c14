/*
 * trace_aio.h - what the asyncio runtime (aio_loop.c, aio_future.c) adds to its events when
 * a run is traced (vm->tracer set): readable labels, computed without running Python code.
 *
 * Not for: anything else; the trace's other hooks are in trace.h.
 */
#ifndef LS_TRACE_AIO_H
#define LS_TRACE_AIO_H

#include "aio.h"
#include "trace.h"

/* A ready entry's call: "print('hi')", "callback('p1', 'p2', fut)"; 0 for a task's step or
 * wake-up (the trace labels those with the task's name). A runtime string index. */
uint32_t trace_ready_str(VM *vm, const AioReady *it);

/* A done callback as it will be called: "cb(fut)", "callback('p1', 'p2', fut)". */
uint32_t trace_callback_str(VM *vm, Value fn);

/* FUTURE_STATE of a finished future: str = repr of its result or exception, value = 1 when
 * it holds an exception. */
void trace_future_state(VM *vm, const FutureObj *f, AioEvent *e);

#endif

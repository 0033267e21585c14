/*
 * test_aio.c - the native asyncio core (engine/aio_*.c): scheduling order on the virtual
 * clock, the #| directives, the loop's end states, and the event record (aio_events.h) that
 * the trace is built from. Programs run through the public API with their output captured;
 * the event record is read from the engine's VM (the first member of LsEngine).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "aio.h"
#include "loopscope.h"

typedef struct {
    char out[1 << 15], err[1 << 15];
    size_t nout, nerr;
} Capture;

static void capture(void *user, LsStream stream, const char *text, size_t len) {
    Capture *c = user;
    char *buf = stream == LS_STDOUT ? c->out : c->err;
    size_t *n = stream == LS_STDOUT ? &c->nout : &c->nerr;
    if (*n + len >= sizeof c->out)
        len = sizeof c->out - *n - 1;
    memcpy(buf + *n, text, len);
    *n += len;
    buf[*n] = '\0';
}

static Capture cap;
static LsEngine *engine;

/* Runs src in a fresh engine kept open (for reading its events); closed by the fixture. */
static LsResult run(const char *src) {
    memset(&cap, 0, sizeof cap);
    LsConfig config;
    ls_config_init(&config);
    config.write = capture;
    config.user = &cap;
    engine = ls_engine_new(&config);
    cr_assert_not_null(engine);
    return ls_run_source(engine, "prog.py", src, strlen(src));
}

static void close_engine(void) {
    ls_engine_delete(engine);
    engine = NULL;
}

static VM *vm_of(LsEngine *e) {
    return (VM *)e; /* engine.c: the VM is the engine's first member */
}

/* How many events of `kind` (with `detail`, or any detail when detail < 0) were recorded. */
static size_t count_events(int kind, int detail) {
    VM *vm = vm_of(engine);
    size_t n = 0;
    for (size_t i = 0; i < aio_events_count(vm); i++) {
        const AioEvent *e = aio_events_at(vm, i);
        if (e->kind == kind && (detail < 0 || e->detail == detail))
            n++;
    }
    return n;
}

TestSuite(aio, .fini = close_engine);

Test(aio, equal_deadlines_fire_in_scheduling_order) {
    LsResult r = run("import asyncio\n"
                     "loop = asyncio.new_event_loop()\n"
                     "for i in range(8):\n"
                     "    loop.call_at(1.0, print, i)\n"
                     "loop.call_at(2.0, loop.stop)\n"
                     "loop.run_forever()\n");
    cr_assert_eq(r, LS_OK, "stderr: %s", cap.err);
    cr_assert_str_eq(cap.out, "0\n1\n2\n3\n4\n5\n6\n7\n");
}

Test(aio, due_timers_run_after_the_handles_already_queued) {
    run("import asyncio\n"
        "async def main():\n"
        "    loop = asyncio.get_running_loop()\n"
        "    loop.call_later(0, print, 'later')\n"
        "    loop.call_soon(print, 'soon')\n"
        "    await asyncio.sleep(0)\n"
        "    print('main')\n"
        "asyncio.run(main())\n");
    cr_assert_str_eq(cap.out, "soon\nmain\nlater\n");
}

Test(aio, clock_jumps_to_the_next_deadline_only_when_idle) {
    run("import asyncio, time\n"
        "async def main():\n"
        "    await asyncio.sleep(1.5)\n"
        "    print(asyncio.get_running_loop().time(), time.monotonic())\n"
        "asyncio.run(main())\n");
    cr_assert_str_eq(cap.out, "1.5 1.5\n");
    cr_assert_geq(count_events(AIO_EV_CLOCK, -1), 1);
}

Test(aio, iteration_cost_is_charged_per_iteration) {
    run("#| iteration-cost: 0.25\n"
        "import asyncio\n"
        "async def main():\n"
        "    loop = asyncio.get_running_loop()\n"
        "    t0 = loop.time()\n"
        "    for _ in range(4):\n"
        "        await asyncio.sleep(0)\n"
        "    print(loop.time() - t0)\n"
        "asyncio.run(main())\n");
    cr_assert_str_eq(cap.out, "1.0\n");
}

Test(aio, idle_loop_with_nothing_scheduled_stops_with_status_3) {
    LsResult r = run("import asyncio\n"
                     "async def main():\n"
                     "    try:\n"
                     "        await asyncio.get_running_loop().create_future()\n"
                     "    finally:\n"
                     "        print('finally must not run')\n"
                     "asyncio.run(main())\n");
    cr_assert_eq(r, LS_IDLE_FOREVER);
    cr_assert_eq(ls_exit_status(engine), 3);
    cr_assert_str_eq(cap.err, "loop idle forever\n");
    cr_assert_str_eq(cap.out, "");
}

Test(aio, interrupt_without_handler_raises_keyboard_interrupt) {
    LsResult r = run("#| interrupt-at: 2\n"
                     "import asyncio\n"
                     "loop = asyncio.new_event_loop()\n"
                     "loop.run_until_complete(asyncio.sleep(10))\n");
    cr_assert_eq(r, LS_INTERRUPTED);
    cr_assert_eq(ls_exit_status(engine), 130);
    cr_assert_eq(count_events(AIO_EV_INTERRUPT, 0), 1);
}

Test(aio, task_names_count_across_loops) {
    run("import asyncio\n"
        "async def main():\n"
        "    print(asyncio.current_task().get_name())\n"
        "asyncio.run(main())\n"
        "asyncio.run(main())\n");
    cr_assert_str_eq(cap.out, "Task-1\nTask-4\n");
}

Test(aio, a_task_records_creation_steps_suspension_and_completion) {
    run("import asyncio\n"
        "async def child():\n"
        "    await asyncio.sleep(0)\n"
        "    return 1\n"
        "loop = asyncio.new_event_loop()\n"
        "print(loop.run_until_complete(child()))\n");
    cr_assert_str_eq(cap.out, "1\n");
    cr_assert_eq(count_events(AIO_EV_TASK_CREATED, -1), 1);
    /* first step, then the step after the bare yield of sleep(0) */
    cr_assert_eq(count_events(AIO_EV_READY_PUSH, AIO_RUN_STEP), 2);
    cr_assert_eq(count_events(AIO_EV_READY_POP, AIO_RUN_STEP), 2);
    cr_assert_eq(count_events(AIO_EV_TASK_SUSPENDED, -1), 1);
    cr_assert_eq(count_events(AIO_EV_FUTURE_STATE, AIO_FINISHED), 1);
    /* the done callback that stops run_until_complete */
    cr_assert_eq(count_events(AIO_EV_READY_POP, AIO_RUN_DONE_CALLBACK), 1);
}

Test(aio, awaiting_a_future_records_the_wakeup_and_its_source_line) {
    run("import asyncio\n"
        "async def main():\n"
        "    fut = asyncio.get_running_loop().create_future()\n"
        "    asyncio.get_running_loop().call_soon(fut.set_result, 7)\n"
        "    print(await fut)\n"
        "asyncio.run(main())\n");
    cr_assert_str_eq(cap.out, "7\n");
    cr_assert_eq(count_events(AIO_EV_READY_POP, AIO_RUN_WAKEUP), 1);
    VM *vm = vm_of(engine);
    bool found = false;
    for (size_t i = 0; i < aio_events_count(vm); i++) {
        const AioEvent *e = aio_events_at(vm, i);
        if (e->kind == AIO_EV_TASK_SUSPENDED && e->future) {
            cr_assert_eq(e->line, 5);
            cr_assert_str_eq(aio_events_string(vm, e->file), "prog.py");
            found = true;
        }
    }
    cr_assert(found, "no suspension on a future was recorded");
}

Test(aio, events_are_in_time_order_and_dump_as_text) {
    run("import asyncio\n"
        "async def main():\n"
        "    await asyncio.sleep(1)\n"
        "    await asyncio.sleep(2)\n"
        "asyncio.run(main())\n");
    VM *vm = vm_of(engine);
    size_t n = aio_events_count(vm);
    cr_assert_gt(n, 10);
    for (size_t i = 1; i < n; i++)
        cr_assert_leq(aio_events_at(vm, i - 1)->time, aio_events_at(vm, i)->time);
    cr_assert_float_eq(aio_events_at(vm, n - 1)->time, 3.0, 1e-12);
    cr_assert_eq(count_events(AIO_EV_TIMER_SCHEDULED, -1), 2);
    cr_assert_eq(count_events(AIO_EV_OUTPUT, -1), 0); /* the program prints nothing */
    cr_assert_eq(count_events(AIO_EV_TIMER_DUE, -1), 2);
    size_t size;
    char *text = aio_events_dump(vm, 0, n, &size);
    cr_assert_not_null(text);
    cr_assert_not_null(strstr(text, "task created"));
    cr_assert_not_null(strstr(text, "timer due"));
    ls_free(vm, text, size);
}

Test(aio, cancelled_timers_are_recorded_and_never_run) {
    run("import asyncio\n"
        "loop = asyncio.new_event_loop()\n"
        "h = loop.call_later(1, print, 'never')\n"
        "h.cancel()\n"
        "loop.call_later(2, loop.stop)\n"
        "loop.run_forever()\n"
        "print(h.cancelled(), loop.time())\n");
    cr_assert_str_eq(cap.out, "True 2.0\n");
    cr_assert_eq(count_events(AIO_EV_TIMER_CANCELLED, -1), 1);
}

Test(aio, never_retrieved_exception_is_reported_when_the_task_dies) {
    run("import asyncio\n"
        "async def boom():\n"
        "    raise ValueError('x')\n"
        "async def main():\n"
        "    t = asyncio.create_task(boom())\n"
        "    await asyncio.sleep(0)\n"
        "    del t\n"
        "    print('after del')\n"
        "asyncio.run(main())\n");
    cr_assert_str_eq(cap.out, "after del\n");
    cr_assert_not_null(strstr(cap.err, "Task exception was never retrieved\n"));
    cr_assert_not_null(strstr(cap.err, "ValueError: x\n"));
}

Test(aio, blocking_time_sleep_moves_the_clock_and_output_is_recorded) {
    run("import asyncio, time\n"
        "async def main():\n"
        "    time.sleep(2)\n"
        "    print('t', asyncio.get_running_loop().time())\n"
        "asyncio.run(main())\n");
    cr_assert_str_eq(cap.out, "t 2.0\n");
    cr_assert_eq(count_events(AIO_EV_CLOCK, -1), 1);
    cr_assert_geq(count_events(AIO_EV_OUTPUT, LS_STDOUT), 1);
}

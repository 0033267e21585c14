/*
 * test_trace.c - the trace (engine/trace.c): events recorded for the language and the loop,
 * their readable and JSON forms, running ahead in chunks (an endless program opens at once
 * and memory follows the viewer), closing a trace mid-run, determinism, syntax errors, and
 * re-running with an interrupt at step k.
 */
#include "trace_test.h"

/* The readable line of event seq. */
static const char *line_of(LsTrace *t, size_t seq) {
    static char buf[1024];
    ls_trace_format(t, seq, false, buf, sizeof buf);
    return buf;
}

/* The first event of `kind` at or after `from` (length of the trace when none). */
static size_t find_kind(LsTrace *t, size_t from, int kind) {
    size_t n = ls_trace_length(t, NULL);
    for (size_t seq = from; seq < n; seq++)
        if (ls_trace_event(t, seq)->kind == kind)
            return seq;
    return n;
}

Test(trace, records_statements_frames_and_output_in_order) {
    LsTrace *t = trace_of("def f(x):\n"
                          "    return x + 1\n"
                          "print(f(1))\n");
    size_t n = trace_finish(t, 1000);
    cr_assert(ls_trace_seek(t, n)->ended);
    static const char *const want[] = {
        "[   0] t=0.000 main     enter        call <module> (line 1)",
        "[   1] t=0.000 main     line         line 1 in <module>",
        "[   2] t=0.000 main     line         line 3 in <module>",
        "[   3] t=0.000 main     enter        call f (line 1)",
        "[   4] t=0.000 main     line         line 2 in f",
        "[   5] t=0.000 main     exit         f returns (line 2)",
        "[   6] t=0.000 main     output       stdout \"2\\n\"",
        "[   7] t=0.000 main     exit         <module> returns (line 3)",
        "[   8] t=0.000 -        end          exit status 0",
    };
    cr_assert_eq(n, sizeof want / sizeof *want);
    for (size_t i = 0; i < n; i++)
        cr_assert_str_eq(line_of(t, i), want[i]);
    ls_trace_delete(t);
}

Test(trace, json_lines_carry_the_documented_fields) {
    LsTrace *t = trace_of("import asyncio\n"
                          "async def main():\n"
                          "    await asyncio.sleep(1.5)\n"
                          "    print('hi')\n"
                          "asyncio.run(main())\n");
    size_t n = trace_finish(t, 100000);
    char buf[2048];
    size_t out = find_kind(t, 0, LS_EV_OUTPUT);
    cr_assert_lt(out, n);
    ls_trace_format(t, out, true, buf, sizeof buf);
    cr_assert(strstr(buf, "\"kind\":\"output\"") && strstr(buf, "\"text\":\"hi\\n\"") &&
                  strstr(buf, "\"task_name\":\"Task-1\"") && strstr(buf, "\"t\":1.5"),
              "%s", buf);
    size_t timer = find_kind(t, 0, LS_EV_TIMER_ADD);
    ls_trace_format(t, timer, true, buf, sizeof buf);
    cr_assert(strstr(buf, "\"when\":1.5") && strstr(buf, "\"kind\":\"timer.add\""), "%s", buf);
    size_t len = ls_trace_format(t, timer, true, buf, 10); /* truncated: full length told */
    cr_assert_gt(len, 9);
    cr_assert_eq(strlen(buf), 9);
    ls_trace_delete(t);
}

Test(trace, same_program_same_trace) {
    LsTrace *a = trace_of_file("scenarios/06_done_callback_partial.py");
    LsTrace *b = trace_of_file("scenarios/06_done_callback_partial.py");
    size_t n = trace_finish(a, 100000);
    cr_assert_eq(trace_finish(b, 100000), n);
    for (size_t i = 0; i < n; i++) {
        char x[1024], y[1024];
        ls_trace_format(a, i, true, x, sizeof x);
        ls_trace_format(b, i, true, y, sizeof y);
        cr_assert_str_eq(x, y, "event %zu differs", i);
    }
    ls_trace_delete(a);
    ls_trace_delete(b);
}

static const char *const endless = "import asyncio\n"
                                   "async def main():\n"
                                   "    n = 0\n"
                                   "    while True:\n"
                                   "        await asyncio.sleep(1)\n"
                                   "        n += 1\n"
                                   "asyncio.run(main())\n";

Test(trace, endless_program_opens_at_once_and_grows_with_the_viewer) {
    LsTrace *t = trace_of(endless);
    bool ended = true;
    size_t first = ls_trace_length(t, &ended);
    cr_assert(!ended);
    cr_assert_lt(first, 10000, "opening ran %zu events ahead", first);
    size_t b1 = ls_trace_bytes(t);
    const LsSnapshot *s = ls_trace_seek(t, 50000);
    cr_assert_eq(s->step, 50000);
    cr_assert_gt(s->clock, 100.0);
    size_t n = ls_trace_length(t, &ended);
    cr_assert(!ended);
    cr_assert_lt(n, 60000, "seek(50000) ran to %zu", n);
    cr_assert_lt(ls_trace_bytes(t), b1 + n * 64, "%zu bytes for %zu events", ls_trace_bytes(t), n);
    s = ls_trace_seek(t, 10);
    cr_assert_eq(s->step, 10);
    ls_trace_delete(t); /* the engine is parked mid-run: closing must not hang */
}

Test(trace, closing_a_trace_running_plain_code_stops_it) {
    LsTrace *t = trace_of("n = 0\nwhile True:\n    n += 1\n");
    cr_assert_eq(ls_trace_extend(t, 20000) >= 20000, true);
    ls_trace_delete(t);
}

Test(trace, syntax_error_is_an_ended_trace_with_the_diagnostic) {
    LsTrace *t = trace_of("x = (1,\n");
    bool ended = false;
    size_t n = ls_trace_length(t, &ended);
    cr_assert(ended);
    cr_assert_not_null(ls_trace_error(t));
    cr_assert(strstr(ls_trace_error(t), "SyntaxError"), "%s", ls_trace_error(t));
    const LsSnapshot *s = ls_trace_seek(t, n);
    cr_assert(s->ended);
    cr_assert_eq(s->exit_status, 1);
    ls_trace_delete(t);
}

Test(trace, uncaught_exception_is_recorded_with_its_message) {
    LsTrace *t = trace_of("def f():\n    raise ValueError('bad')\nf()\n");
    size_t n = trace_finish(t, 1000);
    size_t e = find_kind(t, 0, LS_EV_EXCEPTION);
    cr_assert_lt(e, n);
    cr_assert_str_eq(ls_trace_string(t, ls_trace_event(t, e)->str), "ValueError: bad");
    cr_assert_eq(ls_trace_event(t, e)->line, 2);
    cr_assert_eq(ls_trace_seek(t, n)->exit_status, 1);
    ls_trace_delete(t);
}

/* ---------------------------------------------------------------- interrupts */

/* The new trace equals the old one before k, has an INTERRUPT at or after k, and ends. */
static LsTrace *interrupt(LsTrace *t, size_t k, size_t *at) {
    LsTrace *u = ls_trace_interrupt_at(t, k);
    cr_assert_not_null(u);
    size_t n = trace_finish(u, 200000);
    cr_assert(ls_trace_seek(u, n)->ended, "the interrupted run did not end");
    for (size_t i = 0; i < k; i++) {
        char a[1024], b[1024];
        ls_trace_format(t, i, true, a, sizeof a);
        ls_trace_format(u, i, true, b, sizeof b);
        cr_assert_str_eq(a, b, "event %zu differs before the interrupt", i);
    }
    *at = find_kind(u, k, LS_EV_INTERRUPT);
    cr_assert_lt(*at, n, "no interrupt after step %zu", k);
    return u;
}

Test(trace, interrupt_while_the_loop_waits_is_delivered_at_its_wait) {
    LsTrace *t = trace_of("import asyncio\n"
                          "async def main():\n"
                          "    while True:\n"
                          "        await asyncio.sleep(1)\n"
                          "loop = asyncio.new_event_loop()\n"
                          "loop.run_until_complete(main())\n");
    ls_trace_extend(t, 300);
    size_t k = find_kind(t, 100, LS_EV_ITERATION) + 1; /* the loop is about to wait */
    size_t at;
    LsTrace *u = interrupt(t, k, &at);
    cr_assert_eq(ls_trace_event(u, at)->detail, 0, "no handler is installed");
    size_t n = ls_trace_length(u, NULL);
    cr_assert_eq(ls_trace_seek(u, n)->exit_status, 130);
    cr_assert_lt(at - k, 5, "delivered %zu events late", at - k);
    ls_trace_delete(u);
    ls_trace_delete(t);
}

Test(trace, interrupt_while_code_runs_is_delivered_between_statements) {
    LsTrace *t = trace_of("n = 0\n"
                          "while True:\n"
                          "    n += 1\n");
    ls_trace_extend(t, 500);
    size_t at;
    LsTrace *u = interrupt(t, 400, &at);
    cr_assert_eq(at, 400);
    size_t e = find_kind(u, at, LS_EV_EXCEPTION);
    cr_assert_str_eq(ls_trace_string(u, ls_trace_event(u, e)->str), "KeyboardInterrupt");
    cr_assert_eq(ls_trace_seek(u, ls_trace_length(u, NULL))->exit_status, 130);
    ls_trace_delete(u);
    ls_trace_delete(t);
}

Test(trace, interrupt_goes_to_the_handler_asyncio_run_installs) {
    LsTrace *t = trace_of("import asyncio\n"
                          "async def main():\n"
                          "    try:\n"
                          "        while True:\n"
                          "            await asyncio.sleep(1)\n"
                          "    except asyncio.CancelledError:\n"
                          "        print('cancelled')\n"
                          "        raise\n"
                          "asyncio.run(main())\n");
    ls_trace_extend(t, 400);
    size_t k = find_kind(t, 200, LS_EV_ITERATION) + 1;
    size_t at;
    LsTrace *u = interrupt(t, k, &at);
    cr_assert_eq(ls_trace_event(u, at)->detail, 1, "asyncio.run's handler takes it");
    size_t n = ls_trace_length(u, NULL);
    const LsSnapshot *s = ls_trace_seek(u, n);
    cr_assert_eq(s->exit_status, 130);
    cr_assert_gt(s->nconsole, 0);
    cr_assert_eq(strncmp(s->console[0].text, "cancelled\n", 10), 0);
    ls_trace_delete(u);
    ls_trace_delete(t);
}

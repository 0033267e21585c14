/*
 * test_engine.c - the public API (engine/engine.c): whole programs run through
 * ls_run_source with their output captured by the write callback; results, exit statuses,
 * syntax errors, SystemExit, KeyboardInterrupt, the step limit and engine independence.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "loopscope.h"

/* Everything a run wrote, per stream. */
typedef struct {
    char out[1 << 16], err[1 << 16];
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

/* Runs `src` in a fresh engine (max_steps 0 keeps the default); returns the result. */
static LsResult run_with(const char *src, Capture *cap, uint64_t max_steps, int *status) {
    memset(cap, 0, sizeof *cap);
    LsConfig config;
    ls_config_init(&config);
    config.write = capture;
    config.user = cap;
    if (max_steps)
        config.max_steps = max_steps;
    LsEngine *e = ls_engine_new(&config);
    cr_assert_not_null(e);
    LsResult r = ls_run_source(e, "prog.py", src, strlen(src));
    *status = ls_exit_status(e);
    ls_engine_delete(e);
    return r;
}

static Capture cap;
static int status;

static LsResult run(const char *src) {
    return run_with(src, &cap, 0, &status);
}

/* The last line of what was written to stderr. */
static const char *last_err_line(void) {
    static char line[1024];
    size_t end = cap.nerr;
    while (end > 0 && cap.err[end - 1] == '\n')
        end--;
    size_t start = end;
    while (start > 0 && cap.err[start - 1] != '\n')
        start--;
    memcpy(line, cap.err + start, end - start);
    line[end - start] = '\0';
    return line;
}

Test(engine, config_defaults_are_documented_values) {
    LsConfig c;
    ls_config_init(&c);
    cr_expect_eq(c.max_steps, 2000000000ULL);
    cr_expect_eq(c.max_depth, 1000);
    cr_expect_not_null(c.write);
}

Test(engine, program_output_goes_to_the_write_callback) {
    cr_assert_eq(run("print('hello', 1 + 2)\nprint([i * i for i in range(4)])\n"), LS_OK);
    cr_expect_str_eq(cap.out, "hello 3\n[0, 1, 4, 9]\n");
    cr_expect_eq(cap.nerr, 0);
    cr_expect_eq(status, 0);
}

Test(engine, uncaught_exception_prints_cpython_traceback) {
    cr_assert_eq(run("def f(a, b):\n    return a / b\nx = f(1, 0)\n"), LS_ERROR);
    cr_expect_eq(status, 1);
    cr_expect_str_eq(cap.err, "Traceback (most recent call last):\n"
                              "  File \"prog.py\", line 3, in <module>\n"
                              "    x = f(1, 0)\n"
                              "        ^^^^^^^\n"
                              "  File \"prog.py\", line 2, in f\n"
                              "    return a / b\n"
                              "           ~~^~~\n"
                              "ZeroDivisionError: division by zero\n");
}

Test(engine, system_exit_code_becomes_the_status) {
    cr_expect_eq(run("raise SystemExit(3)\n"), LS_EXIT);
    cr_expect_eq(status, 3);
    cr_expect_eq(cap.nerr, 0);
    run("raise SystemExit\n");
    cr_expect_eq(status, 0);
    run("raise SystemExit('bye')\n");
    cr_expect_eq(status, 1);
    cr_expect_str_eq(cap.err, "bye\n");
}

Test(engine, keyboard_interrupt_is_an_interruption) {
    cr_expect_eq(run("raise KeyboardInterrupt\n"), LS_INTERRUPTED);
    cr_expect_eq(status, 130);
    cr_expect_str_eq(last_err_line(), "KeyboardInterrupt");
}

Test(engine, syntax_errors_are_reported_before_running) {
    cr_expect_eq(run("print('never')\nreturn 5\n"), LS_SYNTAX_ERROR);
    cr_expect_eq(status, 1);
    cr_expect_eq(cap.nout, 0);
    cr_expect_str_eq(last_err_line(), "SyntaxError: 'return' outside function");
}

Test(engine, step_limit_stops_without_running_finally) {
    LsResult r = run_with("try:\n    while True:\n        pass\nfinally:\n    print('no')\n", &cap,
                          10000, &status);
    cr_expect_eq(r, LS_STEP_LIMIT);
    cr_expect_eq(status, 3);
    cr_expect_eq(cap.nout, 0);
    cr_expect_str_eq(cap.err, "loopscope: stopped after 10000 steps at prog.py:3 (an infinite "
                              "loop?); raise the limit with --max-steps\n");
}

Test(engine, never_awaited_coroutine_warns_where_it_died) {
    cr_expect_eq(run("async def f(): pass\nf()\nprint('after')\n"), LS_OK);
    cr_expect_str_eq(cap.out, "after\n");
    cr_expect_str_eq(cap.err, "prog.py:2: RuntimeWarning: coroutine 'f' was never awaited\n"
                              "  f()\n"
                              "RuntimeWarning: Enable tracemalloc to get the object allocation "
                              "traceback\n");
}

Test(engine, coroutine_alive_at_exit_warns_as_sys_1) {
    run("async def f(): pass\nc = f()\n");
    cr_expect_str_eq(cap.err, "sys:1: RuntimeWarning: coroutine 'f' was never awaited\n");
}

Test(engine, engines_are_independent) {
    Capture a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    LsConfig ca, cb;
    ls_config_init(&ca);
    ls_config_init(&cb);
    ca.write = cb.write = capture;
    ca.user = &a;
    cb.user = &b;
    LsEngine *ea = ls_engine_new(&ca), *eb = ls_engine_new(&cb);
    const char *p1 = "x = 1\n", *p2 = "print(x)\n";
    cr_expect_eq(ls_run_source(ea, "a.py", p1, strlen(p1)), LS_OK);
    cr_expect_eq(ls_run_source(eb, "b.py", p2, strlen(p2)), LS_ERROR);
    cr_expect(strstr(b.err, "NameError: name 'x' is not defined") != NULL);
    cr_expect_gt(ls_bytes_allocated(ea), 0);
    ls_engine_delete(ea);
    ls_engine_delete(eb);
}

Test(engine, version_names_the_project) {
    cr_expect_str_eq(ls_version(), "loopscope " LS_VERSION);
}

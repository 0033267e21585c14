/*
 * test_model.c - the model (engine/model.c): seek(k) gives the same picture whether step k
 * is reached going forward, going backward or by a jump, for every step of every scenario
 * and of a sample of the conformance and asyncio corpora; the picture agrees with what the
 * program itself observes; stepping at each granularity lands where it should.
 */
#include <dirent.h>

#include "trace_test.h"

enum { MAX_EVENTS = 6000 }; /* per program: enough for every scenario and most tests */

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .py files of a repository directory, sorted; every `every`-th one. */
static size_t list_programs(const char *dir, size_t every, char ***out) {
    char path[8192];
    snprintf(path, sizeof path, "%s%s", repo_root(), dir);
    DIR *d = opendir(path);
    cr_assert_not_null(d, "no directory %s", path);
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 4 || strcmp(e->d_name + len - 3, ".py") != 0 || e->d_name[0] == '_' ||
            strcmp(e->d_name, "run.py") == 0)
            continue;
        names = realloc(names, (n + 1) * sizeof *names);
        names[n] = malloc(strlen(dir) + len + 2);
        sprintf(names[n++], "%s/%s", dir, e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_names);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        if (i % every == 0)
            names[kept++] = names[i];
        else
            free(names[i]);
    }
    *out = names;
    return kept;
}

/* Every step forward, then backward, then by jumps in a scrambled order: same text. */
static void check_seek_agrees(const char *rel) {
    LsTrace *t = trace_of_file(rel);
    size_t n = trace_finish(t, MAX_EVENTS);
    char **forward = calloc(n + 1, sizeof *forward);
    for (size_t k = 0; k <= n; k++)
        forward[k] = snapshot_text(ls_trace_seek(t, k));
    for (size_t k = n + 1; k-- > 0;) {
        char *back = snapshot_text(ls_trace_seek(t, k));
        cr_assert_str_eq(back, forward[k], "%s: step %zu backward differs", rel, k);
        free(back);
    }
    for (size_t i = 0; i <= n; i++) {
        size_t k = (i * 7919) % (n + 1);
        char *jump = snapshot_text(ls_trace_seek(t, k));
        cr_assert_str_eq(jump, forward[k], "%s: step %zu by jump differs", rel, k);
        free(jump);
    }
    for (size_t k = 0; k <= n; k++)
        free(forward[k]);
    free(forward);
    ls_trace_delete(t);
}

static void check_directory(const char *dir, size_t every) {
    char **names;
    size_t n = list_programs(dir, every, &names);
    cr_assert_gt(n, 0, "no programs in %s", dir);
    for (size_t i = 0; i < n; i++) {
        check_seek_agrees(names[i]);
        free(names[i]);
    }
    free(names);
}

Test(model, seek_agrees_every_step_of_every_scenario) {
    check_directory("scenarios", 1);
}

Test(model, seek_agrees_on_a_sample_of_the_conformance_corpus) {
    check_directory("tests/conformance", 9);
}

Test(model, seek_agrees_on_a_sample_of_the_asyncio_corpus, .timeout = 120) {
    check_directory("tests/asyncio", 12);
}

/* ---------------------------------------------------------------- the program's view */

/* The step right after the OUTPUT event whose text starts with `prefix`. */
static size_t step_after_output(LsTrace *t, const char *prefix) {
    size_t n = ls_trace_length(t, NULL);
    for (size_t seq = 0; seq < n; seq++) {
        size_t len;
        const char *text = ls_trace_text(t, seq, &len);
        if (text && len >= strlen(prefix) && memcmp(text, prefix, strlen(prefix)) == 0)
            return seq + 1;
    }
    cr_assert_fail("no output starting with %s", prefix);
    return 0;
}

static const LsTaskView *task_named(const LsSnapshot *s, const char *name) {
    for (size_t i = 0; i < s->ntasks; i++)
        if (strcmp(s->tasks[i].name, name) == 0)
            return &s->tasks[i];
    cr_assert_fail("no task %s at step %zu", name, s->step);
    return NULL;
}

static const LsFutureView *future_of(const LsSnapshot *s, uint32_t id) {
    for (size_t i = 0; i < s->nfutures; i++)
        if (s->futures[i].id == id)
            return &s->futures[i];
    cr_assert_fail("no future %u", id);
    return NULL;
}

Test(model, task_states_agree_with_what_the_program_prints) {
    LsTrace *t = trace_of("import asyncio\n"
                          "async def child():\n"
                          "    await asyncio.sleep(1)\n"
                          "    return 5\n"
                          "async def main():\n"
                          "    t = asyncio.create_task(child())\n"
                          "    await asyncio.sleep(0)\n"
                          "    print('A', t.done())\n"
                          "    await asyncio.sleep(2)\n"
                          "    print('B', t.done(), t.result())\n"
                          "asyncio.run(main())\n");
    trace_finish(t, 100000);
    const LsSnapshot *s = ls_trace_seek(t, step_after_output(t, "A False"));
    const LsTaskView *kid = task_named(s, "Task-2");
    cr_assert_eq(kid->state, LS_TASK_WAITING);
    cr_assert_neq(kid->awaiting, 0);
    cr_assert_eq(future_of(s, kid->awaiting)->state, LS_FUT_PENDING);
    cr_assert_eq(future_of(s, kid->id)->state, LS_FUT_PENDING);
    cr_assert_eq(kid->chain_len, 1);
    cr_assert_str_eq(kid->chain[0].function, "child");
    cr_assert_eq(kid->chain[0].line, 3);
    cr_assert_eq(s->ntimers, 1);
    cr_assert_str_eq(s->timers[0].label, "sleep wake-up of Task-2");
    cr_assert_float_eq(s->timers[0].when, 1.0, 1e-9);
    s = ls_trace_seek(t, step_after_output(t, "B True 5"));
    kid = task_named(s, "Task-2");
    cr_assert_eq(kid->state, LS_TASK_DONE);
    cr_assert_str_eq(kid->result, "5");
    cr_assert_eq(future_of(s, kid->id)->state, LS_FUT_FINISHED);
    cr_assert_float_eq(s->clock, 2.0, 1e-9);
    ls_trace_delete(t);
}

Test(model, ready_queue_order_agrees_with_what_runs) {
    LsTrace *t = trace_of("import asyncio\n"
                          "loop = asyncio.new_event_loop()\n"
                          "def a(): print('a')\n"
                          "def b(x): print('b', x)\n"
                          "loop.call_soon(a)\n"
                          "h = loop.call_soon(b, 1)\n"
                          "loop.call_soon(loop.stop)\n"
                          "loop.run_forever()\n");
    trace_finish(t, 100000);
    const LsSnapshot *s = ls_trace_seek(t, step_after_output(t, "a"));
    cr_assert_str_eq(s->running_label, "a()");
    cr_assert_eq(s->nready, 2);
    cr_assert_str_eq(s->ready[0].label, "b(1)");
    cr_assert_str_eq(s->ready[1].label, "stop()");
    cr_assert_eq(s->console[s->nconsole - 1].len, 2);
    s = ls_trace_seek(t, step_after_output(t, "b 1"));
    cr_assert_str_eq(s->running_label, "b(1)");
    cr_assert_eq(s->nready, 1);
    ls_trace_delete(t);
}

Test(model, failed_task_shows_its_exception) {
    LsTrace *t = trace_of("import asyncio\n"
                          "async def bad():\n"
                          "    raise ValueError('x')\n"
                          "async def main():\n"
                          "    t = asyncio.create_task(bad())\n"
                          "    await asyncio.sleep(0)\n"
                          "    print('done', t.done())\n"
                          "    t.exception()\n"
                          "asyncio.run(main())\n");
    trace_finish(t, 100000);
    const LsSnapshot *s = ls_trace_seek(t, step_after_output(t, "done True"));
    const LsTaskView *bad = task_named(s, "Task-2");
    cr_assert_eq(bad->state, LS_TASK_FAILED);
    cr_assert_str_eq(bad->result, "ValueError('x')");
    cr_assert(future_of(s, bad->id)->failed);
    ls_trace_delete(t);
}

Test(model, await_chain_of_a_waiting_task_is_its_frames) {
    LsTrace *t = trace_of("import asyncio\n"
                          "async def inner():\n"
                          "    await asyncio.sleep(1)\n"
                          "async def outer():\n"
                          "    await inner()\n"
                          "async def main():\n"
                          "    t = asyncio.create_task(outer())\n"
                          "    await asyncio.sleep(0.5)\n"
                          "    print('now')\n"
                          "    await t\n"
                          "asyncio.run(main())\n");
    trace_finish(t, 100000);
    const LsSnapshot *s = ls_trace_seek(t, step_after_output(t, "now"));
    const LsTaskView *w = task_named(s, "Task-2");
    cr_assert_eq(w->state, LS_TASK_WAITING);
    cr_assert_eq(w->chain_len, 2);
    cr_assert_str_eq(w->chain[0].function, "outer");
    cr_assert_eq(w->chain[0].line, 5);
    cr_assert_str_eq(w->chain[1].function, "inner");
    cr_assert_eq(w->chain[1].line, 3);
    const LsTaskView *m = task_named(s, "Task-1");
    cr_assert_eq(m->state, LS_TASK_RUNNING);
    cr_assert_eq(s->running_task, m->id);
    ls_trace_delete(t);
}

/* ---------------------------------------------------------------- granularities */

Test(model, next_and_prev_land_on_their_granularity) {
    LsTrace *t = trace_of_file("scenarios/07_stop_with_ctrl_c.py");
    size_t n = trace_finish(t, 100000);
    static const int kinds[] = {-1, LS_EV_STATEMENT, LS_EV_TASK_SUSPEND, LS_EV_ITERATION};
    for (int g = LS_STEP_LINE; g <= LS_STEP_ITERATION; g++) {
        size_t stops = 0;
        for (size_t k = 0; k < n;) {
            size_t next = ls_trace_next(t, k, (LsGranularity)g);
            cr_assert_gt(next, k);
            if (next < n) {
                const LsEvent *e = ls_trace_event(t, next - 1);
                bool hand_driven =
                    e->task == 0 && (e->kind == LS_EV_FRAME_ENTER || e->kind == LS_EV_FRAME_EXIT);
                bool ok = e->kind == kinds[g] ||
                          (g == LS_STEP_AWAIT && (e->kind == LS_EV_TASK_RESUME || hand_driven));
                cr_assert(ok, "granularity %d: step %zu follows a %d", g, next, e->kind);
                cr_assert_eq(ls_trace_prev(t, next, (LsGranularity)g) <= k, true);
                stops++;
            }
            k = next;
        }
        cr_assert_gt(stops, 0, "granularity %d has no stops", g);
    }
    cr_assert_eq(ls_trace_next(t, 5, LS_STEP_EVENT), 6);
    cr_assert_eq(ls_trace_prev(t, 5, LS_STEP_EVENT), 4);
    cr_assert_eq(ls_trace_prev(t, 0, LS_STEP_LINE), 0);
    cr_assert_eq(ls_trace_next(t, n, LS_STEP_LINE), n);
    ls_trace_delete(t);
}

Test(model, iteration_count_matches_iteration_events) {
    LsTrace *t = trace_of_file("scenarios/06_done_callback_partial.py");
    size_t n = trace_finish(t, 100000);
    size_t iterations = 0;
    for (size_t k = 0; k < n; k++)
        iterations += ls_trace_event(t, k)->kind == LS_EV_ITERATION;
    cr_assert_eq(ls_trace_seek(t, n)->iteration, iterations);
    cr_assert(ls_trace_seek(t, n)->ended);
    ls_trace_delete(t);
}

/*
 * bench/trace/bench.c - the trace's speed and memory (issue 4): records a scenario of at
 * least a million events, then reports bytes per event, the time to seek to 10,000 random
 * steps (p50, p99, max) and the time of a step forward and back at each granularity
 * (next/prev plus the seek that shows the new picture), from 2,000 random steps. Times are
 * wall clock and this thread's CPU time (on a loaded machine the first has scheduler noise).
 *
 *   bench/trace/run.sh [SCENARIO.py]     (builds against build/libloopscope_engine.a)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "loopscope_trace.h"

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* This thread's CPU time: what a busy machine's scheduler does not add. */
static double cpu_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void report(const char *what, double *wall, double *cpu, size_t n) {
    qsort(wall, n, sizeof *wall, cmp_double);
    qsort(cpu, n, sizeof *cpu, cmp_double);
    printf("%-16s wall p50 %.3f p99 %.3f max %.3f | cpu p50 %.3f p99 %.3f max %.3f ms\n", what,
           wall[n / 2], wall[n * 99 / 100], wall[n - 1], cpu[n / 2], cpu[n * 99 / 100], cpu[n - 1]);
}

static uint64_t rng = 88172645463325252ULL;
static size_t rnd(size_t n) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (size_t)(rng % n);
}

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : "bench/trace/million.py";
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 2;
    }
    static char src[1 << 20];
    size_t len = fread(src, 1, sizeof src, f);
    fclose(f);
    LsConfig config;
    ls_config_init(&config);
    double t0 = now_ms();
    LsTrace *t = ls_trace_open(&config, path, src, len);
    bool ended = false;
    size_t n = 0;
    while (!ended)
        n = ls_trace_extend(t, ls_trace_length(t, &ended) + (1 << 16)), ls_trace_length(t, &ended);
    double rec = now_ms() - t0;
    size_t bytes = ls_trace_bytes(t);
    printf("%s: %zu events recorded in %.0f ms (%.0f ns/event)\n", path, n, rec, rec * 1e6 / n);
    printf("trace memory %.1f MB: %.1f bytes/event (target <= 64)\n", bytes / 1e6,
           (double)bytes / n);

    enum { SEEKS = 10000, STEPS = 2000 };
    double *times = malloc(sizeof(double) * SEEKS), *cpu = malloc(sizeof(double) * SEEKS);
    for (size_t i = 0; i < SEEKS; i++) {
        size_t k = rnd(n + 1);
        double a = now_ms(), c = cpu_ms();
        const LsSnapshot *s = ls_trace_seek(t, k);
        times[i] = now_ms() - a;
        cpu[i] = cpu_ms() - c;
        if (s->step != k)
            return fprintf(stderr, "seek(%zu) gave %zu\n", k, s->step), 1;
    }
    report("seek (random k)", times, cpu, SEEKS);

    static const char *const names[] = {"event", "line", "await", "iteration"};
    for (int g = 0; g < 4; g++) {
        for (int dir = 0; dir < 2; dir++) {
            for (size_t i = 0; i < STEPS; i++) {
                size_t k = rnd(n + 1);
                ls_trace_seek(t, k); /* the viewer stands at k */
                double a = now_ms(), c = cpu_ms();
                size_t to = dir ? ls_trace_prev(t, k, (LsGranularity)g)
                                : ls_trace_next(t, k, (LsGranularity)g);
                ls_trace_seek(t, to);
                times[i] = now_ms() - a;
                cpu[i] = cpu_ms() - c;
            }
            char what[64];
            snprintf(what, sizeof what, "%s %s", dir ? "prev" : "next", names[g]);
            report(what, times, cpu, STEPS);
        }
    }
    const LsSnapshot *end = ls_trace_seek(t, n);
    printf("end: %zu tasks, %zu futures, clock %.3f, exit %d\n", end->ntasks, end->nfutures,
           end->clock, end->exit_status);
    free(times);
    free(cpu);
    ls_trace_delete(t);
    return 0;
}

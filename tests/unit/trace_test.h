/*
 * trace_test.h - helpers shared by test_trace.c and test_model.c: opening a trace of a
 * source string or a repository file, and a canonical text of a snapshot (so two pictures
 * compare with one strcmp and a failure shows what differs).
 */
#ifndef LS_TRACE_TEST_H
#define LS_TRACE_TEST_H

#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loopscope_trace.h"

/* The repository root, from this file's path (tests/unit/trace_test.h). */
static inline const char *repo_root(void) {
    static char root[4096];
    if (!root[0]) {
        snprintf(root, sizeof root, "%s", __FILE__);
        char *p = strstr(root, "tests/unit/trace_test.h");
        if (p)
            *p = '\0';
        else
            snprintf(root, sizeof root, "./");
    }
    return root;
}

static inline LsTrace *trace_of(const char *source) {
    LsConfig config;
    ls_config_init(&config);
    config.max_steps = 50000000;
    LsTrace *t = ls_trace_open(&config, "prog.py", source, strlen(source));
    cr_assert_not_null(t);
    return t;
}

/* Reads a repository file (relative to the root); NULL if missing. */
static inline char *read_repo_file(const char *rel, size_t *len) {
    char path[8192];
    snprintf(path, sizeof path, "%s%s", repo_root(), rel);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    fclose(f);
    buf[got] = '\0';
    *len = got;
    return buf;
}

static inline LsTrace *trace_of_file(const char *rel) {
    size_t len;
    char *src = read_repo_file(rel, &len);
    cr_assert_not_null(src, "cannot read %s", rel);
    LsConfig config;
    ls_config_init(&config);
    config.max_steps = 50000000;
    LsTrace *t = ls_trace_open(&config, rel, src, len);
    free(src);
    cr_assert_not_null(t);
    return t;
}

/* A growing text buffer. */
typedef struct {
    char *p;
    size_t len, cap;
} Text;

static inline void text_add(Text *t, const char *fmt, ...) {
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(t->p ? t->p + t->len : NULL, t->p ? t->cap - t->len : 0, fmt, ap);
        va_end(ap);
        if (t->p && t->len + (size_t)n < t->cap) {
            t->len += (size_t)n;
            return;
        }
        t->cap = (t->cap + (size_t)n + 1) * 2;
        t->p = realloc(t->p, t->cap);
    }
}

static inline const char *s_or(const char *s) {
    return s ? s : "-";
}

/* Everything a snapshot shows, as text. The caller frees the result. */
static inline char *snapshot_text(const LsSnapshot *s) {
    Text t = {0};
    text_add(&t, "step %zu clock %.6f loop %d iter %llu run %u/%u %s kind %d at %s:%d end %d/%d\n",
             s->step, s->clock, s->loop, (unsigned long long)s->iteration, s->running_task,
             s->running_handle, s_or(s->running_label), s->running_kind, s_or(s->file), s->line,
             s->ended, s->exit_status);
    text_add(&t, "main:");
    for (int i = 0; i < s->main_chain_len; i++)
        text_add(&t, " %s@%d", s->main_chain[i].function, s->main_chain[i].line);
    text_add(&t, "\n");
    for (size_t i = 0; i < s->ntasks; i++) {
        const LsTaskView *v = &s->tasks[i];
        text_add(&t, "task %u %s c%d st%d aw%u res=%s canc%d:", v->id, v->name, v->colour, v->state,
                 v->awaiting, s_or(v->result), v->cancelling);
        for (int j = 0; j < v->chain_len; j++)
            text_add(&t, " %s@%d", v->chain[j].function, v->chain[j].line);
        text_add(&t, "\n");
    }
    for (size_t i = 0; i < s->nready; i++)
        text_add(&t, "ready %u k%d t%u f%u %s%s\n", s->ready[i].handle, s->ready[i].kind,
                 s->ready[i].task, s->ready[i].future, s->ready[i].label,
                 s->ready[i].cancelled ? " (cancelled)" : "");
    for (size_t i = 0; i < s->ntimers; i++)
        text_add(&t, "timer %u %.6f %s t%u\n", s->timers[i].handle, s->timers[i].when,
                 s->timers[i].label, s->timers[i].task);
    for (size_t i = 0; i < s->nfutures; i++) {
        const LsFutureView *f = &s->futures[i];
        text_add(&t, "future %u %s st%d %s failed%d t%u:", f->id, f->kind, f->state,
                 s_or(f->result), f->failed, f->task);
        for (int j = 0; j < f->ncallbacks; j++)
            text_add(&t, " [%s]", f->callbacks[j]);
        text_add(&t, "\n");
    }
    text_add(&t, "console %zu:", s->nconsole);
    for (size_t i = 0; i < s->nconsole; i++)
        text_add(&t, " %u/%d:%.*s", s->console[i].task, s->console[i].stream,
                 (int)s->console[i].len, s->console[i].text);
    text_add(&t, "\nlast %lld\n", s->last ? (long long)s->last->seq : -1LL);
    return t.p;
}

/* Runs the trace to its end (at most max events); returns its length. */
static inline size_t trace_finish(LsTrace *t, size_t max) {
    bool ended = false;
    size_t n = ls_trace_length(t, &ended);
    while (!ended && n < max) {
        ls_trace_extend(t, n + 4096 < max ? n + 4096 : max);
        n = ls_trace_length(t, &ended);
    }
    return n;
}

#endif

/*
 * aio_events.c - the append-only event record of the asyncio runtime (see aio_events.h):
 * a growable array of fixed-size records, an interned string table and an output buffer.
 *
 * Appending is the hot path (several events per task step): one bounds check, doubling
 * growth, no allocation per event. Strings are interned once (file names, task names,
 * callback names) so records stay 40 bytes.
 *
 * Not for: interpreting events (the trace layer does that) nor scheduling.
 */
#include <stdio.h>
#include <string.h>

#include "aio.h"
#include "trace.h"

/* ---------------------------------------------------------------- strings */

static uint64_t hash_cstr(const char *s) {
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* Grows the open-addressing index to `cap` slots and re-inserts every string. */
static bool index_grow(VM *vm, AioEvents *log, size_t cap) {
    uint32_t *idx = ls_alloc(vm, cap * sizeof *idx);
    if (!idx)
        return false;
    for (size_t i = 1; i < log->nstrs; i++) {
        size_t j = hash_cstr(log->strs[i]) & (cap - 1);
        while (idx[j])
            j = (j + 1) & (cap - 1);
        idx[j] = (uint32_t)i;
    }
    ls_free(vm, log->str_index, log->index_cap * sizeof *idx);
    log->str_index = idx;
    log->index_cap = cap;
    return true;
}

static uint32_t add_string(VM *vm, AioEvents *log, const char *s) {
    if (log->nstrs == log->cap_strs) {
        size_t cap = log->cap_strs ? log->cap_strs * 2 : 64;
        char **n = ls_realloc(vm, log->strs, log->cap_strs * sizeof *n, cap * sizeof *n);
        if (!n)
            return 0;
        log->strs = n;
        log->cap_strs = cap;
    }
    if (log->nstrs == 0)
        log->strs[log->nstrs++] = NULL; /* index 0: no string */
    size_t len = strlen(s);
    char *copy = ls_alloc(vm, len + 1);
    if (!copy)
        return 0;
    memcpy(copy, s, len + 1);
    log->strs[log->nstrs] = copy;
    return (uint32_t)log->nstrs++;
}

uint32_t aio_event_str(VM *vm, const char *s) {
    AioState *aio = vm->aio;
    if (!aio || !s || aio->events.disabled)
        return 0;
    AioEvents *log = &aio->events;
    if ((log->nstrs + 1) * 2 >= log->index_cap &&
        !index_grow(vm, log, log->index_cap ? log->index_cap * 2 : 128))
        return 0;
    size_t j = hash_cstr(s) & (log->index_cap - 1);
    for (; log->str_index[j]; j = (j + 1) & (log->index_cap - 1))
        if (strcmp(log->strs[log->str_index[j]], s) == 0)
            return log->str_index[j];
    uint32_t i = add_string(vm, log, s);
    if (i)
        log->str_index[j] = i;
    return i;
}

/* ---------------------------------------------------------------- appending */

/* The file/line of the innermost running Python frame. File names are interned strings of
 * the VM, so the last one seen is cached by pointer. */
static void locate(VM *vm, AioEvent *e) {
    FrameObj *f = vm->frame;
    if (!f)
        return;
    int lasti = frame_lasti(f);
    e->line = lasti >= 0 ? f->code->pos[lasti].line : f->code->firstline;
    e->file = aio_event_str(vm, f->code->filename->data);
}

AioEvent *aio_event(VM *vm, AioEventKind kind) {
    if (vm->tracer)
        trace_aio_event(vm, (int)kind); /* the trace converts the complete events (trace.c) */
    AioState *aio = vm->aio;
    if (!aio || aio->events.disabled)
        return NULL;
    AioEvents *log = &aio->events;
    if (log->len == log->cap) {
        if (log->len >= AIO_EVENTS_MAX) { /* an endless program: keep memory bounded */
            log->disabled = log->truncated = true;
            return NULL;
        }
        size_t cap = log->cap ? log->cap * 2 : 1024;
        AioEvent *n = ls_realloc(vm, log->ev, log->cap * sizeof *n, cap * sizeof *n);
        if (!n) {
            log->disabled = true; /* the program goes on; the record stops */
            return NULL;
        }
        log->ev = n;
        log->cap = cap;
    }
    AioEvent *e = &log->ev[log->len++];
    memset(e, 0, sizeof *e);
    e->kind = (uint8_t)kind;
    e->time = vm->clock;
    locate(vm, e);
    return e;
}

void aio_event_output(VM *vm, int stream, const char *text, size_t len) {
    AioState *aio = vm->aio;
    if (!aio || aio->events.disabled)
        return;
    AioEvents *log = &aio->events;
    if (log->text_len + len > log->text_cap) {
        size_t cap = log->text_cap ? log->text_cap : 4096;
        while (cap < log->text_len + len)
            cap *= 2;
        char *n = ls_realloc(vm, log->text, log->text_cap, cap);
        if (!n)
            return;
        log->text = n;
        log->text_cap = cap;
    }
    AioEvent *e = aio_event(vm, AIO_EV_OUTPUT);
    if (!e)
        return;
    e->detail = (uint8_t)stream;
    e->value = ((uint64_t)log->text_len << 32) | (uint32_t)len;
    memcpy(log->text + log->text_len, text, len);
    log->text_len += len;
}

void aio_events_free(VM *vm, AioEvents *log) {
    ls_free(vm, log->ev, log->cap * sizeof *log->ev);
    for (size_t i = 1; i < log->nstrs; i++)
        ls_free(vm, log->strs[i], strlen(log->strs[i]) + 1);
    ls_free(vm, log->strs, log->cap_strs * sizeof *log->strs);
    ls_free(vm, log->str_index, log->index_cap * sizeof *log->str_index);
    ls_free(vm, log->text, log->text_cap);
    memset(log, 0, sizeof *log);
}

/* ---------------------------------------------------------------- reading */

static const char *const kind_names[] = {
#define X(e, name) name,
    AIO_EVENT_KINDS(X)
#undef X
};

static const char *const run_kind_names[] = {
#define X(e, name) name,
    AIO_RUN_KINDS(X)
#undef X
};

const char *aio_event_kind_name(int kind) {
    return kind >= 0 && kind < AIO_EV_COUNT ? kind_names[kind] : "?";
}

const char *aio_run_kind_name(int kind) {
    return kind >= 0 && kind < AIO_RUN_COUNT ? run_kind_names[kind] : "?";
}

size_t aio_events_count(VM *vm) {
    return vm->aio ? vm->aio->events.len : 0;
}

const AioEvent *aio_events_at(VM *vm, size_t i) {
    return i < aio_events_count(vm) ? &vm->aio->events.ev[i] : NULL;
}

const char *aio_events_string(VM *vm, uint32_t index) {
    if (!vm->aio || index == 0 || index >= vm->aio->events.nstrs)
        return "";
    return vm->aio->events.strs[index];
}

/* One event as text: "seq t=T kind [field=value ...]". */
static void dump_one(VM *vm, StrBuf *sb, size_t i, const AioEvent *e) {
    sb_printf(vm, sb, "%zu t=%.6f %s", i, e->time, aio_event_kind_name(e->kind));
    if (e->kind == AIO_EV_READY_PUSH || e->kind == AIO_EV_READY_POP)
        sb_printf(vm, sb, " kind=%s", aio_run_kind_name(e->detail));
    else if (e->detail)
        sb_printf(vm, sb, " detail=%u", e->detail);
    if (e->task)
        sb_printf(vm, sb, " task=%u", e->task);
    if (e->handle)
        sb_printf(vm, sb, " handle=%u", e->handle);
    if (e->future)
        sb_printf(vm, sb, " future=%u", e->future);
    if (e->str)
        sb_printf(vm, sb, " str=%s", aio_events_string(vm, e->str));
    if (e->kind == AIO_EV_CLOCK || e->kind == AIO_EV_TIMER_SCHEDULED)
        sb_printf(vm, sb, " value=%.6f", aio_event_value_f(e));
    else if (e->value)
        sb_printf(vm, sb, " value=%llu", (unsigned long long)e->value);
    if (e->line)
        sb_printf(vm, sb, " at %s:%d", aio_events_string(vm, e->file), e->line);
    sb_adds(vm, sb, "\n");
}

char *aio_events_dump(VM *vm, size_t first, size_t count, size_t *size) {
    StrBuf sb;
    sb_init(&sb);
    size_t n = aio_events_count(vm);
    for (size_t i = first; i < n && i - first < count; i++)
        dump_one(vm, &sb, i, aio_events_at(vm, i));
    char *out = ls_alloc(vm, sb.len + 1);
    if (out && sb.len)
        memcpy(out, sb.data, sb.len);
    *size = sb.len + 1;
    sb_free(vm, &sb);
    return out;
}

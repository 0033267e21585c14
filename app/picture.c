/*
 * picture.c - copies a snapshot into app memory (see picture.h).
 */
#include "picture.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------ id maps */

static void idmap_build(IdMap *map, Pool *pool, size_t n, const uint32_t *ids, size_t stride) {
    size_t cap = 16;
    while (cap < n * 2) {
        cap *= 2;
    }
    map->cap = cap;
    map->ids = pool_alloc(pool, cap * sizeof *map->ids);
    map->index = pool_alloc(pool, cap * sizeof *map->index);
    for (size_t i = 0; i < n; i++) {
        uint32_t id = *(const uint32_t *)((const char *)ids + i * stride);
        size_t j = (id * 2654435761u) & (cap - 1);
        while (map->ids[j] != 0 && map->ids[j] != id) {
            j = (j + 1) & (cap - 1);
        }
        map->ids[j] = id;
        map->index[j] = (uint32_t)i;
    }
}

static long idmap_get(const IdMap *map, uint32_t id) {
    if (id == 0 || map->cap == 0) {
        return -1;
    }
    for (size_t j = (id * 2654435761u) & (map->cap - 1); map->ids[j] != 0;
         j = (j + 1) & (map->cap - 1)) {
        if (map->ids[j] == id) {
            return map->index[j];
        }
    }
    return -1;
}

/* ------------------------------------------------------------------ copying */

static void copy_frames(Picture *pic, PicFrame *to, const LsFrame *from, int n) {
    for (int f = 0; f < n; f++) {
        to[f].function = pool_strdup(&pic->pool, from[f].function ? from[f].function : "?");
        to[f].line = from[f].line;
        to[f].file = pool_strdup(&pic->pool, from[f].file);
    }
}

static void copy_tasks(Picture *pic, const LsSnapshot *snap) {
    pic->ntasks = snap->ntasks;
    pic->tasks = pool_alloc(&pic->pool, snap->ntasks * sizeof *pic->tasks + 1);
    for (size_t i = 0; i < snap->ntasks; i++) {
        const LsTaskView *t = &snap->tasks[i];
        PicTask *p = &pic->tasks[i];
        *p = (PicTask){.id = t->id,
                       .name = pool_strdup(&pic->pool, t->name),
                       .colour = t->colour,
                       .state = t->state,
                       .chain_len = t->chain_len,
                       .awaiting = t->awaiting,
                       .result = pool_strdup(&pic->pool, t->result),
                       .cancelling = t->cancelling};
        p->chain = pool_alloc(&pic->pool, (size_t)t->chain_len * sizeof *p->chain + 1);
        copy_frames(pic, p->chain, t->chain, t->chain_len);
        if (p->name == NULL) {
            p->name = pool_printf(&pic->pool, "Task #%u", t->id);
        }
    }
    idmap_build(&pic->task_map, &pic->pool, pic->ntasks, &pic->tasks[0].id, sizeof(PicTask));
}

static void copy_queue_and_timers(Picture *pic, const LsSnapshot *snap) {
    pic->nready = snap->nready;
    pic->ready = pool_alloc(&pic->pool, snap->nready * sizeof *pic->ready + 1);
    for (size_t i = 0; i < snap->nready; i++) {
        const LsReadyView *r = &snap->ready[i];
        pic->ready[i] = (PicReady){r->handle,
                                   r->kind,
                                   r->task,
                                   r->future,
                                   pool_strdup(&pic->pool, r->label ? r->label : "?"),
                                   r->cancelled};
    }
    pic->ntimers = snap->ntimers;
    pic->timers = pool_alloc(&pic->pool, snap->ntimers * sizeof *pic->timers + 1);
    for (size_t i = 0; i < snap->ntimers; i++) {
        const LsTimerView *t = &snap->timers[i];
        pic->timers[i] = (PicTimer){
            t->handle, t->when, pool_strdup(&pic->pool, t->label ? t->label : "timer"), t->task};
    }
}

static void copy_futures(Picture *pic, const LsSnapshot *snap) {
    pic->nfutures = snap->nfutures;
    pic->futures = pool_alloc(&pic->pool, snap->nfutures * sizeof *pic->futures + 1);
    for (size_t i = 0; i < snap->nfutures; i++) {
        const LsFutureView *f = &snap->futures[i];
        PicFuture *p = &pic->futures[i];
        *p = (PicFuture){.id = f->id,
                         .kind = pool_strdup(&pic->pool, f->kind ? f->kind : "Future"),
                         .state = f->state,
                         .result = pool_strdup(&pic->pool, f->result),
                         .failed = f->failed,
                         .ncallbacks = f->ncallbacks,
                         .task = f->task};
        p->callbacks = pool_alloc(&pic->pool, (size_t)f->ncallbacks * sizeof(char *) + 1);
        for (int c = 0; c < f->ncallbacks; c++) {
            p->callbacks[c] = pool_strdup(&pic->pool, f->callbacks[c]);
        }
    }
    idmap_build(&pic->future_map, &pic->pool, pic->nfutures, &pic->futures[0].id,
                sizeof(PicFuture));
}

/* Where the console's last PICTURE_MAX_LINES lines start: a span index and offset. */
static void console_tail(const LsSnapshot *snap, size_t *span, size_t *offset, size_t *dropped) {
    size_t newlines = 0;
    *span = 0;
    *offset = 0;
    *dropped = 0;
    for (size_t i = snap->nconsole; i-- > 0;) {
        const LsConsoleSpan *s = &snap->console[i];
        for (size_t k = s->len; k-- > 0;) {
            if (s->text[k] != '\n' || (i == snap->nconsole - 1 && k == s->len - 1)) {
                continue;
            }
            if (++newlines == PICTURE_MAX_LINES) {
                *span = i;
                *offset = k + 1;
                for (size_t j = 0; j < i; j++) { /* count what is left out (rarely) */
                    for (size_t m = 0; m < snap->console[j].len; m++) {
                        *dropped += snap->console[j].text[m] == '\n';
                    }
                }
                for (size_t m = 0; m <= k; m++) {
                    *dropped += s->text[m] == '\n';
                }
                return;
            }
        }
    }
}

/* Splits the console's tail into lines; a line belongs to whoever printed its start. */
static void copy_console(Picture *pic, const LsSnapshot *snap) {
    size_t first, offset;
    console_tail(snap, &first, &offset, &pic->lines_dropped);
    pic->lines = pool_alloc(&pic->pool, (PICTURE_MAX_LINES + 2) * sizeof *pic->lines);
    char buf[4096];
    size_t used = 0;
    bool open = false;
    for (size_t i = first; i < snap->nconsole; i++) {
        const LsConsoleSpan *s = &snap->console[i];
        for (size_t k = i == first ? offset : 0; k < s->len; k++) {
            if (!open) {
                pic->lines[pic->nlines] = (PicLine){NULL, s->task, s->stream};
                open = true;
                used = 0;
            }
            if (s->text[k] == '\n' || used == sizeof buf - 1) {
                pic->lines[pic->nlines++].text = pool_strndup(&pic->pool, buf, used);
                open = false;
                if (pic->nlines > PICTURE_MAX_LINES) {
                    return;
                }
                continue;
            }
            buf[used++] = s->text[k] == '\t' ? ' ' : s->text[k];
        }
    }
    if (open) {
        pic->lines[pic->nlines++].text = pool_strndup(&pic->pool, buf, used);
    }
}

void picture_fill(Picture *pic, const LsSnapshot *snap, LsTrace *trace) {
    Pool pool = pic->pool;
    pool_reset(&pool);
    memset(pic, 0, sizeof *pic);
    pic->pool = pool;
    pic->step = snap->step;
    pic->clock = snap->clock;
    pic->loop = snap->loop;
    pic->iteration = snap->iteration;
    pic->running_task = snap->running_task;
    pic->running_handle = snap->running_handle;
    pic->running_label = pool_strdup(&pic->pool, snap->running_label);
    pic->running_kind = snap->running_kind;
    pic->main_chain_len = snap->main_chain_len > 0 ? snap->main_chain_len : 0;
    pic->main_chain = pool_alloc(&pic->pool, (size_t)pic->main_chain_len * sizeof(PicFrame) + 1);
    copy_frames(pic, pic->main_chain, snap->main_chain, pic->main_chain_len);
    pic->file = pool_strdup(&pic->pool, snap->file);
    pic->line = snap->line;
    pic->ended = snap->ended;
    pic->exit_status = snap->exit_status;
    if (snap->last != NULL) {
        pic->has_last = true;
        pic->last = *snap->last;
        size_t len = 0;
        const char *text = NULL;
        if (trace != NULL && snap->last->kind == LS_EV_OUTPUT) {
            text = ls_trace_text(trace, snap->last->seq, &len);
        }
        if (text != NULL) {
            pic->last_str = pool_strndup(&pic->pool, text, len);
        } else if (snap->last->str != 0 && trace != NULL) {
            pic->last_str = pool_strdup(&pic->pool, ls_trace_string(trace, snap->last->str));
        }
    }
    copy_tasks(pic, snap);
    copy_queue_and_timers(pic, snap);
    copy_futures(pic, snap);
    copy_console(pic, snap);
}

void picture_free(Picture *pic) {
    pool_free(&pic->pool);
    memset(pic, 0, sizeof *pic);
}

const PicTask *picture_task(const Picture *pic, uint32_t id) {
    long i = idmap_get(&pic->task_map, id);
    return i < 0 ? NULL : &pic->tasks[i];
}

const PicFuture *picture_future(const Picture *pic, uint32_t id) {
    long i = idmap_get(&pic->future_map, id);
    return i < 0 ? NULL : &pic->futures[i];
}

const char *picture_future_name(const Picture *pic, uint32_t id, char *buf, size_t size) {
    const PicFuture *f = picture_future(pic, id);
    const PicTask *t = picture_task(pic, f != NULL && f->task != 0 ? f->task : id);
    if (t != NULL && (f == NULL || f->task != 0)) {
        snprintf(buf, size, "%s", t->name);
    } else if (f != NULL && strcmp(f->kind, "Future") != 0) {
        snprintf(buf, size, "%s #%u", f->kind, id);
    } else {
        snprintf(buf, size, "Future #%u", id);
    }
    return buf;
}

bool picture_same_file(const char *a, const char *b) {
    if (a == NULL || b == NULL) {
        return false;
    }
    const char *sa = strrchr(a, '/'), *sb = strrchr(b, '/');
    return strcmp(sa ? sa + 1 : a, sb ? sb + 1 : b) == 0;
}

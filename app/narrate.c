/*
 * narrate.c - generated narration (see narrate.h).
 *
 * Each event kind has an English and a Chinese template taking the same arguments in the
 * same order, so one call fills either. Not for: the author's `#| say:` text (meta.c).
 */
#include "narrate.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* A sentence in both languages. */
typedef struct {
    const char *en, *zh;
} Template;

#define T(en, zh) ((Template){en, zh})

static const char *pick(Template t, Lang lang) {
    return lang == LANG_ZH ? t.zh : t.en;
}

/* The name of the task `id`; outside tasks, the callback running, or the main program. */
static const char *who(const Picture *pic, uint32_t id, Lang lang) {
    const PicTask *t = picture_task(pic, id);
    if (t != NULL) {
        return t->name;
    }
    if (pic->running_handle != 0 && pic->running_label != NULL) {
        return pic->running_label;
    }
    return lang == LANG_ZH ? "主程序" : "The main program";
}

/* The source line, trimmed and shortened, for quoting. */
static void quote_line(const Meta *meta, int line, char *out, size_t cap) {
    out[0] = '\0';
    if (meta == NULL || line < 1 || line > meta->nlines) {
        return;
    }
    const MetaLine *l = &meta->lines[line - 1];
    int start = 0, len = l->len;
    while (start < len && (l->text[start] == ' ' || l->text[start] == '\t')) {
        start++;
    }
    const char *hash = start < len ? memchr(l->text + start, '#', (size_t)(len - start)) : NULL;
    if (hash != NULL && hash > l->text + start) { /* drop a trailing comment */
        len = (int)(hash - l->text);
    }
    while (len > start && (l->text[len - 1] == ' ' || l->text[len - 1] == '\r')) {
        len--;
    }
    int n = len - start;
    if (n > 56) {
        n = 56;
        while (n > 0 && ((unsigned char)l->text[start + n] & 0xC0) == 0x80) {
            n--;
        }
        snprintf(out, cap, "%.*s…", n, l->text + start);
    } else {
        snprintf(out, cap, "%.*s", n, l->text + start);
    }
}

/* Printed text, without its newline, shortened and quoted (straight quotes in English:
   the CJK font's curly quotes are full-width). */
static void quote_output(const char *text, Lang lang, char *out, size_t cap) {
    const char *open = lang == LANG_ZH ? "“" : "\"", *close = lang == LANG_ZH ? "”" : "\"";
    size_t n = text != NULL ? strcspn(text, "\n") : 0;
    bool cut = n > 48;
    if (cut) {
        n = 48;
        while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80) {
            n--;
        }
    }
    snprintf(out, cap, "%s%.*s%s%s", open, (int)n, text ? text : "", cut ? "…" : "", close);
}

static void say_statement(char *out, size_t cap, Lang lang, const Picture *cur, const Meta *meta) {
    char code[256];
    const LsEvent *ev = &cur->last;
    quote_line(meta, ev->line, code, sizeof code);
    Template t = T("%s runs line %d: %s", "%s 执行第 %d 行：%s");
    snprintf(out, cap, pick(t, lang), who(cur, ev->task, lang), ev->line, code);
}

static void say_loop_state(char *out, size_t cap, Lang lang, int state) {
    Template t =
        state == LS_LOOP_RUNNING ? T("The event loop starts running.", "事件循环开始运行。")
        : state == LS_LOOP_CLOSED ? T("The event loop is closed.", "事件循环已关闭。")
                                  : T("The event loop stops running.", "事件循环停止运行。");
    snprintf(out, cap, "%s", pick(t, lang));
}

static void say_future_state(char *out, size_t cap, Lang lang, const Picture *cur) {
    const LsEvent *ev = &cur->last;
    char name[96];
    picture_future_name(cur, ev->future, name, sizeof name);
    const PicFuture *f = picture_future(cur, ev->future);
    const char *result = cur->last_str ? cur->last_str : f && f->result ? f->result : "None";
    if (ev->detail == LS_FUT_CANCELLED) {
        snprintf(out, cap, pick(T("%s is cancelled.", "%s 被取消。"), lang), name);
    } else if (f != NULL && f->failed) {
        snprintf(out, cap, pick(T("%s ends with the exception %s.", "%s 以异常 %s 结束。"), lang),
                 name, result);
    } else {
        snprintf(out, cap, pick(T("%s is done with the result %s.", "%s 完成，结果是 %s。"), lang),
                 name, result);
    }
}

static void say_callback(char *out, size_t cap, Lang lang, const Picture *cur) {
    const LsEvent *ev = &cur->last;
    char name[96];
    picture_future_name(cur, ev->future, name, sizeof name);
    const char *label = cur->last_str ? cur->last_str : "a callback";
    if (ev->kind == LS_EV_CALLBACK_ADD && ev->task != 0) {
        snprintf(out, cap,
                 pick(T("%s will be woken up when %s is done: a wake-up is added to its callbacks.",
                        "%s 会在 %s 完成时被唤醒：唤醒回调被加入它的回调列表。"),
                      lang),
                 who(cur, ev->task, lang), name);
    } else if (ev->kind == LS_EV_CALLBACK_ADD) {
        snprintf(out, cap,
                 pick(T("%s is added to the callbacks of %s.", "%s 被加入 %s 的回调列表。"), lang),
                 label, name);
    } else if (ev->kind == LS_EV_CALLBACK_REMOVE) {
        snprintf(
            out, cap,
            pick(T("%s is removed from the callbacks of %s.", "%s 从 %s 的回调列表中移除。"), lang),
            label, name);
    } else {
        const char *queued = label;
        for (size_t i = 0; i < cur->nready; i++) {
            if (cur->ready[i].handle == ev->handle) {
                queued = cur->ready[i].label;
            }
        }
        snprintf(out, cap,
                 pick(T("%s is done, so its callback %s goes into the ready queue.",
                        "%s 已完成，所以它的回调 %s 进入就绪队列。"),
                      lang),
                 name, queued);
    }
}

static void say_task(char *out, size_t cap, Lang lang, const Picture *cur) {
    const LsEvent *ev = &cur->last;
    const char *task = who(cur, ev->task, lang);
    char name[96];
    if (ev->kind == LS_EV_TASK_SUSPEND && ev->future != 0) {
        picture_future_name(cur, ev->future, name, sizeof name);
        snprintf(out, cap,
                 pick(T("%s awaits %s and is suspended; control goes back to the event loop.",
                        "%s 等待 %s 并挂起；控制权交还给事件循环。"),
                      lang),
                 task, name);
    } else if (ev->kind == LS_EV_TASK_SUSPEND) {
        snprintf(out, cap,
                 pick(T("%s yields to the event loop for one iteration.",
                        "%s 把控制权让给事件循环一次。"),
                      lang),
                 task);
    } else if (ev->kind == LS_EV_TASK_RESUME && ev->detail == 1) {
        snprintf(out, cap,
                 pick(T("%s resumes, and an exception is thrown into it at its await.",
                        "%s 恢复运行，一个异常在它的 await 处被抛入。"),
                      lang),
                 task);
    } else if (ev->kind == LS_EV_TASK_RESUME) {
        snprintf(out, cap,
                 pick(T("%s resumes where it was suspended.", "%s 从挂起的地方恢复运行。"), lang),
                 task);
    } else if (ev->kind == LS_EV_TASK_CANCEL) {
        snprintf(out, cap,
                 pick(T("%s.cancel() is called: a CancelledError will be thrown into it.",
                        "调用了 %s.cancel()：一个 CancelledError 将被抛入它。"),
                      lang),
                 task);
    } else {
        snprintf(out, cap,
                 pick(T("%s is created; its first step joins the ready queue.",
                        "创建了 %s；它的第一步进入就绪队列。"),
                      lang),
                 task);
    }
}

/* The label of the ready entry or timer `handle`, looked up in both pictures. */
static const char *handle_label(const Picture *cur, const Picture *prev, uint32_t handle) {
    const Picture *pics[2] = {cur, prev};
    for (int p = 0; p < 2; p++) {
        if (pics[p] == NULL) {
            continue;
        }
        for (size_t i = 0; i < pics[p]->nready; i++) {
            if (pics[p]->ready[i].handle == handle) {
                return pics[p]->ready[i].label;
            }
        }
        for (size_t i = 0; i < pics[p]->ntimers; i++) {
            if (pics[p]->timers[i].handle == handle) {
                return pics[p]->timers[i].label;
            }
        }
        if (pics[p]->running_handle == handle && pics[p]->running_label != NULL) {
            return pics[p]->running_label;
        }
    }
    return cur->last_str != NULL ? cur->last_str : "a handle";
}

static void say_queue(char *out, size_t cap, Lang lang, const Picture *cur, const Picture *prev) {
    const LsEvent *ev = &cur->last;
    const char *label = handle_label(cur, prev, ev->handle);
    switch (ev->kind) {
    case LS_EV_READY_PUSH:
        snprintf(out, cap,
                 pick(T("%s joins the tail of the ready queue (%zu in the queue).",
                        "%s 加入就绪队列的队尾（队列中共 %zu 个）。"),
                      lang),
                 label, cur->nready);
        break;
    case LS_EV_READY_POP:
        snprintf(out, cap,
                 pick(T("The loop takes %s from the head of the ready queue and runs it.",
                        "事件循环从就绪队列的队头取出 %s 并运行它。"),
                      lang),
                 label);
        break;
    case LS_EV_HANDLE_DONE:
        snprintf(out, cap,
                 pick(T("%s has finished; the loop moves on to the next ready handle.",
                        "%s 运行结束；事件循环接着处理下一个就绪的回调。"),
                      lang),
                 prev != NULL && prev->running_label ? prev->running_label : label);
        break;
    case LS_EV_TIMER_ADD: {
        double when;
        memcpy(&when, &ev->value, sizeof when); /* the due time, stored as a double's bits */
        snprintf(out, cap,
                 pick(T("A timer is set for t = %.3f s: %s.",
                        "设置了一个在 t = %.3f s 到期的定时器：%s。"),
                      lang),
                 when, label);
        break;
    }
    case LS_EV_TIMER_DUE:
        snprintf(out, cap,
                 pick(T("The timer is due at t = %.3f s: %s moves into the ready queue.",
                        "定时器在 t = %.3f s 到期：%s 进入就绪队列。"),
                      lang),
                 cur->clock, label);
        break;
    case LS_EV_TIMER_CANCEL:
        snprintf(out, cap, pick(T("The timer %s is cancelled.", "定时器 %s 被取消。"), lang),
                 label);
        break;
    default:
        snprintf(out, cap,
                 pick(T("A scheduled callback is cancelled; the loop will skip it.",
                        "一个已安排的回调被取消；事件循环会跳过它。"),
                      lang));
        break;
    }
}

static void say_misc(char *out, size_t cap, Lang lang, const Picture *cur) {
    const LsEvent *ev = &cur->last;
    const char *task = who(cur, ev->task, lang);
    const char *str = cur->last_str ? cur->last_str : "";
    char quoted[160];
    switch (ev->kind) {
    case LS_EV_FRAME_ENTER:
        snprintf(out, cap, pick(T("%s enters %s().", "%s 进入 %s()。"), lang), task, str);
        break;
    case LS_EV_FRAME_EXIT:
        snprintf(out, cap,
                 ev->detail == 1 ? pick(T("%s: the frame of %s() is suspended and kept for later.",
                                          "%s：%s() 的栈帧被挂起并保留，以便之后继续。"),
                                        lang)
                                 : pick(T("%s: %s() returns.", "%s：%s() 返回。"), lang),
                 task, str);
        break;
    case LS_EV_EXCEPTION:
        snprintf(out, cap, pick(T("%s raises %s.", "%s 抛出 %s。"), lang), task, str);
        break;
    case LS_EV_WARNING:
        snprintf(out, cap, pick(T("asyncio reports: %s", "asyncio 报告：%s"), lang), str);
        break;
    case LS_EV_OUTPUT:
        quote_output(str, lang, quoted, sizeof quoted);
        snprintf(out, cap,
                 ev->detail == 2
                     ? pick(T("%s writes %s to stderr.", "%s 向 stderr 写入 %s。"), lang)
                     : pick(T("%s prints %s.", "%s 打印 %s。"), lang),
                 task, quoted);
        break;
    case LS_EV_ITERATION:
        snprintf(out, cap,
                 pick(T("Loop iteration %" PRIu64
                        ": the loop runs every handle that is ready now, in order.",
                        "第 %" PRIu64 " 次循环迭代：事件循环按顺序运行此刻就绪的每个回调。"),
                      lang),
                 ev->value);
        break;
    case LS_EV_CLOCK:
        snprintf(out, cap,
                 pick(T("Nothing is ready, so the virtual clock jumps to t = %.3f s, when the next "
                        "timer is due.",
                        "没有就绪的回调，虚拟时钟跳到下一个定时器到期的 t = %.3f s。"),
                      lang),
                 cur->clock);
        break;
    case LS_EV_FUTURE_CREATED:
        snprintf(
            out, cap,
            pick(T("A new %s is created; it is pending.", "创建了一个新的 %s，状态为 PENDING。"),
                 lang),
            *str ? str : "Future");
        break;
    case LS_EV_INTERRUPT:
        snprintf(out, cap, "%s",
                 pick(T("Ctrl+C: a KeyboardInterrupt arrives here.",
                        "Ctrl+C：KeyboardInterrupt 在这里到达。"),
                      lang));
        break;
    default: /* LS_EV_END */
        snprintf(
            out, cap,
            pick(T("The program ends with exit status %d.", "程序结束，退出状态为 %d。"), lang),
            (int)ev->value);
        break;
    }
}

void narrate_event(char *out, size_t cap, Lang lang, const Picture *cur, const Picture *prev,
                   const Meta *meta) {
    if (!cur->has_last) {
        snprintf(out, cap, "%s",
                 pick(T("Nothing has run yet. Press → to take the first step.",
                        "程序还没有开始。按 → 走第一步。"),
                      lang));
        return;
    }
    switch ((LsEventKind)cur->last.kind) {
    case LS_EV_STATEMENT:
        say_statement(out, cap, lang, cur, meta);
        break;
    case LS_EV_LOOP_STATE:
        say_loop_state(out, cap, lang, cur->last.detail);
        break;
    case LS_EV_FUTURE_STATE:
        say_future_state(out, cap, lang, cur);
        break;
    case LS_EV_CALLBACK_ADD:
    case LS_EV_CALLBACK_REMOVE:
    case LS_EV_CALLBACK_SCHEDULE:
        say_callback(out, cap, lang, cur);
        break;
    case LS_EV_TASK_CREATED:
    case LS_EV_TASK_SUSPEND:
    case LS_EV_TASK_RESUME:
    case LS_EV_TASK_CANCEL:
        say_task(out, cap, lang, cur);
        break;
    case LS_EV_READY_PUSH:
    case LS_EV_READY_POP:
    case LS_EV_HANDLE_DONE:
    case LS_EV_TIMER_ADD:
    case LS_EV_TIMER_DUE:
    case LS_EV_TIMER_CANCEL:
    case LS_EV_HANDLE_CANCEL:
        say_queue(out, cap, lang, cur, prev);
        break;
    default:
        say_misc(out, cap, lang, cur);
        break;
    }
}

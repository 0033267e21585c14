/*
 * i18n.h - every fixed string the window shows, in English and Chinese, written once.
 *
 * Not for: narration sentences (narrate.c keeps its templates beside the code that fills
 * them) or scenario text (titles and `#| say:` lines come from the scenario, see meta.h).
 */
#ifndef LS_I18N_H
#define LS_I18N_H

#include <stdbool.h>

typedef enum { LANG_EN, LANG_ZH, LANG_COUNT } Lang;

/* clang-format off */
#define MESSAGES(X)                                                                         \
    X(MSG_SOURCE, "Source", "源代码")                                                       \
    X(MSG_EVENT_LOOP, "Event loop", "事件循环")                                             \
    X(MSG_RUNNING, "Running", "正在运行")                                                   \
    X(MSG_READY, "Ready queue", "就绪队列")                                                 \
    X(MSG_READY_TASKS, "Ready to run", "可以运行")                                         \
    X(MSG_WAITING, "Waiting", "等待中")                                                     \
    X(MSG_FUTURES, "Futures", "Future 对象")                                                \
    X(MSG_TIMERS, "Timers (virtual time)", "定时器（虚拟时间）")                            \
    X(MSG_FINISHED, "Finished", "已结束")                                                   \
    X(MSG_CONSOLE, "Console", "控制台")                                                     \
    X(MSG_STEP, "step", "步骤")                                                             \
    X(MSG_GRAN_EVENT, "event", "事件")                                                      \
    X(MSG_GRAN_LINE, "line", "行")                                                          \
    X(MSG_GRAN_AWAIT, "await point", "await 点")                                            \
    X(MSG_GRAN_ITERATION, "loop iteration", "循环迭代")                                     \
    X(MSG_BY, "by", "按")                                                                   \
    X(MSG_PLAYING, "playing", "播放中")                                                     \
    X(MSG_PAUSED, "paused", "暂停")                                                         \
    X(MSG_ITERATION, "iteration", "迭代")                                                   \
    X(MSG_LOOP_NONE, "no event loop yet", "还没有事件循环")                                 \
    X(MSG_LOOP_IDLE, "loop not running", "循环未运行")                                      \
    X(MSG_LOOP_RUNNING, "loop running", "循环运行中")                                       \
    X(MSG_LOOP_CLOSED, "loop closed", "循环已关闭")                                         \
    X(MSG_NOTHING_RUNNING, "nothing is running", "没有正在运行的代码")                      \
    X(MSG_BETWEEN_HANDLES, "the loop picks the next handle", "事件循环正在取下一个回调")     \
    X(MSG_MAIN_PROGRAM, "main program", "主程序")                                           \
    X(MSG_EMPTY, "empty", "空")                                                             \
    X(MSG_NONE_WAITING, "no task is waiting", "没有等待中的任务")                           \
    X(MSG_NO_FUTURES, "no pending futures", "没有未完成的 future")                          \
    X(MSG_NO_TIMERS, "no timers", "没有定时器")                                             \
    X(MSG_NONE_FINISHED, "no task has finished", "还没有结束的任务")                        \
    X(MSG_NO_OUTPUT, "no output yet", "还没有输出")                                         \
    X(MSG_HEAD, "head", "队头")                                                             \
    X(MSG_TAIL, "tail", "队尾")                                                             \
    X(MSG_MORE, "+%zu more", "还有 %zu 个")                                                 \
    X(MSG_LINE_N, "line %d", "第 %d 行")                                                    \
    X(MSG_KIND_STEP, "step", "任务步骤")                                                    \
    X(MSG_KIND_WAKEUP, "wake-up", "唤醒")                                                   \
    X(MSG_KIND_DONE_CB, "done callback", "完成回调")                                        \
    X(MSG_KIND_CALLBACK, "callback", "回调")                                                \
    X(MSG_KIND_TIMER, "timer", "定时器")                                                    \
    X(MSG_TASK_READY, "ready", "就绪")                                                      \
    X(MSG_TASK_RUNNING, "running", "运行中")                                                \
    X(MSG_TASK_WAITING, "waiting", "等待中")                                                \
    X(MSG_TASK_DONE, "done", "完成")                                                        \
    X(MSG_TASK_FAILED, "failed", "失败")                                                    \
    X(MSG_TASK_CANCELLED, "cancelled", "已取消")                                            \
    X(MSG_AWAITS, "awaits", "等待")                                                         \
    X(MSG_SLEEPS_UNTIL, "sleeps until t = %g s", "睡眠到 t = %g s")                          \
    X(MSG_CALLBACKS, "callbacks", "回调")                                                   \
    X(MSG_NO_CALLBACKS, "no callbacks", "没有回调")                                         \
    X(MSG_RESULT, "result", "结果")                                                         \
    X(MSG_DUE, "due at t = %.3f s", "在 t = %.3f s 到期")                                   \
    X(MSG_CANNOT_START, "The program cannot start", "程序无法启动")                         \
    X(MSG_DETAIL_TASKS, "story: tasks", "故事：任务")                                       \
    X(MSG_DETAIL_LOOP, "machinery: loop internals", "机制：循环内部")                        \
    X(MSG_PREDICT, "What happens next?  Discuss, then press → to reveal.",                  \
      "接下来会发生什么？讨论一下，然后按 → 揭晓。")                                         \
    X(MSG_HELP_TITLE, "Keys", "按键")                                                       \
    X(MSG_HELP_CLOSE, "Esc or ? closes this help", "按 Esc 或 ? 关闭帮助")                  \
    X(MSG_INSPECTOR, "Inspector", "检查器")                                                 \
    X(MSG_STATE, "state", "状态")                                                           \
    X(MSG_CHAIN, "await chain", "await 链")                                                 \
    X(MSG_EVENT_LOG, "Event log (click a row to jump there)", "事件日志（点击一行跳转）")    \
    X(MSG_PICKER, "Scenarios (Enter opens, Esc closes)", "示例（回车打开，Esc 关闭）")       \
    X(MSG_ENDED, "ended, exit status %d", "已结束，退出状态 %d")                            \
    X(MSG_INTERRUPTED, "Ctrl+C: KeyboardInterrupt delivered at step %zu",                   \
      "Ctrl+C：在第 %zu 步发送了 KeyboardInterrupt")                                        \
    X(MSG_SAVED, "saved %s", "已保存 %s")                                                   \
    X(MSG_ZOOM, "zoom %d%%", "缩放 %d%%")
/* clang-format on */

typedef enum {
#define X(id, en, zh) id,
    MESSAGES(X)
#undef X
        MSG_COUNT
} Msg;

/* The message in a language. */
const char *tr(Lang lang, Msg msg);
/* Parses "en"/"zh" (also "english", "chinese", "中文"); false when unknown. */
bool lang_parse(const char *name, Lang *lang);

#endif

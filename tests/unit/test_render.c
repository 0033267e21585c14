/*
 * test_render.c - the window's drawing (app/): frames drawn off-screen by the same code as
 * the window, checked through the layout's own rectangles, the scene's items and pixels at
 * known places. A real scenario runs in the engine for most tests; the 2,000-task test
 * builds its snapshot by hand.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"

enum { W = 1280, H = 720 };

static SDL_Surface *surface;
static SDL_Renderer *renderer;
static Gfx gfx;
static App *app;
static char dir[64];

/* Two tasks wait on one future; a timer; output from both tasks. */
static const char SCENARIO[] = "import asyncio\n"
                               "\n"
                               "async def worker(name, fut):\n"
                               "    print(name, 'waits')\n"
                               "    value = await fut\n"
                               "    print(name, 'got', value)\n"
                               "    return value\n"
                               "\n"
                               "async def main():\n"
                               "    loop = asyncio.get_running_loop()\n"
                               "    fut = loop.create_future()\n"
                               "    t1 = asyncio.create_task(worker('A', fut))\n"
                               "    t2 = asyncio.create_task(worker('B', fut))\n"
                               "    await asyncio.sleep(0.5)\n"
                               "    fut.set_result(42)\n"
                               "    await asyncio.gather(t1, t2)\n"
                               "\n"
                               "asyncio.run(main())\n";

static void setup(void) {
    surface = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    renderer = SDL_CreateSoftwareRenderer(surface);
    cr_assert_not_null(renderer, "software renderer: %s", SDL_GetError());
    cr_assert(gfx_init(&gfx, renderer, NULL), "fonts: %s", gfx.error);
    snprintf(dir, sizeof dir, "/tmp/loopscope-test-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    app = calloc(1, sizeof *app);
}

static void teardown(void) {
    app_free(app);
    free(app);
    gfx_free(&gfx);
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_expect_eq(system(cmd), 0);
}

TestSuite(render, .init = setup, .fini = teardown, .timeout = 30);

/* Writes `source` to a file and opens it in a fresh app with these settings (without
   running it further than the first chunk of the trace). */
static void open_only(const char *source, ThemeId theme, Lang lang, Detail detail) {
    char path[128];
    snprintf(path, sizeof path, "%s/scenario.py", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(source, f);
    fclose(f);
    app_free(app);
    AppOptions opt = {.lang = lang, .theme = theme, .detail = detail, .zoom = 1};
    app_init(app, &opt);
    layout_compute(&app->layout, W, H, 1, detail);
    app_open(app, &gfx, path, 0);
}

/* Opens `source` and runs it to its end (the scenarios here are short). */
static void open_with(const char *source, ThemeId theme, Lang lang, Detail detail) {
    open_only(source, theme, lang, detail);
    while (!app->ended) {
        size_t before = app->nevents;
        app_step_forward(app, &gfx, LS_STEP_ITERATION, 0);
        cr_assert(app->nevents > before || app->ended || app->step < app->nevents);
        if (app->step >= app->nevents && app->nevents == before) {
            break;
        }
    }
}

static void open_default(void) {
    open_with(SCENARIO, THEME_DARK, LANG_EN, DETAIL_LOOP);
}

/* Draws step k at rest. */
static void show(size_t step) {
    app_goto(app, &gfx, step, 0, false);
    app_draw(app, &gfx, 0);
    SDL_RenderPresent(renderer);
}

static Rgba pixel(int x, int y) {
    uint32_t p = ((const uint32_t *)((const uint8_t *)surface->pixels + y * surface->pitch))[x];
    return (Rgba){(uint8_t)(p >> 16), (uint8_t)(p >> 8), (uint8_t)p, 255};
}

static bool near(Rgba a, Rgba b, int tolerance) {
    return abs(a.r - b.r) <= tolerance && abs(a.g - b.g) <= tolerance &&
           abs(a.b - b.b) <= tolerance;
}

/* A hash of the pixels of a box, to tell whether two frames differ there. */
static uint64_t region_hash(Box b) {
    uint64_t h = 1469598103934665603ull;
    for (int y = (int)b.y; y < (int)(b.y + b.h); y++) {
        for (int x = (int)b.x; x < (int)(b.x + b.w); x++) {
            Rgba p = pixel(x, y);
            h = (h ^ (uint64_t)(p.r << 16 | p.g << 8 | p.b)) * 1099511628211ull;
        }
    }
    return h;
}

/* Whether any pixel of the box is within `tolerance` of the colour. */
static bool region_has(Box b, Rgba c, int tolerance) {
    for (int y = (int)b.y; y < (int)(b.y + b.h); y++) {
        for (int x = (int)b.x; x < (int)(b.x + b.w); x++) {
            if (near(pixel(x, y), c, tolerance)) {
                return true;
            }
        }
    }
    return false;
}

/* The step right after the n-th (0-based) event of a kind; 0 when there is none. */
static size_t step_after(LsEventKind kind, int n) {
    for (size_t i = 0; i < app->nevents; i++) {
        LsEvent ev;
        if (ls_trace_get(app->trace, i, &ev) && ev.kind == kind && n-- == 0) {
            return i + 1;
        }
    }
    return 0;
}

/* The first step at which `ok` holds for the picture; 0 when none. */
static size_t first_step(bool (*ok)(const Picture *)) {
    for (size_t k = 0; k <= app->nevents; k++) {
        show(k);
        if (ok(&app->pic)) {
            return k;
        }
    }
    return 0;
}

static bool has_item_in(Box region, ItemKind kind) {
    for (int i = 0; i < app->target.n; i++) {
        const Item *it = &app->target.items[i];
        if (it->kind == kind && box_contains(region, it->box.x + 1, it->box.y + 1)) {
            return true;
        }
    }
    return false;
}

/* ------------------------------------------------------------------ the frame */

Test(render, frames_differ_where_the_model_differs) {
    open_default();
    size_t printed = step_after(LS_EV_OUTPUT, 0);
    cr_assert_gt(printed, 0, "the scenario prints");
    show(printed - 1);
    uint64_t console_before = region_hash(app->layout.console);
    uint64_t title_before = region_hash(app->layout.title);
    uint64_t source_before = region_hash(app->layout.source);
    show(printed);
    cr_expect_neq(region_hash(app->layout.console), console_before, "the console shows the print");
    cr_expect_neq(region_hash(app->layout.title), title_before, "the step counter moved");
    cr_expect_eq(region_hash(app->layout.source), source_before,
                 "printing does not change the source region");
    uint64_t again = region_hash(app->layout.console);
    show(printed);
    cr_expect_eq(region_hash(app->layout.console), again, "the same step draws the same frame");
}

Test(render, printed_line_is_tinted_with_its_task_colour) {
    open_default();
    size_t printed = step_after(LS_EV_OUTPUT, 0);
    show(printed);
    cr_assert_geq(app->pic.nlines, 1);
    const PicTask *t = picture_task(&app->pic, app->pic.lines[0].task);
    cr_assert_not_null(t, "a task printed the first line");
    Box c = layout_content(&app->layout, app->layout.console);
    Rgba bar = pixel((int)c.x + 1, (int)(c.y + app->target.line_h / 2));
    Rgba want = theme_task_colour(theme_get(THEME_DARK), t->colour);
    cr_expect(near(bar, want, 8), "the row's bar has the task's colour (%d,%d,%d vs %d,%d,%d)",
              bar.r, bar.g, bar.b, want.r, want.g, want.b);
}

Test(render, running_handle_sits_in_the_running_slot) {
    open_default();
    show(step_after(LS_EV_READY_POP, 0));
    cr_assert_neq(app->pic.running_handle, 0);
    const Item *card = scene_find(&app->target, SCENE_KEY(K_HANDLE, app->pic.running_handle));
    cr_assert_not_null(card);
    cr_expect(card->running);
    cr_expect(box_contains(app->layout.running, card->box.x + 1, card->box.y + 1));
    cr_expect(region_has(card->box, theme_get(THEME_DARK)->accent, 4),
              "the running card has the accent border");
}

static bool two_ready(const Picture *pic) {
    return pic->nready >= 2;
}

Test(render, ready_queue_cards_run_from_head_to_tail) {
    open_default();
    cr_assert_gt(first_step(two_ready), 0);
    float last_x = -1;
    for (size_t i = 0; i < app->pic.nready; i++) {
        const Item *card = scene_find(&app->target, SCENE_KEY(K_HANDLE, app->pic.ready[i].handle));
        cr_assert_not_null(card, "card %zu of the queue is shown", i);
        cr_expect_gt(card->box.x, last_x, "card %zu is right of the one before (FIFO)", i);
        cr_expect(box_contains(app->layout.ready, card->box.x + 1, card->box.y + 1));
        last_x = card->box.x;
    }
}

static bool two_waiting(const Picture *pic) {
    int n = 0;
    for (size_t i = 0; i < pic->ntasks; i++) {
        n += pic->tasks[i].state == LS_TASK_WAITING;
    }
    return n >= 2;
}

Test(render, waiting_task_points_at_its_future) {
    open_default();
    cr_assert_gt(first_step(two_waiting), 0);
    int arrows = 0;
    for (int i = 0; i < app->target.n; i++) {
        const Item *it = &app->target.items[i];
        if (it->kind != IT_TASK || it->arrow_to == 0) {
            continue;
        }
        cr_expect_eq(it->arrow_to, picture_task(&app->pic, it->task)->awaiting);
        const Item *f = scene_find(&app->target, SCENE_KEY(K_FUTURE, it->arrow_to));
        cr_assert_not_null(f, "the awaited future has a box");
        cr_expect(box_contains(app->layout.futures, f->box.x + 1, f->box.y + 1));
        float x0 = it->box.x + it->box.w, x1 = f->box.x - 2;
        Box mid = {(x0 + x1) / 2 - 2,
                   (it->box.y + it->box.h / 2 + f->box.y + f->box.h / 2) / 2 - 12, 4, 24};
        cr_expect(region_has(mid, theme_task_colour(theme_get(THEME_DARK), it->colour), 40),
                  "the arrow is drawn in the task's colour between the boxes");
        arrows++;
    }
    cr_expect_geq(arrows, 2);
}

static bool has_timer(const Picture *pic) {
    return pic->ntimers > 0;
}

Test(render, timers_sit_on_the_ruler_at_their_due_time) {
    open_default();
    cr_assert_gt(first_step(has_timer), 0);
    const PicTimer *t = &app->pic.timers[0];
    const Item *it = scene_find(&app->target, SCENE_KEY(K_HANDLE, t->handle));
    cr_assert_not_null(it);
    cr_expect_eq(it->kind, IT_TIMER);
    cr_expect_float_eq(it->anchor, scene_ruler_x(&app->target, &app->layout, t->when), 0.01);
    cr_expect(box_contains(app->layout.timers, it->anchor, scene_ruler_axis(&app->layout)));
}

Test(render, finished_tasks_show_their_result) {
    open_default();
    show(app->nevents);
    cr_expect(app->pic.ended);
    cr_expect(has_item_in(app->layout.finished, IT_FINISHED));
    int with_42 = 0;
    for (int i = 0; i < app->target.n; i++) {
        const Item *it = &app->target.items[i];
        if (it->kind == IT_FINISHED && it->state == LS_TASK_DONE) {
            with_42 += strstr(it->title, "  42") != NULL; /* "Task-2  42" */
        }
    }
    cr_expect_eq(with_42, 2, "both workers finished, and show the result 42");
}

static bool all_waiting(const Picture *pic) {
    int n = 0;
    for (size_t i = 0; i < pic->ntasks; i++) {
        n += pic->tasks[i].state == LS_TASK_WAITING;
    }
    return n >= 3; /* main and both workers */
}

Test(render, source_marks_each_suspended_task_at_its_line) {
    open_default();
    cr_assert_gt(first_step(all_waiting), 0);
    int at_await = 0;
    for (int i = 0; i < app->target.n; i++) {
        const Item *it = &app->target.items[i];
        if (it->kind == IT_MARKER && it->state == LS_TASK_WAITING) {
            const PicTask *t = picture_task(&app->pic, it->task);
            cr_expect_eq(it->line, t->chain[t->chain_len - 1].line, "%s's marker", t->name);
            cr_expect(box_contains(app->layout.source, it->box.x + 1, it->box.y + 1));
            at_await += it->line == 5; /* `value = await fut` */
        }
    }
    cr_expect_eq(at_await, 2, "both workers wait at line 5");
}

/* ------------------------------------------------------------------ errors and text */

Test(render, syntax_error_is_shown_in_the_source_region) {
    open_with("import asyncio\n\ndef broken(:\n    pass\n", THEME_DARK, LANG_EN, DETAIL_LOOP);
    cr_assert_not_null(ls_trace_error(app->trace), "the engine reports the error");
    show(0);
    cr_expect(region_has(app->layout.source, theme_get(THEME_DARK)->error, 4),
              "red in the source region");
    cr_expect(!region_has(app->layout.loop, theme_get(THEME_DARK)->error, 4));
}

Test(render, missing_file_is_shown_not_fatal) {
    app_free(app);
    AppOptions opt = {.lang = LANG_EN, .theme = THEME_DARK, .zoom = 1};
    app_init(app, &opt);
    layout_compute(&app->layout, W, H, 1, DETAIL_LOOP);
    cr_expect(!app_open(app, &gfx, "/nonexistent/x.py", 0));
    cr_expect_neq(app->load_error[0], '\0');
    show(0);
    cr_expect(region_has(app->layout.source, theme_get(THEME_DARK)->error, 4));
}

Test(render, chinese_text_has_glyphs_in_every_face) {
    cr_expect(gfx_covers(&gfx, FACE_UI, "事件循环、就绪队列：任务"));
    cr_expect(gfx_covers(&gfx, FACE_UI_BOLD, "三个任务和一个定时器"));
    cr_expect(gfx_covers(&gfx, FACE_CODE, "# 可以通过调用 send 方法，执行协程函数"));
    cr_expect(gfx_covers(&gfx, FACE_UI, "→ … “ ”"));
}

Test(render, unchanged_text_is_not_rasterised_again) {
    open_default();
    show(10);
    show(10);
    uint64_t before = gfx.rasterised;
    show(10);
    cr_expect_eq(gfx.rasterised, before, "a repeated frame creates no text texture");
}

Test(render, themes_and_languages_change_the_frame) {
    open_with(SCENARIO, THEME_LIGHT, LANG_EN, DETAIL_LOOP);
    show(5);
    cr_expect(near(pixel(2, 2), theme_get(THEME_LIGHT)->bg, 2));
    uint64_t english = region_hash(app->layout.loop);
    open_with(SCENARIO, THEME_CONTRAST, LANG_ZH, DETAIL_LOOP);
    show(5);
    cr_expect(near(pixel(2, 2), theme_get(THEME_CONTRAST)->bg, 2));
    open_with(SCENARIO, THEME_LIGHT, LANG_ZH, DETAIL_LOOP);
    show(5);
    cr_expect_neq(region_hash(app->layout.loop), english, "labels change language");
}

/* ------------------------------------------------------------------ animation */

Test(render, a_popped_card_slides_from_the_queue_into_the_running_slot) {
    open_default();
    size_t pop = step_after(LS_EV_READY_POP, 0);
    show(pop - 1);
    uint32_t handle = app->pic.ready[0].handle;
    Box from = scene_find(&app->target, SCENE_KEY(K_HANDLE, handle))->box;
    app_goto(app, &gfx, pop, 0, true);
    Box to = scene_find(&app->target, SCENE_KEY(K_HANDLE, handle))->box;
    cr_assert(box_contains(app->layout.running, to.x + 1, to.y + 1));
    Scene mid;
    scene_init(&mid);
    scene_lerp(&mid, &app->from, &app->target, 0.5f);
    const Item *it = scene_find(&mid, SCENE_KEY(K_HANDLE, handle));
    cr_assert_not_null(it);
    cr_expect_float_eq(it->box.x, (from.x + to.x) / 2, 1.0, "halfway across");
    cr_expect(it->moving, "drawn above the others while it travels");
    Scene back;
    scene_init(&back);
    scene_lerp(&back, &app->target, &app->from, 0.5f);
    cr_expect_float_eq(scene_find(&back, SCENE_KEY(K_HANDLE, handle))->box.x, it->box.x, 1.0,
                       "stepping back retraces the same path");
    scene_free(&mid);
    scene_free(&back);
}

Test(render, animation_ends_where_the_step_is) {
    open_default();
    show(3);
    app_goto(app, &gfx, 4, 10.0, true);
    cr_expect(app_busy(app, 10.1));
    cr_expect(!app_busy(app, 10.0 + app->anim_len + 0.01) || !app->ended);
    app_draw(app, &gfx, 10.0 + app->anim_len + 0.01);
    uint64_t settled = region_hash(app->layout.loop);
    show(4);
    cr_expect_eq(region_hash(app->layout.loop), settled, "the last frame is the step's frame");
}

/* ------------------------------------------------------------------ scale */

Test(render, two_thousand_tasks_are_summarised) {
    enum { N = 2000 };
    LsTaskView *tasks = calloc(N, sizeof *tasks);
    LsFutureView *futures = calloc(N, sizeof *futures);
    LsFrame frame = {"worker", 5, "scenario.py"};
    char(*names)[16] = calloc(N, 16);
    for (int i = 0; i < N; i++) {
        snprintf(names[i], 16, "Task-%d", i + 1);
        tasks[i] = (LsTaskView){.id = (uint32_t)i + 1,
                                .name = names[i],
                                .colour = i % 8,
                                .state = LS_TASK_WAITING,
                                .chain = &frame,
                                .chain_len = 1,
                                .awaiting = (uint32_t)(N + i + 1)};
        futures[i] = (LsFutureView){.id = (uint32_t)(N + i + 1), .kind = "Future"};
    }
    LsSnapshot snap = {.step = 1,
                       .loop = LS_LOOP_RUNNING,
                       .tasks = tasks,
                       .ntasks = N,
                       .futures = futures,
                       .nfutures = N};
    Picture pic = {0};
    picture_fill(&pic, &snap, NULL);
    Layout l;
    layout_compute(&l, 1920, 1080, 1, DETAIL_LOOP);
    Meta meta;
    meta_parse(&meta, SCENARIO, strlen(SCENARIO));
    SceneInput in = {.pic = &pic,
                     .layout = &l,
                     .meta = &meta,
                     .file = "scenario.py",
                     .gfx = &gfx,
                     .generated = ""};
    Scene sc;
    scene_init(&sc);
    scene_build(&sc, &in);
    cr_expect_lt(sc.n, 200, "%d items for 2,000 tasks", sc.n);
    cr_expect_not_null(scene_find(&sc, SCENE_KEY(K_MORE, REG_WAITING)), "waiting tasks summarised");
    cr_expect_not_null(scene_find(&sc, SCENE_KEY(K_MORE, REG_FUTURES)), "futures summarised");
    for (int i = 0; i < sc.n; i++) {
        const Item *it = &sc.items[i];
        if (it->region == REG_WAITING) {
            cr_expect(box_contains(l.waiting, it->box.x + 1, it->box.y + it->box.h - 1),
                      "item %d stays inside the waiting column", i);
        }
    }
    scene_free(&sc);
    meta_free(&meta);
    picture_free(&pic);
    free(names);
    free(futures);
    free(tasks);
}

/* ------------------------------------------------------------------ controls */

static void press(SDL_Keycode key, Uint16 mod) {
    SDL_Event e = {.type = SDL_KEYDOWN};
    e.key.keysym.sym = key;
    e.key.keysym.mod = mod;
    app_event(app, &gfx, &e, 0);
}

Test(render, keys_step_play_and_switch_the_presentation) {
    open_default();
    show(0);
    press(SDLK_RIGHT, KMOD_NONE);
    cr_expect_eq(app->step, 1, "→ takes one step");
    press(SDLK_PAGEDOWN, KMOD_NONE);
    cr_expect_eq(app->step, 2, "PageDown (presenter remotes) too");
    press(SDLK_LEFT, KMOD_NONE);
    cr_expect_eq(app->step, 1, "← goes back");
    press(SDLK_RIGHT, KMOD_CTRL);
    LsEvent ev;
    cr_assert(ls_trace_get(app->trace, app->step - 1, &ev));
    cr_expect_eq(ev.kind, LS_EV_ITERATION, "Ctrl+→ stops at a loop iteration");
    press(SDLK_DOWN, KMOD_NONE);
    cr_expect_eq(app->granularity, LS_STEP_LINE, "↓ cycles the granularity");
    press(SDLK_END, KMOD_NONE);
    cr_expect_eq(app->step, app->nevents);
    press(SDLK_HOME, KMOD_NONE);
    cr_expect_eq(app->step, 0);
    press(SDLK_SPACE, KMOD_NONE);
    cr_expect(app->playing);
    press(SDLK_EQUALS, KMOD_SHIFT);
    cr_expect_float_eq(app_speed(app), 2.0f, 1e-6, "+ plays faster");
    press(SDLK_l, KMOD_NONE);
    cr_expect_eq(app->opt.lang, LANG_ZH);
    press(SDLK_t, KMOD_NONE);
    cr_expect_eq(app->opt.theme, THEME_LIGHT);
    press(SDLK_d, KMOD_NONE);
    cr_expect_eq(app->opt.detail, DETAIL_TASKS);
    press(SDLK_EQUALS, KMOD_CTRL);
    cr_expect_float_eq(app->opt.zoom, 1.1f, 1e-4, "Ctrl+= zooms");
    press(SDLK_F1, KMOD_NONE);
    cr_expect_eq(app->overlay, OVERLAY_HELP);
    app_draw(app, &gfx, 0);
    press(SDLK_ESCAPE, KMOD_NONE);
    cr_expect_eq(app->overlay, OVERLAY_NONE);
    press(SDLK_f, KMOD_NONE);
    cr_expect(app->opt.fullscreen);
    press(SDLK_ESCAPE, KMOD_NONE);
    cr_expect(!app->opt.fullscreen, "Esc leaves fullscreen");
}

Test(render, event_log_jumps_to_the_chosen_event) {
    open_default();
    show(20);
    press(SDLK_e, KMOD_NONE);
    cr_assert_eq(app->overlay, OVERLAY_EVENT_LOG);
    cr_expect_geq(app->nlog_rows, 20);
    app_draw(app, &gfx, 0);
    press(SDLK_UP, KMOD_NONE);
    press(SDLK_UP, KMOD_NONE);
    press(SDLK_RETURN, KMOD_NONE);
    cr_expect_eq(app->overlay, OVERLAY_NONE);
    cr_expect_eq(app->step, 18, "two rows up from the event that led to step 20");
}

Test(render, clicking_a_task_highlights_it_and_opens_the_inspector) {
    open_default();
    cr_assert_gt(first_step(all_waiting), 0);
    const Item *task = NULL;
    for (int i = 0; i < app->target.n && task == NULL; i++) {
        task = app->target.items[i].kind == IT_TASK ? &app->target.items[i] : NULL;
    }
    cr_assert_not_null(task);
    uint32_t id = task->task;
    SDL_Event e = {.type = SDL_MOUSEBUTTONDOWN};
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = (int)(task->box.x + task->box.w / 2);
    e.button.y = (int)(task->box.y + task->box.h / 2);
    app_event(app, &gfx, &e, 0);
    cr_expect_eq(app->sel_task, id);
    app_draw(app, &gfx, 0);
    View v = {.pic = &app->pic, .sel_task = id};
    const Item *f = scene_find(&app->target, SCENE_KEY(K_FUTURE, task->arrow_to));
    cr_assert_not_null(f);
    cr_expect(view_related(&v, f), "the awaited future stands out with its task");
    app_event(app, &gfx, &e, 0);
    cr_expect_eq(app->sel_task, 0, "a second click lets go");
}

Test(render, ctrl_c_delivers_a_keyboard_interrupt_here) {
    open_only(
        "import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(1)\n\n"
        "asyncio.run(main())\n",
        THEME_DARK, LANG_EN, DETAIL_LOOP);
    show(40);
    press(SDLK_c, KMOD_CTRL);
    cr_expect_eq(app->step, 40, "the picture stays where it was");
    bool interrupted = false;
    for (int i = 0; i < 2000 && !interrupted; i++) {
        press(SDLK_RIGHT, KMOD_NONE);
        interrupted = app->pic.has_last && app->pic.last.kind == LS_EV_INTERRUPT;
    }
    cr_expect(interrupted, "stepping on reaches the interrupt");
    for (int i = 0; i < 50 && !app->pic.ended; i++) {
        press(SDLK_END, KMOD_NONE); /* the end moves as the trace runs ahead */
    }
    cr_expect(app->pic.ended);
    bool traceback = false;
    for (size_t i = 0; i < app->pic.nlines; i++) {
        traceback |= strstr(app->pic.lines[i].text, "KeyboardInterrupt") != NULL;
    }
    cr_expect(traceback, "the console ends with the KeyboardInterrupt traceback");
}

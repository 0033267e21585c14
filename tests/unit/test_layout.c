/*
 * test_layout.c - the window's regions (app/layout.c): they tile the window without
 * overlapping, type stays large enough for a classroom at 1280x720, and everything scales
 * with high-DPI drawables and zoom.
 */
#include <criterion/criterion.h>

#include "layout.h"

/* Whether two boxes share any area. */
static bool overlap(Box a, Box b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static bool inside(Box inner, Box outer) {
    return inner.x >= outer.x - 0.01f && inner.y >= outer.y - 0.01f &&
           inner.x + inner.w <= outer.x + outer.w + 0.01f &&
           inner.y + inner.h <= outer.y + outer.h + 0.01f;
}

static void check_regions_tile(int w, int h, float zoom) {
    Layout l;
    layout_compute(&l, w, h, zoom, DETAIL_LOOP);
    Box window = {0, 0, (float)w, (float)h};
    Box regions[] = {l.title, l.source, l.console, l.loop, l.narration, l.timeline};
    const char *names[] = {"title", "source", "console", "loop", "narration", "timeline"};
    int n = (int)(sizeof regions / sizeof *regions);
    for (int i = 0; i < n; i++) {
        cr_expect(inside(regions[i], window), "%s is inside the %dx%d window", names[i], w, h);
        cr_expect_gt(regions[i].w, 0, "%s has a width", names[i]);
        cr_expect_gt(regions[i].h, 0, "%s has a height", names[i]);
        for (int j = i + 1; j < n; j++) {
            cr_expect(!overlap(regions[i], regions[j]), "%s and %s overlap at %dx%d", names[i],
                      names[j], w, h);
        }
    }
}

Test(layout, regions_tile_the_window_without_overlap) {
    check_regions_tile(1280, 720, 1);
    check_regions_tile(1920, 1080, 1);
    check_regions_tile(3840, 2160, 1);
    check_regions_tile(1024, 768, 1);
    check_regions_tile(1280, 720, 1.5f);
}

Test(layout, event_loop_boxes_stay_inside_their_panel) {
    for (int detail = DETAIL_LOOP; detail <= DETAIL_TASKS; detail++) {
        Layout l;
        layout_compute(&l, 1280, 720, 1, (Detail)detail);
        Box inner[] = {l.running, l.ready, l.waiting, l.futures, l.timers, l.finished};
        for (size_t i = 0; i < sizeof inner / sizeof *inner; i++) {
            cr_expect(inside(inner[i], l.loop), "box %zu inside the loop panel (detail %d)", i,
                      detail);
        }
        cr_expect(!overlap(l.running, l.ready), "running and ready side by side");
        cr_expect(!overlap(l.waiting, l.futures), "waiting and futures side by side");
        cr_expect_lt(l.waiting.x + l.waiting.w, l.futures.x, "room for arrows between them");
        cr_expect(!overlap(l.waiting, l.finished), "waiting above finished");
    }
}

Test(layout, story_level_gives_the_timers_row_to_the_tasks) {
    Layout loop, story;
    layout_compute(&loop, 1280, 720, 1, DETAIL_LOOP);
    layout_compute(&story, 1280, 720, 1, DETAIL_TASKS);
    cr_expect_gt(loop.timers.h, 0);
    cr_expect_eq(story.timers.h, 0);
    cr_expect_gt(story.waiting.h, loop.waiting.h, "the story has more room for tasks");
}

Test(layout, type_is_large_enough_for_a_classroom_at_720p) {
    Layout l;
    layout_compute(&l, 1280, 720, 1, DETAIL_LOOP);
    cr_expect_geq(l.px_body, 17, "body text %d px", l.px_body);
    cr_expect_geq(l.px_code, 16, "code %d px", l.px_code);
    cr_expect_geq(l.px_narration, 20, "narration %d px", l.px_narration);
    cr_expect_geq(l.px_small, 14, "small text %d px", l.px_small);
}

Test(layout, high_dpi_drawable_doubles_everything) {
    Layout one, two;
    layout_compute(&one, 1280, 720, 1, DETAIL_LOOP);
    layout_compute(&two, 2560, 1440, 1, DETAIL_LOOP);
    cr_expect_float_eq(two.s, 2 * one.s, 1e-6);
    cr_expect_eq(two.px_body, 2 * one.px_body);
    cr_expect_float_eq(two.loop.w, 2 * one.loop.w, 2.0);
}

Test(layout, zoom_grows_type_but_not_the_window) {
    Layout normal, zoomed;
    layout_compute(&normal, 1280, 720, 1, DETAIL_LOOP);
    layout_compute(&zoomed, 1280, 720, 1.5f, DETAIL_LOOP);
    cr_expect_gt(zoomed.px_body, normal.px_body);
    cr_expect_float_eq(zoomed.timeline.y + zoomed.timeline.h, normal.timeline.y + normal.timeline.h,
                       40.0, "the timeline stays at the bottom");
}

Test(layout, box_contains_is_half_open) {
    Box b = {10, 20, 30, 40};
    cr_expect(box_contains(b, 10, 20));
    cr_expect(box_contains(b, 39.9f, 59.9f));
    cr_expect(!box_contains(b, 40, 30), "the right edge belongs to the next box");
    cr_expect(!box_contains(b, 9.9f, 30));
}

/*
 * views.h - the regions of the window, each drawn from a read-only View.
 *
 * Views only draw: they read the blended scene, the picture and the settings, and never
 * change them (STYLE.md rule 13). Every view takes the View first. They draw through gfx.h
 * only. Not for: input or state changes (app.c), positions (layout.c, scene.c).
 */
#ifndef LS_VIEWS_H
#define LS_VIEWS_H

#include <stdbool.h>
#include <stddef.h>

#include "gfx.h"
#include "i18n.h"
#include "layout.h"
#include "meta.h"
#include "picture.h"
#include "scene.h"
#include "syntax.h"
#include "theme.h"
#include "timeline.h"

/* Everything a view may read to draw one frame. */
typedef struct {
    Gfx *gfx;
    const Theme *theme;
    const Layout *layout;
    Lang lang;
    Detail detail;
    const Scene *scene;  /* the blended scene: items where they are this frame */
    const Scene *target; /* the step's own scene: console and narration rows */
    const Picture *pic;  /* the step shown */
    const Meta *meta;
    const Code *code;
    const char *error;   /* a diagnostic that stopped the program from starting, or NULL */
    float t;             /* animation progress, 0..1 (1: at rest) */
    uint32_t sel_task;   /* the clicked task (0: none): it and what relates to it stand out */
    uint32_t sel_future; /* the clicked future (0: none) */
    uint64_t hover;      /* the item under the pointer (0: none) */
    double now;          /* seconds, for gentle pulses */
} View;

/* What the title bar says. */
typedef struct {
    const char *title;
    const char *file;
    size_t step, nsteps;
    bool nsteps_final; /* false: the trace is still growing ("n+") */
    LsGranularity granularity;
    bool playing;
    float speed; /* steps per second */
    bool predict;
} TitleInfo;

/* An overlay on top of everything. */
typedef enum {
    OVERLAY_NONE,
    OVERLAY_HELP,
    OVERLAY_EVENT_LOG,
    OVERLAY_PICKER,
} Overlay;

/* A list shown by an overlay (event log rows, scenario names), with the selected row. */
typedef struct {
    const char *const *rows;
    int nrows;
    int first;    /* first row shown */
    int selected; /* highlighted row, -1 none */
} ListInfo;

/* view_common.c */
void view_panel(const View *v, Box box, const char *title, const char *note);
bool view_related(const View *v, const Item *it);
float view_dim(const View *v, const Item *it);
void view_task_mark(const View *v, int colour, float cx, float cy, float r, float alpha);
void view_state_icon(const View *v, int state, bool failed, float cx, float cy, float r);

/* view_chrome.c: title bar, narration, timeline */
void view_title(const View *v, const TitleInfo *info);
void view_narration(const View *v);
void view_timeline(const View *v, const Timeline *tl, size_t step, bool ended);
/* The scrubber's track inside the timeline region (for clicks and drags). */
Box view_timeline_track(const Layout *layout);

/* view_source.c */
void view_source(const View *v, const char *file);

/* view_loop.c */
void view_loop(const View *v);

/* view_console.c */
void view_console(const View *v);

/* view_overlay.c */
void view_tooltip(const View *v, float x, float y, const char *text);
void view_inspector(const View *v);
void view_predict(const View *v);
void view_toast(const View *v, const char *text, float alpha);
void view_help(const View *v);
void view_list(const View *v, const char *title, const ListInfo *list);

/* Rows of the overlays' lists for hit-testing: the box of row i as drawn by view_list. */
Box view_list_row(const Layout *layout, int i);
int view_list_capacity(const Layout *layout);

#endif

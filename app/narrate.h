/*
 * narrate.h - one or two sentences on what the last step did and why, in either language.
 *
 * The scenario's own `#| say:` text for the running statement comes first when there is
 * one; otherwise a sentence is generated from the event that led to the step ("Task-2
 * awaits Future #5 and is suspended; control returns to the event loop.").
 * Not for: drawing the narration (view_narration.c).
 */
#ifndef LS_NARRATE_H
#define LS_NARRATE_H

#include <stddef.h>

#include "i18n.h"
#include "meta.h"
#include "picture.h"

/*
 * Writes the generated sentence for the step shown by `cur` into `out`. `prev` is the
 * picture of the step before (for what just finished; may be NULL) and `meta` gives the
 * source lines quoted in sentences (may be NULL).
 */
void narrate_event(char *out, size_t cap, Lang lang, const Picture *cur, const Picture *prev,
                   const Meta *meta);

#endif

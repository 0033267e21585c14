/*
 * meta.h - a scenario's lines and the `#|` metadata the window shows (SCENARIOS.md).
 *
 * Reads only what the window needs: the title and summary in both languages, which lines
 * are `#|` lines (hidden or dimmed in the source region), and the `#| say:` narration
 * attached to the statement that follows it. Unknown keys are ignored here; reporting them
 * is the scenario loader's job. Not for: running or parsing Python.
 */
#ifndef LS_META_H
#define LS_META_H

#include <stdbool.h>
#include <stddef.h>

#include "i18n.h"

/* One line of the scenario. */
typedef struct {
    const char *text;      /* borrowed from the source, not NUL-terminated */
    int len;               /* bytes, without the newline */
    bool meta;             /* a `#|` line */
    char *say[LANG_COUNT]; /* narration for the statement on this line (owned), or NULL */
} MetaLine;

/* The scenario's metadata and lines; the source text must outlive it. */
typedef struct {
    char *title[LANG_COUNT];   /* owned, or NULL */
    char *summary[LANG_COUNT]; /* owned, or NULL */
    MetaLine *lines;           /* owned array */
    int nlines;
    int *row_of_line; /* [nlines + 1]: the row a line shows on (`#|` lines: the next row) */
    int *line_of_row; /* [nrows]: 1-based line shown on each row */
    int nrows;        /* rows of the source region: the lines that are not `#|` lines */
} Meta;

/* Splits `source` into lines and reads its `#|` metadata. */
void meta_parse(Meta *meta, const char *source, size_t length);
void meta_free(Meta *meta);

/* The title in `lang`, else in the other language, else NULL. */
const char *meta_title(const Meta *meta, Lang lang);
/* The `say` narration for line `line` (1-based) in `lang` (falling back), or NULL. */
const char *meta_say(const Meta *meta, int line, Lang lang);

#endif

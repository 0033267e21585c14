/*
 * syntax.h - colours Python source line by line for the source region.
 *
 * A small highlighter, not a tokenizer: keywords, built-ins, strings (triple-quoted ones
 * carry over lines through `state`), numbers, comments, the name after def/class, and `#|`
 * lines. Not for: anything that must be right about Python (the engine's lexer is).
 */
#ifndef LS_SYNTAX_H
#define LS_SYNTAX_H

#include "pool.h"
#include "meta.h"

/* Colour classes, indexing Theme.code. */
typedef enum {
    SYN_PLAIN,
    SYN_KEYWORD,
    SYN_BUILTIN,
    SYN_STRING,
    SYN_NUMBER,
    SYN_COMMENT,
    SYN_DEF,
    SYN_META,
    SYN_COUNT
} SynClass;

/* A stretch of one line in one class. */
typedef struct {
    int start, len; /* bytes in the line */
    SynClass cls;
} SynSpan;

/*
 * Splits one line into spans (at most `max`; the rest joins the last span). `state` is 0
 * at the start of the file and is updated for the next line (inside a ''' or """ string).
 * Returns the number of spans.
 */
int syntax_line(const char *text, int len, int *state, SynSpan *spans, int max);

/* A highlighted piece of a row, as a NUL-terminated string (tabs expanded). */
typedef struct {
    char *text;
    SynClass cls;
} CodePiece;

/* One row of the source region: a line that is not a `#|` line. */
typedef struct {
    CodePiece *pieces;
    int npieces;
    int line; /* 1-based line number */
} CodeRow;

/* The whole scenario, highlighted once when it is loaded. */
typedef struct {
    Pool pool;
    CodeRow *rows; /* meta->nrows rows */
    int nrows;
} Code;

/* Highlights every row of `meta` (its source must outlive nothing: pieces are copied). */
void code_build(Code *code, const Meta *meta);
void code_free(Code *code);

#endif

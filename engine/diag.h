/*
 * diag.h - diagnostics about the program's text: syntax errors (CPython's messages and
 * positions) and constructs outside loopscope's subset. A diagnostic is data; printing it
 * is diag_format's job.
 *
 * Not for: runtime exceptions (those are Python exception values, see object.h).
 */
#ifndef LS_DIAG_H
#define LS_DIAG_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    DIAG_NONE,
    DIAG_SYNTAX,      /* SyntaxError */
    DIAG_INDENT,      /* IndentationError */
    DIAG_TAB,         /* TabError */
    DIAG_UNSUPPORTED, /* outside the subset: "FILE:LINE:COL: X is not supported by loopscope" */
} DiagKind;

typedef struct {
    DiagKind kind;
    int line;          /* 1-based */
    int col;           /* 1-based, in characters (code points), as CPython's SyntaxError.offset */
    int end_line;      /* CPython's end_lineno; equal to line when unknown */
    int end_col;       /* CPython's end_offset (exclusive, 1-based); 0 when unknown */
    char message[256]; /* CPython's message, e.g. "expected ':'"; for DIAG_UNSUPPORTED the
                          construct, e.g. "the 'match' statement" */
} Diag;

/*
 * Writes the diagnostic as CPython does to `out` (a NUL-terminated string, truncated to
 * `cap`):
 *   File "x.py", line 3
 *     if x
 *         ^
 *   SyntaxError: expected ':'
 * or, for DIAG_UNSUPPORTED, "x.py:3:5: the 'match' statement is not supported by loopscope"
 * followed by the line and a caret. Returns the full length, like snprintf: the output was
 * truncated when the result is >= cap (call again with a buffer of result + 1 bytes).
 */
size_t diag_format(const Diag *d, const char *filename, const char *source, size_t source_len,
                   char *out, size_t cap);

/* The exception class name CPython prints for the diagnostic ("SyntaxError", ...). */
const char *diag_kind_name(DiagKind kind);

#endif

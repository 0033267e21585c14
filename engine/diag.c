/*
 * diag.c - prints diagnostics: syntax errors exactly as CPython 3.11 prints them for a
 * script (pythonrun.c's print_exception and print_error_text), and constructs outside
 * loopscope's subset as "FILE:LINE:COL: X is not supported by loopscope" with a caret.
 *
 * Not for: finding errors (lexer.c, parser.c) or runtime tracebacks (the VM's job).
 */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *diag_kind_name(DiagKind kind) {
    switch (kind) {
    case DIAG_SYNTAX:
        return "SyntaxError";
    case DIAG_INDENT:
        return "IndentationError";
    case DIAG_TAB:
        return "TabError";
    case DIAG_UNSUPPORTED:
        return "UnsupportedError";
    default:
        return "";
    }
}

/* Output that never overflows: text beyond cap is dropped, the length still counts. */
typedef struct {
    char *s;
    size_t cap, len;
} Out;

static void out_put(Out *o, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++, o->len++)
        if (o->len + 1 < o->cap)
            o->s[o->len] = s[i];
    if (o->cap)
        o->s[o->len < o->cap ? o->len : o->cap - 1] = '\0';
}

static void out_printf(Out *o, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    out_put(o, buf, n < 0 ? 0 : (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

static void out_repeat(Out *o, char c, long n) {
    for (long i = 0; i < n; i++)
        out_put(o, &c, 1);
}

/* Finds line `line` (1-based) of the source: start and length without the newline; the
 * length counts the newline in *size_with_nl (CPython's line_size includes it). */
static bool find_line(const char *src, size_t len, int line, size_t *start, size_t *n,
                      size_t *size_with_nl) {
    size_t i = 0;
    for (int l = 1; l < line; l++) {
        const char *nl = memchr(src + i, '\n', len - i);
        if (!nl)
            return false;
        i = (size_t)(nl - src) + 1;
    }
    if (i >= len && line > 1)
        return false;
    size_t e = i;
    while (e < len && src[e] != '\n')
        e++;
    *start = i;
    *n = e > i && src[e - 1] == '\r' ? e - i - 1 : e - i;
    *size_with_nl = *n + (e < len ? 1 : 0);
    return true;
}

/* pythonrun.c's print_error_text: the line without its indentation, then carets from
 * offset to end_offset (1-based byte offsets into the line, as CPython uses them). */
static void error_text(Out *o, const char *text, size_t n, size_t line_size, long offset,
                       long end_offset, int line, int end_line) {
    if (end_line > line)
        end_offset = (long)line_size;
    if (end_offset > (long)line_size + 1)
        end_offset = (long)line_size + 1;
    long carets = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    offset--;
    while (n > 0 && (*text == ' ' || *text == '\t' || *text == '\f')) {
        text++, n--;
        offset--;
    }
    if (offset > (long)n)
        offset = (long)n;
    out_put(o, "    ", 4);
    out_put(o, text, n);
    out_put(o, "\n", 1);
    if (offset < 0)
        return;
    out_put(o, "    ", 4);
    out_repeat(o, ' ', offset);
    out_repeat(o, '^', carets);
    out_put(o, "\n", 1);
}

/* Code points in the first `bytes` bytes of s. */
static int char_column(const char *s, size_t bytes) {
    int n = 0;
    for (size_t i = 0; i < bytes; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* "FILE:LINE:COL: X is not supported by loopscope", the line, and a caret under COL. */
static void unsupported(Out *o, const Diag *d, const char *filename, const char *src, size_t len) {
    size_t start = 0, n = 0, size = 0;
    bool have = find_line(src, len, d->line, &start, &n, &size);
    size_t byte_col = d->col > 0 ? (size_t)d->col - 1 : 0;
    if (byte_col > n)
        byte_col = n;
    int col = have ? char_column(src + start, byte_col) + 1 : d->col;
    out_printf(o, "%s:%d:%d: %s is not supported by loopscope\n", filename, d->line, col,
               d->message);
    if (!have)
        return;
    out_put(o, "    ", 4);
    out_put(o, src + start, n);
    out_put(o, "\n    ", 5);
    for (size_t i = 0; i < byte_col; i++)
        if (((unsigned char)src[start + i] & 0xC0) != 0x80)
            out_put(o, src[start + i] == '\t' ? "\t" : " ", 1);
    out_put(o, "^\n", 2);
}

size_t diag_format(const Diag *d, const char *filename, const char *source, size_t source_len,
                   char *out, size_t cap) {
    Out o = {out, cap, 0};
    if (cap)
        out[0] = '\0';
    if (d->kind == DIAG_NONE)
        return 0;
    if (d->kind == DIAG_UNSUPPORTED) {
        unsupported(&o, d, filename, source, source_len);
        return o.len;
    }
    out_printf(&o, "  File \"%s\", line %d\n", filename, d->line);
    size_t start, n, size;
    if (find_line(source, source_len, d->line, &start, &n, &size)) {
        /* CPython's SyntaxError subclasses carry no end position */
        long end = d->kind == DIAG_SYNTAX ? d->end_col : -1;
        int end_line = d->kind == DIAG_SYNTAX ? d->end_line : d->line;
        error_text(&o, source + start, n, size, d->col, end, d->line, end_line);
    }
    out_printf(&o, "%s: %s\n", diag_kind_name(d->kind), d->message);
    return o.len;
}

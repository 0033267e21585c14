/*
 * syntax.c - the highlighter of syntax.h.
 */
#include "syntax.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "pool.h"

static const char *const KEYWORDS[] = {
    "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
    "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
    "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield",    NULL};

static const char *const BUILTINS[] = {"print",
                                       "len",
                                       "range",
                                       "str",
                                       "int",
                                       "float",
                                       "list",
                                       "dict",
                                       "set",
                                       "tuple",
                                       "repr",
                                       "isinstance",
                                       "super",
                                       "object",
                                       "Exception",
                                       "ValueError",
                                       "KeyboardInterrupt",
                                       "StopIteration",
                                       "RuntimeError",
                                       "TypeError",
                                       "asyncio",
                                       "sorted",
                                       "enumerate",
                                       "zip",
                                       "min",
                                       "max",
                                       "sum",
                                       "abs",
                                       "type",
                                       "bool",
                                       "self",
                                       NULL};

static bool in_list(const char *const *list, const char *word, int len) {
    for (int i = 0; list[i] != NULL; i++) {
        if ((int)strlen(list[i]) == len && memcmp(list[i], word, (size_t)len) == 0) {
            return true;
        }
    }
    return false;
}

/* Adds a span, merging with the previous one of the same class. */
static void emit(SynSpan *spans, int *n, int max, int start, int len, SynClass cls) {
    if (len <= 0) {
        return;
    }
    if (*n > 0 && (spans[*n - 1].cls == cls || *n == max)) {
        spans[*n - 1].len = start + len - spans[*n - 1].start;
        return;
    }
    spans[(*n)++] = (SynSpan){start, len, cls};
}

/* The end of a string whose quote (1 or 3 chars of `q`) starts before `i`; len if open. */
static int string_end(const char *t, int len, int i, char q, bool triple, bool *closed) {
    while (i < len) {
        if (t[i] == '\\') {
            i += 2;
            continue;
        }
        if (t[i] == q && (!triple || (i + 2 < len && t[i + 1] == q && t[i + 2] == q))) {
            *closed = true;
            return i + (triple ? 3 : 1);
        }
        i++;
    }
    *closed = false;
    return len;
}

/* Length of the identifier at t[i]; bytes >= 0x80 count as letters (Unicode names). */
static int word_len(const char *t, int len, int i) {
    int j = i;
    while (j < len &&
           (isalnum((unsigned char)t[j]) || t[j] == '_' || (unsigned char)t[j] >= 0x80)) {
        j++;
    }
    return j - i;
}

/* A string prefix (r, b, f, rb ...) directly followed by a quote. */
static int prefix_len(const char *t, int len, int i) {
    int j = i;
    while (j < len && j - i < 2 && strchr("rRbBfFuU", t[j]) != NULL) {
        j++;
    }
    return (j < len && (t[j] == '\'' || t[j] == '"')) ? j - i : -1;
}

int syntax_line(const char *t, int len, int *state, SynSpan *spans, int max) {
    int n = 0, i = 0;
    bool after_def = false;
    if (*state != 0) { /* inside a triple-quoted string from an earlier line */
        bool closed;
        int end = string_end(t, len, 0, *state == 1 ? '\'' : '"', true, &closed);
        emit(spans, &n, max, 0, end, SYN_STRING);
        *state = closed ? 0 : *state;
        i = end;
    }
    int k = 0;
    while (k < len && (t[k] == ' ' || t[k] == '\t')) {
        k++;
    }
    if (i == 0 && k + 1 < len && t[k] == '#' && t[k + 1] == '|') {
        emit(spans, &n, max, 0, len, SYN_META);
        return n;
    }
    while (i < len) {
        char c = t[i];
        int p = isalpha((unsigned char)c) ? prefix_len(t, len, i) : -1;
        if (c == '#') {
            emit(spans, &n, max, i, len - i, SYN_COMMENT);
            break;
        }
        if (c == '\'' || c == '"' || p > 0) {
            int q = i + (p > 0 ? p : 0);
            bool triple = q + 2 < len && t[q + 1] == t[q] && t[q + 2] == t[q], closed;
            int end = string_end(t, len, q + (triple ? 3 : 1), t[q], triple, &closed);
            if (triple && !closed) {
                *state = t[q] == '\'' ? 1 : 2;
            }
            emit(spans, &n, max, i, end - i, SYN_STRING);
            i = end;
            continue;
        }
        if (isdigit((unsigned char)c)) {
            int j = i;
            while (j < len && (isalnum((unsigned char)t[j]) || t[j] == '.' || t[j] == '_')) {
                j++;
            }
            emit(spans, &n, max, i, j - i, SYN_NUMBER);
            i = j;
            continue;
        }
        int w = word_len(t, len, i);
        if (w > 0) {
            SynClass cls = after_def                     ? SYN_DEF
                           : in_list(KEYWORDS, t + i, w) ? SYN_KEYWORD
                           : in_list(BUILTINS, t + i, w) ? SYN_BUILTIN
                                                         : SYN_PLAIN;
            after_def = (w == 3 && memcmp(t + i, "def", 3) == 0) ||
                        (w == 5 && memcmp(t + i, "class", 5) == 0);
            emit(spans, &n, max, i, w, cls);
            i += w;
            continue;
        }
        emit(spans, &n, max, i, 1, SYN_PLAIN);
        i++;
    }
    return n;
}

/* Copies text[0..len) with tabs expanded to the next multiple of 4 columns. */
static char *expand_tabs(Pool *pool, const char *text, int len, int *column) {
    int tabs = 0;
    for (int i = 0; i < len; i++) {
        tabs += text[i] == '\t';
    }
    char *out = pool_alloc(pool, (size_t)len + (size_t)tabs * 4 + 1), *o = out;
    for (int i = 0; i < len; i++) {
        if (text[i] == '\t') {
            do {
                *o++ = ' ';
            } while (++*column % 4 != 0);
        } else if (text[i] != '\r') {
            *o++ = text[i];
            *column += ((unsigned char)text[i] & 0xC0) != 0x80;
        }
    }
    *o = '\0';
    return out;
}

void code_build(Code *code, const Meta *meta) {
    memset(code, 0, sizeof *code);
    code->nrows = meta->nrows;
    code->rows = pool_alloc(&code->pool, (size_t)meta->nrows * sizeof *code->rows + 1);
    int state = 0;
    for (int line = 1; line <= meta->nlines; line++) {
        const MetaLine *l = &meta->lines[line - 1];
        SynSpan spans[64];
        int n = syntax_line(l->text, l->len, &state, spans, 64);
        if (l->meta) {
            continue;
        }
        CodeRow *row = &code->rows[meta->row_of_line[line]];
        row->line = line;
        row->pieces = pool_alloc(&code->pool, (size_t)n * sizeof *row->pieces + 1);
        int column = 0;
        for (int i = 0; i < n; i++) {
            row->pieces[i].text =
                expand_tabs(&code->pool, l->text + spans[i].start, spans[i].len, &column);
            row->pieces[i].cls = spans[i].cls;
        }
        row->npieces = n;
    }
}

void code_free(Code *code) {
    pool_free(&code->pool);
    memset(code, 0, sizeof *code);
}

/*
 * parser_string.c - the meaning of string literals: prefixes, escapes, adjacent-literal
 * concatenation and f-strings (CPython 3.11's Parser/string_parser.c rules and messages),
 * producing an N_CONSTANT or an N_JOINEDSTR of N_CONSTANT and N_FORMATTEDVALUE parts.
 *
 * As in CPython 3.11, the parts of an f-string carry the position of the whole literal,
 * while the expressions inside carry their own (they are parsed from the file's text).
 *
 * Not for: finding where a literal ends (lexer.c) or parsing the expressions (parser.c).
 */
#include "parser_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A growing byte buffer for decoded text (malloc'd; copied into the arena when done). */
typedef struct {
    char *s;
    size_t len, cap;
} Text;

static void text_put(Text *t, const char *s, size_t n) {
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 64;
        while (cap < t->len + n + 1)
            cap *= 2;
        char *q = realloc(t->s, cap);
        if (!q) {
            fprintf(stderr, "%s:%d: out of memory\n", __FILE__, __LINE__);
            abort();
        }
        t->s = q;
        t->cap = cap;
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
}

/* Appends code point cp as UTF-8. */
static void text_cp(Text *t, unsigned cp) {
    char b[4];
    int n;
    if (cp < 0x80) {
        b[0] = (char)cp, n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6)), b[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12)), b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18)), b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), b[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    }
    text_put(t, b, (size_t)n);
}

/* One STRING token taken apart. */
typedef struct {
    const Token *tok;
    bool raw, fstring, bytes;
    size_t body, body_end; /* the text between the quotes */
} Literal;

/* What the literals being concatenated share. */
typedef struct {
    Parser *p;
    const Token *after; /* the token after the literals: where CPython reports errors */
    NodeList values;    /* JoinedStr parts so far */
    Text lit;           /* literal text not yet put in a Constant */
    int fields;         /* replacement fields seen (for positions) */
} Builder;

static Literal split_literal(Parser *p, const Token *t) {
    Literal l = {t, false, false, false, 0, 0};
    size_t i = t->start;
    for (; p->src[i] != '\'' && p->src[i] != '"'; i++) {
        char c = p->src[i];
        l.raw |= c == 'r' || c == 'R';
        l.fstring |= c == 'f' || c == 'F';
        l.bytes |= c == 'b' || c == 'B';
    }
    char q = p->src[i];
    int qn =
        (i + 2 < t->end && p->src[i + 1] == q && p->src[i + 2] == q && t->end - i >= 6) ? 3 : 1;
    l.body = i + (size_t)qn;
    l.body_end = t->end - (size_t)qn;
    return l;
}

/* An error at the token after the literals (RAISE_SYNTAX_ERROR in string_parser.c). */
static void string_error(Builder *b, const char *fmt, ...) {
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const Token *t = b->after;
    bool textless = t->kind == TOK_ENDMARKER || t->kind == TOK_DEDENT || t->kind == TOK_INDENT;
    bool f = b->p->in_fstring;
    b->p->in_fstring = false;
    if (textless)
        parser_error_at(b->p, DIAG_SYNTAX, t->line, t->col, t->line, -1, "%s", msg);
    else
        parser_error_at(b->p, DIAG_SYNTAX, t->line, t->col + 1, t->end_line, t->end_col + 1, "%s",
                        msg);
    b->p->in_fstring = f;
}

static int hexval(char c) {
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* \x, \u or \U with n hex digits at s[*i] (just after the letter). */
static bool hex_escape(Builder *b, const char *s, size_t *i, size_t end, int n, size_t esc,
                       size_t base, Text *out) {
    static const char *const names[] = {"", "", "\\xXX", "", "\\uXXXX", "", "", "", "\\UXXXXXXXX"};
    unsigned v = 0;
    int k = 0;
    for (; k < n && *i < end && hexval(s[*i]) >= 0; k++, (*i)++)
        v = v * 16 + (unsigned)hexval(s[*i]);
    if (k < n) {
        string_error(b,
                     "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                     "%d-%d: truncated %s escape",
                     (int)(esc - base), (int)(*i - 1 - base), names[n]);
        return false;
    }
    if (v > 0x10FFFF) {
        string_error(b,
                     "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                     "%d-%d: illegal Unicode character",
                     (int)(esc - base), (int)(*i - 1 - base));
        return false;
    }
    text_cp(out, v);
    return true;
}

/* Decodes s[from, end) with Python's escape sequences into out. Positions in messages are
 * relative to `base` (the start of the literal's body). */
static bool decode_escapes(Builder *b, const char *s, size_t from, size_t end, size_t base,
                           Text *out) {
    size_t i = from;
    while (i < end) {
        size_t run = i;
        while (i < end && s[i] != '\\')
            i++;
        text_put(out, s + run, i - run);
        if (i >= end)
            break;
        size_t esc = i++;
        char c = i < end ? s[i++] : '\\';
        static const char simple[] = "\n\\'\"abfnrtv";
        static const char value[] = "\0\\'\"\a\b\f\n\r\t\v";
        const char *k = c ? strchr(simple, c) : NULL;
        if (k && c != '\n') {
            text_put(out, &value[k - simple], 1);
        } else if (c == '\n') {
            /* backslash-newline: line continuation inside the literal */
        } else if (c >= '0' && c <= '7') {
            unsigned v = (unsigned)(c - '0');
            for (int n = 1; n < 3 && i < end && s[i] >= '0' && s[i] <= '7'; n++)
                v = v * 8 + (unsigned)(s[i++] - '0');
            text_cp(out, v);
        } else if (c == 'x' || c == 'u' || c == 'U') {
            if (!hex_escape(b, s, &i, end, c == 'x' ? 2 : c == 'u' ? 4 : 8, esc, base, out))
                return false;
        } else if (c == 'N') {
            parser_unsupported(b->p, b->after, "\\N{...} escapes");
            while (i < end && s[i - 1] != '}')
                i++;
        } else {
            text_put(out, s + esc, i - esc); /* unknown escapes stay as written */
        }
    }
    return true;
}

/* Literal text (raw or with escapes) into the builder's pending text. */
static bool add_literal(Builder *b, const Literal *l, size_t from, size_t end) {
    if (l->raw) {
        text_put(&b->lit, b->p->src + from, end - from);
        return true;
    }
    return decode_escapes(b, b->p->src, from, end, l->body, &b->lit);
}

/* Moves pending literal text into a Constant part. */
static void flush_literal(Builder *b, NodeList *values) {
    if (b->lit.len == 0)
        return;
    Node *c = arena_alloc(b->p->arena, sizeof *c);
    c->kind = N_CONSTANT;
    c->u.constant.kind = CONST_STR;
    c->u.constant.s = arena_strndup(b->p->arena, b->lit.s, b->lit.len);
    c->u.constant.len = b->lit.len;
    nodelist_push(b->p->arena, values, c);
    b->lit.len = 0;
}

static bool fstring_body(Builder *b, const Literal *l, size_t *i, size_t end, int level,
                         NodeList *values);

/* Where an f-string replacement field's expression ends (string_parser.c's
 * fstring_find_expr scan): skips nested brackets and strings. */
static bool find_expr_end(Builder *b, size_t *i, size_t end) {
    const char *s = b->p->src;
    char stack[200];
    int depth = 0;
    char quote = 0;
    int qsize = 0;
    for (; *i < end; (*i)++) {
        char ch = s[*i];
        if (ch == '\\')
            return string_error(b, "f-string expression part cannot include a backslash"), false;
        if (quote) {
            if (ch == quote &&
                (qsize == 1 || (*i + 2 < end && s[*i + 1] == quote && s[*i + 2] == quote))) {
                *i += (size_t)qsize - 1;
                quote = 0;
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            quote = ch;
            qsize = (*i + 2 < end && s[*i + 1] == ch && s[*i + 2] == ch) ? 3 : 1;
            *i += (size_t)qsize - 1;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= 200)
                return string_error(b, "f-string: too many nested parenthesis"), false;
            stack[depth++] = ch;
        } else if (ch == '#') {
            return string_error(b, "f-string expression part cannot include '#'"), false;
        } else if (depth == 0 && strchr("!:}=<>", ch)) {
            char next = *i + 1 < end ? s[*i + 1] : 0;
            if (next == '=' && strchr("!=<>", ch)) {
                (*i)++;
                continue;
            }
            if (ch != '<' && ch != '>')
                break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!depth)
                return string_error(b, "f-string: unmatched '%c'", ch), false;
            char open = stack[--depth];
            if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') ||
                  (open == '{' && ch == '}')))
                return string_error(b,
                                    "f-string: closing parenthesis '%c' does not match "
                                    "opening parenthesis '%c'",
                                    ch, open),
                       false;
        }
    }
    if (quote)
        return string_error(b, "f-string: unterminated string"), false;
    if (depth)
        return string_error(b, "f-string: unmatched '%c'", stack[depth - 1]), false;
    if (*i >= end)
        return string_error(b, "f-string: expecting '}'"), false;
    return true;
}

/* The part of a replacement field after its expression: '=', '!conv', ':spec', '}'. */
static bool field_tail(Builder *b, const Literal *l, size_t *i, size_t end, int level, Node *fv,
                       size_t expr_start) {
    const char *s = b->p->src;
    bool debug = false;
    if (s[*i] == '=') {
        for ((*i)++; *i < end && strchr(" \t\n\r\f\v", s[*i]); (*i)++)
            ;
        if (*i >= end)
            return string_error(b, "f-string: expecting '}'"), false;
        text_put(&b->lit, s + expr_start, *i - expr_start);
        debug = true;
    }
    if (s[*i] == '!') {
        if (++(*i) >= end)
            return string_error(b, "f-string: expecting '}'"), false;
        char conv = s[(*i)++];
        if (conv != 's' && conv != 'r' && conv != 'a')
            return string_error(b, "f-string: invalid conversion character: expected 's', "
                                   "'r', or 'a'"),
                   false;
        fv->u.formatted.conversion = conv;
    }
    if (*i < end && s[*i] == ':') {
        if (++(*i) >= end)
            return string_error(b, "f-string: expecting '}'"), false;
        Node *spec = arena_alloc(b->p->arena, sizeof *spec);
        spec->kind = N_JOINEDSTR;
        /* CPython 3.11 gives a format spec the position of its own literal token */
        spec->line = l->tok->line, spec->col = l->tok->col;
        spec->end_line = l->tok->end_line, spec->end_col = l->tok->end_col;
        Text saved = b->lit;
        b->lit = (Text){0};
        bool ok = fstring_body(b, l, i, end, level + 1, &spec->u.joined.values);
        if (ok)
            flush_literal(b, &spec->u.joined.values);
        free(b->lit.s);
        b->lit = saved;
        if (!ok)
            return false;
        fv->u.formatted.format_spec = spec;
    }
    if (*i >= end || s[*i] != '}')
        return string_error(b, "f-string: expecting '}'"), false;
    (*i)++;
    if (debug && !fv->u.formatted.format_spec && fv->u.formatted.conversion == -1)
        fv->u.formatted.conversion = 'r';
    return true;
}

/* A replacement field; *i is just after its '{'. */
static bool replacement_field(Builder *b, const Literal *l, size_t *i, size_t end, int level,
                              NodeList *values) {
    if (level >= 2)
        return string_error(b, "f-string: expressions nested too deeply"), false;
    size_t expr_start = *i;
    if (!find_expr_end(b, i, end))
        return false;
    size_t k = expr_start;
    while (k < *i && strchr(" \t\n\r\f\v", b->p->src[k]))
        k++;
    if (k == *i)
        return string_error(b, "f-string: empty expression not allowed"), false;
    Node *value = parser_fstring_expr(b->p, expr_start, *i, l->tok);
    if (!value)
        return false;
    Node *fv = arena_alloc(b->p->arena, sizeof *fv);
    fv->kind = N_FORMATTEDVALUE;
    fv->u.formatted.value = value;
    fv->u.formatted.conversion = -1;
    if (!field_tail(b, l, i, end, level, fv, expr_start))
        return false;
    flush_literal(b, values);
    nodelist_push(b->p->arena, values, fv);
    b->fields++;
    return true;
}

/* The text of an f-string (or of a format spec when level > 0) from *i: literal text with
 * '{{' and '}}', and replacement fields. A format spec ends at its closing '}'. */
static bool fstring_body(Builder *b, const Literal *l, size_t *i, size_t end, int level,
                         NodeList *values) {
    const char *s = b->p->src;
    while (*i < end) {
        size_t run = *i;
        while (*i < end && s[*i] != '{' && s[*i] != '}') {
            if (s[*i] == '\\' && !l->raw && *i + 1 < end && s[*i + 1] != '{' && s[*i + 1] != '}')
                (*i)++;
            (*i)++;
        }
        if (!add_literal(b, l, run, *i))
            return false;
        if (*i >= end)
            break;
        char ch = s[*i];
        if (level == 0 && *i + 1 < end && s[*i + 1] == ch) {
            text_put(&b->lit, &ch, 1);
            *i += 2;
            continue;
        }
        if (ch == '}') {
            if (level == 0)
                return string_error(b, "f-string: single '}' is not allowed"), false;
            return true;
        }
        (*i)++;
        if (!replacement_field(b, l, i, end, level, values))
            return false;
    }
    return true;
}

/* Gives every part of a JoinedStr the span `from` of the whole concatenation, as CPython
 * 3.11 does; a format spec keeps its token's span, and so does a spec that is only text. */
static void spread_position(Node *j, const Node *from) {
    bool text_only =
        j != from && j->u.joined.values.len == 1 && j->u.joined.values.items[0]->kind == N_CONSTANT;
    for (int k = 0; k < j->u.joined.values.len; k++) {
        Node *v = j->u.joined.values.items[k];
        const Node *pos = text_only ? j : from;
        v->line = pos->line, v->col = pos->col;
        v->end_line = pos->end_line, v->end_col = pos->end_col;
        if (v->kind == N_FORMATTEDVALUE && v->u.formatted.format_spec)
            spread_position(v->u.formatted.format_spec, from);
    }
}

/* Checks that literals are all bytes or all str, and notes bytes (outside the subset). */
static bool check_kinds(Builder *b, const Literal *lits, int n) {
    bool bytes = false, str = false;
    for (int k = 0; k < n; k++)
        if (lits[k].bytes)
            bytes = true;
        else
            str = true;
    if (bytes && str) {
        string_error(b, "cannot mix bytes and nonbytes literals");
        return false;
    }
    if (bytes)
        parser_unsupported(b->p, lits[0].tok, "bytes literals");
    return true;
}

/* Decodes each literal into the builder. Returns whether any was an f-string. */
static bool decode_all(Builder *b, const Literal *lits, int n, bool *any_f) {
    *any_f = false;
    for (int k = 0; k < n; k++) {
        size_t i = lits[k].body;
        *any_f |= lits[k].fstring;
        bool ok = lits[k].fstring ? fstring_body(b, &lits[k], &i, lits[k].body_end, 0, &b->values)
                                  : add_literal(b, &lits[k], lits[k].body, lits[k].body_end);
        if (!ok)
            return false;
    }
    return true;
}

Node *parser_strings(Parser *p, int first, int last) {
    int n = last - first + 1;
    Literal *lits = malloc((size_t)n * sizeof *lits);
    if (!lits) {
        fprintf(stderr, "%s:%d: out of memory\n", __FILE__, __LINE__);
        abort();
    }
    for (int k = 0; k < n; k++)
        lits[k] = split_literal(p, &p->tl.toks[first + k]);
    Builder b = {p, &p->tl.toks[last + 1 < p->tl.count ? last + 1 : last], {0}, {0}, 0};
    bool any_f = false;
    Node *node = NULL;
    if (check_kinds(&b, lits, n) && decode_all(&b, lits, n, &any_f)) {
        const Token *ft = &p->tl.toks[first], *lt = &p->tl.toks[last];
        node = arena_alloc(p->arena, sizeof *node);
        if (any_f) {
            flush_literal(&b, &b.values);
            node->kind = N_JOINEDSTR;
            node->u.joined.values = b.values;
        } else {
            node->kind = N_CONSTANT;
            node->u.constant.kind = CONST_STR;
            node->u.constant.s = arena_strndup(p->arena, b.lit.s ? b.lit.s : "", b.lit.len);
            node->u.constant.len = b.lit.len;
        }
        node->line = ft->line, node->col = ft->col;
        node->end_line = lt->end_line, node->end_col = lt->end_col;
        if (any_f)
            spread_position(node, node);
    }
    free(b.lit.s);
    free(lits);
    if (!node)
        p->failed = true;
    return node;
}

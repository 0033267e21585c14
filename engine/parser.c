/*
 * parser.c - recursive-descent parser from tokens to the tree of ast.h, following the rules
 * of CPython 3.11's Grammar/python.gram (each function carries the rule it parses).
 *
 * Errors: CPython parses twice, the second time with "invalid_" rules that name common
 * mistakes. This parser runs once and checks those invalid patterns where they can first
 * be recognized, with speculative parses (mark/reset) that never report; when no pattern
 * matches, "invalid syntax" goes to the furthest token looked at, as CPython's does.
 *
 * Not for: string and f-string decoding (parser_string.c), token rules (lexer.c), scopes and
 * semantic errors such as 'return' outside function (compiler.c).
 */
#include "parser_internal.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "object.h"

enum {
    MAX_DEPTH = 400, /* nesting of expressions and statements before giving up */
};

/* ================================================================== errors */

void parser_error_at(Parser *p, DiagKind kind, int line, int col, int end_line, int end_col,
                     const char *fmt, ...) {
    if (p->failed)
        return;
    p->failed = true;
    p->generic = false;
    Diag *d = p->diag;
    d->kind = kind;
    d->line = line;
    d->col = col;
    d->end_line = end_line;
    d->end_col = end_col;
    size_t n = p->in_fstring ? (size_t)snprintf(d->message, sizeof d->message, "f-string: ") : 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->message + n, sizeof d->message - n, fmt, ap);
    va_end(ap);
}

void parser_unsupported(Parser *p, const Token *t, const char *what) {
    Diag *d = &p->unsupported;
    if (d->kind != DIAG_NONE)
        return;
    d->kind = DIAG_UNSUPPORTED;
    d->line = t->line;
    d->col = t->col + 1;
    d->end_line = t->end_line;
    d->end_col = t->end_col + 1;
    snprintf(d->message, sizeof d->message, "%s", what);
}

/* Tokens without text (INDENT, DEDENT, ENDMARKER) report the tokenizer's column without
 * CPython's +1 and no end (pegen's col_offset == -1 case). */
static bool textless(const Token *t) {
    return t->kind == TOK_INDENT || t->kind == TOK_DEDENT || t->kind == TOK_ENDMARKER;
}

/* An error at token t (RAISE_SYNTAX_ERROR_KNOWN_LOCATION with a token). */
static void error_at_token(Parser *p, DiagKind kind, const Token *t, const char *fmt,
                           const char *arg) {
    if (textless(t))
        parser_error_at(p, kind, t->line, t->col, t->line, -1, fmt, arg);
    else
        parser_error_at(p, kind, t->line, t->col + 1, t->end_line, t->end_col + 1, fmt, arg);
}

/* The furthest token looked at: where CPython's argument-less RAISE_SYNTAX_ERROR points. */
static const Token *last_token(Parser *p) {
    return &p->tl.toks[p->fill > 0 ? p->fill - 1 : 0];
}

/* RAISE_SYNTAX_ERROR(msg): at the furthest token. */
static void error_last(Parser *p, DiagKind kind, const char *fmt, const char *arg) {
    error_at_token(p, kind, last_token(p), fmt, arg);
}

/* An error spanning nodes a..b (RAISE_SYNTAX_ERROR_KNOWN_RANGE). */
static void error_range(Parser *p, const Node *a, const Node *b, const char *fmt, const char *arg) {
    parser_error_at(p, DIAG_SYNTAX, a->line, a->col + 1, b->end_line, b->end_col + 1, fmt, arg);
}

static void error_node(Parser *p, const Node *a, const char *fmt, const char *arg) {
    error_range(p, a, a, fmt, arg);
}

/* An error from node a to the tokenizer's position (RAISE_SYNTAX_ERROR_STARTING_FROM). */
static void error_from(Parser *p, const Node *a, const char *msg) {
    const Token *t = last_token(p);
    int end = t->kind == TOK_NEWLINE ? t->col + 1 : textless(t) ? t->col : t->end_col;
    parser_error_at(p, DIAG_SYNTAX, a->line, a->col + 1, t->end_line, end, "%s", msg);
}

/* The generic error: "invalid syntax" at the furthest token (or CPython's special cases).
 * In the second pass it only stops the parse: CPython then reports the first pass's. */
static void *fail(Parser *p) {
    if (p->failed)
        return NULL;
    if (p->call_invalid) {
        p->failed = true;
        p->generic = true;
        return NULL;
    }
    const Token *t = last_token(p);
    if (t->kind == TOK_INDENT)
        error_at_token(p, DIAG_INDENT, t, "%s", "unexpected indent");
    else if (t->kind == TOK_DEDENT)
        error_at_token(p, DIAG_INDENT, t, "%s", "unexpected unindent");
    else
        error_at_token(p, DIAG_SYNTAX, t, "%s", "invalid syntax");
    p->generic = true;
    return NULL;
}

/* ================================================================== tokens */

/* The token k places ahead; looking at the tokenizer's error token reports its error. */
static const Token *look(Parser *p, int k) {
    int i = p->pos + k;
    if (i >= p->tl.count)
        i = p->tl.count - 1;
    if (i + 1 > p->fill)
        p->fill = i + 1;
    const Token *t = &p->tl.toks[i];
    if (t->kind == TOK_ERRORTOKEN && !p->failed && p->tl.soft.kind != DIAG_NONE) {
        bool f = p->in_fstring;
        p->in_fstring = false;
        const Diag *s = &p->tl.soft;
        parser_error_at(p, s->kind, s->line, s->col, s->end_line, s->end_col, "%s", s->message);
        p->in_fstring = f;
    }
    return t;
}

static const Token *peek(Parser *p) {
    return look(p, 0);
}

static bool at(Parser *p, TokKind k) {
    return peek(p)->kind == k;
}

static const Token *advance(Parser *p) {
    const Token *t = peek(p);
    if (p->pos < p->tl.count - 1)
        p->pos++;
    return t;
}

static const Token *accept(Parser *p, TokKind k) {
    return at(p, k) ? advance(p) : NULL;
}

/* The token just consumed. */
static const Token *prev(Parser *p) {
    return &p->tl.toks[p->pos > 0 ? p->pos - 1 : 0];
}

/* Is the current token the name `s` (soft keywords, print)? */
static bool at_name(Parser *p, const char *s) {
    const Token *t = peek(p);
    size_t n = strlen(s);
    return t->kind == TOK_NAME && t->end - t->start == n && memcmp(p->src + t->start, s, n) == 0;
}

/* A required token; otherwise the generic error. */
static const Token *expect(Parser *p, TokKind k) {
    const Token *t = accept(p, k);
    if (!t)
        fail(p);
    return t;
}

/* `&&'x'` in the grammar: a token that must follow, else "expected 'x'" at the token. */
static const Token *expect_forced(Parser *p, TokKind k) {
    const Token *t = accept(p, k);
    if (!t && !p->failed)
        error_at_token(p, DIAG_SYNTAX, peek(p), "expected '%s'", lex_kind_text(k));
    return t;
}

/* Saved parser state for speculative parsing (a PEG alternative that may fail). As in
 * CPython, the furthest token looked at is not rolled back. */
typedef struct {
    int pos;
    bool call_invalid;
    Diag diag;
    Diag unsupported;
} Mark;

static Mark mark(Parser *p) {
    return (Mark){p->pos, p->call_invalid, *p->diag, p->unsupported};
}

/* Goes back to m after a speculation that failed with the generic error. A specific error
 * (a tokenizer error reached, an "expected ':'") is not undone: in CPython it would end the
 * parse as well. Returns false in that case. */
static bool reset(Parser *p, const Mark *m) {
    p->call_invalid = m->call_invalid;
    if (p->failed && !p->generic)
        return false;
    p->pos = m->pos;
    p->unsupported = m->unsupported;
    *p->diag = m->diag;
    p->failed = false;
    p->generic = false;
    return true;
}

/* Runs a speculative parse without CPython's invalid_ checks (its *_without_invalid rules). */
static void no_invalid(Parser *p) {
    p->call_invalid = false;
}

/* ================================================================== nodes */

static Node *new_node(Parser *p, NodeKind kind, const Token *start) {
    Node *n = arena_alloc(p->arena, sizeof *n);
    n->kind = kind;
    n->line = start->line;
    n->col = start->col;
    n->end_line = start->end_line;
    n->end_col = start->end_col;
    return n;
}

/* Ends n at the last consumed token that has text (pegen's EXTRA skips NEWLINE, INDENT,
 * DEDENT and ENDMARKER). */
static Node *finish(Parser *p, Node *n) {
    int i = p->pos - 1;
    while (i > 0 && (p->tl.toks[i].kind == TOK_NEWLINE || textless(&p->tl.toks[i])))
        i--;
    const Token *t = &p->tl.toks[i > 0 ? i : 0];
    n->end_line = t->end_line;
    n->end_col = t->end_col;
    return n;
}

/* Index of the token that starts (or, with `end`, ends) at a node's position: tokens are
 * sorted by position, so a binary search. -1 if none. */
static int find_token(const Parser *p, int line, int col, bool end) {
    int lo = 0, hi = p->pos - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        const Token *t = &p->tl.toks[mid];
        int tl = end ? t->end_line : t->line, tc = end ? t->end_col : t->col;
        if (tl == line && tc == col && !textless(t) && t->kind != TOK_NEWLINE)
            return mid;
        if (tl < line || (tl == line && tc < col) || (tl == line && tc == col))
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

/* A node that starts where its first child `from` starts - including parentheses around
 * that child, as CPython's rules start at their first token: `(a) + b` starts at '('. */
static Node *new_node_at(Parser *p, NodeKind kind, const Node *from) {
    Node *n = arena_alloc(p->arena, sizeof *n);
    n->kind = kind;
    n->line = from->line;
    n->col = from->col;
    n->end_line = from->end_line;
    n->end_col = from->end_col;
    int i = find_token(p, from->line, from->col, false);
    int e = find_token(p, from->end_line, from->end_col, true);
    if (i < 0 || e < 0)
        return n;
    int k = 0;
    while (i - k - 1 >= 0 && p->tl.toks[i - k - 1].kind == TOK_LPAR && e + k + 1 < p->pos &&
           p->tl.toks[e + k + 1].kind == TOK_RPAR)
        k++;
    n->line = p->tl.toks[i - k].line;
    n->col = p->tl.toks[i - k].col;
    return n;
}

static const char *tok_text(Parser *p, const Token *t) {
    return arena_strndup(p->arena, p->src + t->start, t->end - t->start);
}

static Node *name_node(Parser *p, const Token *t, ExprCtx ctx) {
    Node *n = new_node(p, N_NAME, t);
    n->u.name.id = tok_text(p, t);
    n->u.name.ctx = ctx;
    return n;
}

static Node *constant(Parser *p, const Token *t, ConstKind kind) {
    Node *n = new_node(p, N_CONSTANT, t);
    n->u.constant.kind = kind;
    return n;
}

/* Records that the program nests deeper than MAX_DEPTH (at the next token); returns NULL. */
static Node *too_deep(Parser *p) {
    const Token *t = peek(p);
    parser_error_at(p, DIAG_UNSUPPORTED, t->line, t->col + 1, t->end_line, t->end_col + 1, "%s",
                    "nesting this deep");
    return NULL;
}

/* Guards recursion: deep nesting becomes a diagnostic instead of a stack overflow. */
static bool enter(Parser *p) {
    if (++p->depth > MAX_DEPTH) {
        too_deep(p);
        return false;
    }
    return !p->failed;
}

static Node *leave(Parser *p, Node *n) {
    p->depth--;
    return p->failed ? NULL : n;
}

/* CPython's _PyPegen_get_expr_name: what an expression is called in error messages. */
static const char *expr_name(const Node *e) {
    switch (e->kind) {
    case N_ATTRIBUTE:
        return "attribute";
    case N_SUBSCRIPT:
        return "subscript";
    case N_STARRED:
        return "starred";
    case N_NAME:
        return "name";
    case N_LIST:
        return "list";
    case N_TUPLE:
        return "tuple";
    case N_LAMBDA:
        return "lambda";
    case N_CALL:
        return "function call";
    case N_BOOLOP:
    case N_BINOP:
    case N_UNARYOP:
        return "expression";
    case N_GENERATOREXP:
        return "generator expression";
    case N_YIELD:
    case N_YIELDFROM:
        return "yield expression";
    case N_AWAIT:
        return "await expression";
    case N_LISTCOMP:
        return "list comprehension";
    case N_SETCOMP:
        return "set comprehension";
    case N_DICTCOMP:
        return "dict comprehension";
    case N_DICT:
        return "dict literal";
    case N_SET:
        return "set display";
    case N_JOINEDSTR:
    case N_FORMATTEDVALUE:
        return "f-string expression";
    case N_COMPARE:
        return "comparison";
    case N_IFEXP:
        return "conditional expression";
    case N_CONSTANT:
        switch (e->u.constant.kind) {
        case CONST_NONE:
            return "None";
        case CONST_TRUE:
            return "True";
        case CONST_FALSE:
            return "False";
        case CONST_ELLIPSIS:
            return "ellipsis";
        default:
            return "literal";
        }
    default:
        return "expression";
    }
}

typedef enum { STAR_TARGETS, DEL_TARGETS, FOR_TARGETS } TargetsType;

/* CPython's _PyPegen_get_invalid_target: the first part of e that cannot be assigned to. */
static const Node *invalid_target(const Node *e, TargetsType type) {
    if (!e)
        return NULL;
    switch (e->kind) {
    case N_LIST:
    case N_TUPLE:
        for (int i = 0; i < e->u.seq.elts.len; i++) {
            const Node *child = invalid_target(e->u.seq.elts.items[i], type);
            if (child)
                return child;
        }
        return NULL;
    case N_STARRED:
        return type == DEL_TARGETS ? e : invalid_target(e->u.starred.value, type);
    case N_COMPARE:
        if (type == FOR_TARGETS)
            return e->u.compare.ops[0] == CMPX_IN ? invalid_target(e->u.compare.left, type) : NULL;
        return e;
    case N_NAME:
    case N_SUBSCRIPT:
    case N_ATTRIBUTE:
        return NULL;
    default:
        return e;
    }
}

/* RAISE_SYNTAX_ERROR_INVALID_TARGET. Returns true if it reported. */
static bool report_invalid_target(Parser *p, const Node *e, TargetsType type) {
    const Node *bad = invalid_target(e, type);
    if (!bad)
        return false;
    error_node(p, bad, type == DEL_TARGETS ? "cannot delete %s" : "cannot assign to %s",
               expr_name(bad));
    return true;
}

/* Sets the context of a valid target (and its elements) to ctx. */
static void set_ctx(Node *e, ExprCtx ctx) {
    switch (e->kind) {
    case N_NAME:
        e->u.name.ctx = ctx;
        break;
    case N_ATTRIBUTE:
        e->u.attribute.ctx = ctx;
        break;
    case N_SUBSCRIPT:
        e->u.subscript.ctx = ctx;
        break;
    case N_STARRED:
        e->u.starred.ctx = ctx;
        set_ctx(e->u.starred.value, ctx);
        break;
    case N_LIST:
    case N_TUPLE:
        e->u.seq.ctx = ctx;
        for (int i = 0; i < e->u.seq.elts.len; i++)
            set_ctx(e->u.seq.elts.items[i], ctx);
        break;
    default:
        break;
    }
}

/* ================================================================== expressions */

static Node *expression(Parser *p);
static Node *named_expression(Parser *p);
static Node *star_expressions(Parser *p);
static Node *star_named_expression(Parser *p);
static Node *disjunction(Parser *p);
static Node *bitwise_or(Parser *p);
static Node *yield_expr(Parser *p);
static Node *lambdef(Parser *p);
static bool for_if_clauses(Parser *p, NodeList *out);
static Node *walrus(Parser *p);

/* Can a token of kind k begin an expression? */
static bool starts_expression(TokKind k) {
    switch (k) {
    case TOK_NAME:
    case TOK_NUMBER:
    case TOK_STRING:
    case TOK_LPAR:
    case TOK_LSQB:
    case TOK_LBRACE:
    case TOK_MINUS:
    case TOK_PLUS:
    case TOK_TILDE:
    case TOK_NOT:
    case TOK_LAMBDA:
    case TOK_AWAIT:
    case TOK_ELLIPSIS:
    case TOK_NONE:
    case TOK_TRUE:
    case TOK_FALSE:
        return true;
    default:
        return false;
    }
}

/* Parses the text of a NUMBER token into a constant (ints must fit in 64 bits). */
static Node *number(Parser *p, const Token *t) {
    Node *n = constant(p, t, CONST_INT);
    char buf[512];
    size_t k = 0;
    for (size_t i = t->start; i < t->end && k + 1 < sizeof buf; i++)
        if (p->src[i] != '_')
            buf[k++] = p->src[i];
    buf[k] = '\0';
    char last = buf[k - 1];
    bool radix = k > 1 && buf[0] == '0' && strchr("xXoObB", buf[1]);
    if (last == 'j' || last == 'J') {
        parser_unsupported(p, t, "complex numbers (imaginary literals)");
        return n;
    }
    if (!radix && strpbrk(buf, ".eE")) {
        n->u.constant.kind = CONST_FLOAT;
        n->u.constant.f = strtod(buf, NULL);
        return n;
    }
    int base = !radix ? 10 : strchr("xX", buf[1]) ? 16 : strchr("oO", buf[1]) ? 8 : 2;
    errno = 0;
    unsigned long long v = strtoull(radix ? buf + 2 : buf, NULL, base);
    if (errno == ERANGE || v > (unsigned long long)INT64_MAX || k + 1 >= sizeof buf)
        parser_unsupported(p, t, "integers beyond 64 bits");
    else
        n->u.constant.i = (int64_t)v;
    return n;
}

/* strings: STRING+ (adjacent literals are one constant or f-string) */
static Node *strings(Parser *p) {
    int first = p->pos;
    while (at(p, TOK_STRING))
        advance(p);
    if (p->failed)
        return NULL;
    return parser_strings(p, first, p->pos - 1);
}

static Node *tuple_or_list(Parser *p, NodeKind kind, const Token *open) {
    Node *n = new_node(p, kind, open);
    n->u.seq.ctx = CTX_LOAD;
    return n;
}

/* The elements after the first of a tuple, list or set: (',' star_named_expression)* [',']
 * up to the closing token. */
static bool more_elements(Parser *p, NodeList *elts, TokKind close) {
    while (accept(p, TOK_COMMA)) {
        if (at(p, close))
            break;
        Node *e = star_named_expression(p);
        if (!e)
            return false;
        nodelist_push(p->arena, elts, e);
    }
    return !p->failed;
}

/* The last expression of a comprehension (_PyPegen_get_last_comprehension_item). */
static const Node *last_comprehension_item(const NodeList *gens) {
    const Node *c = gens->items[gens->len - 1];
    const NodeList *ifs = &c->u.comprehension.ifs;
    return ifs->len ? ifs->items[ifs->len - 1] : c->u.comprehension.iter;
}

/* A comprehension after its element: kind is N_LISTCOMP, N_SETCOMP or N_GENERATOREXP.
 * invalid_comprehension: '[' '*' ... for_if_clauses is reported here (second pass). */
static Node *comprehension(Parser *p, NodeKind kind, const Token *open, Node *elt, TokKind close) {
    Node *n = new_node(p, kind, open);
    n->u.comp.elt = elt;
    if (!for_if_clauses(p, &n->u.comp.generators))
        return NULL;
    if (elt->kind == N_STARRED) {
        if (p->call_invalid)
            error_node(p, elt, "%s", "iterable unpacking cannot be used in comprehension");
        return fail(p);
    }
    if (!expect(p, close))
        return NULL;
    return finish(p, n);
}

/* invalid_comprehension's second and third forms: "[a, b for ...]" (second pass). */
static void check_comprehension_target(Parser *p, Node *first, TokKind close) {
    Mark m = mark(p);
    const Token *comma = accept(p, TOK_COMMA);
    if (!comma)
        return;
    Node *last = NULL;
    while (!at(p, TOK_FOR) && !at(p, TOK_ASYNC) && !at(p, close) && !p->failed) {
        if (!(last = star_named_expression(p)) || !accept(p, TOK_COMMA))
            break;
    }
    NodeList gens = {0};
    if (!p->failed && (at(p, TOK_FOR) || at(p, TOK_ASYNC)) && for_if_clauses(p, &gens)) {
        if (last)
            error_range(p, first, last, "%s",
                        "did you forget parentheses around the comprehension target?");
        else
            parser_error_at(p, DIAG_SYNTAX, first->line, first->col + 1, comma->end_line,
                            comma->end_col + 1, "%s",
                            "did you forget parentheses around the comprehension target?");
        return;
    }
    reset(p, &m);
}

/* tuple | group | genexp, after '(' (invalid_group in the second pass) */
static Node *paren_atom(Parser *p) {
    const Token *open = advance(p);
    if (accept(p, TOK_RPAR))
        return finish(p, tuple_or_list(p, N_TUPLE, open));
    if (at(p, TOK_YIELD)) {
        Node *y = yield_expr(p);
        return y && expect(p, TOK_RPAR) ? y : NULL;
    }
    if (p->call_invalid && at(p, TOK_DOUBLESTAR)) {
        const Token *t = advance(p);
        if (expression(p) && at(p, TOK_RPAR))
            error_at_token(p, DIAG_SYNTAX, t, "%s", "cannot use double starred expression here");
        return fail(p);
    }
    Node *first = star_named_expression(p);
    if (!first)
        return NULL;
    if (at(p, TOK_FOR) || at(p, TOK_ASYNC))
        return comprehension(p, N_GENERATOREXP, open, first, TOK_RPAR);
    if (accept(p, TOK_RPAR)) {
        if (first->kind != N_STARRED)
            return first;
        if (p->call_invalid)
            error_node(p, first, "%s", "cannot use starred expression here");
        return fail(p);
    }
    if (!at(p, TOK_COMMA))
        return fail(p);
    Node *t = tuple_or_list(p, N_TUPLE, open);
    nodelist_push(p->arena, &t->u.seq.elts, first);
    if (!more_elements(p, &t->u.seq.elts, TOK_RPAR) || !expect(p, TOK_RPAR))
        return NULL;
    return finish(p, t);
}

/* list: '[' [star_named_expressions] ']' | listcomp: '[' named_expression for_if_clauses ']' */
static Node *list_atom(Parser *p) {
    const Token *open = advance(p);
    Node *l = tuple_or_list(p, N_LIST, open);
    if (accept(p, TOK_RSQB))
        return finish(p, l);
    Node *first = star_named_expression(p);
    if (!first)
        return NULL;
    if (at(p, TOK_FOR) || at(p, TOK_ASYNC))
        return comprehension(p, N_LISTCOMP, open, first, TOK_RSQB);
    if (p->call_invalid)
        check_comprehension_target(p, first, TOK_RSQB);
    nodelist_push(p->arena, &l->u.seq.elts, first);
    if (!more_elements(p, &l->u.seq.elts, TOK_RSQB) || !expect(p, TOK_RSQB))
        return NULL;
    return finish(p, l);
}

/* invalid_kvpair / invalid_double_starred_kvpairs after a key (second pass). Returns true if
 * it reported. `later` tells whether pairs came before (the "':' expected" form). */
static bool check_kvpair(Parser *p, Node *key, bool later) {
    if (!at(p, TOK_COLON)) {
        if (later)
            parser_error_at(p, DIAG_SYNTAX, key->line, key->end_col, key->end_line, 0, "%s",
                            "':' expected after dictionary key");
        return later;
    }
    const Token *colon = peek(p);
    TokKind next = look(p, 1)->kind;
    if (next == TOK_STAR) {
        Mark m = mark(p);
        advance(p);
        const Token *star = advance(p);
        if (bitwise_or(p)) {
            Node at_star = {.line = star->line, .col = star->col};
            error_from(p, &at_star, "cannot use a starred expression in a dictionary value");
            return true;
        }
        return !reset(p, &m);
    }
    if (next == TOK_RBRACE || next == TOK_COMMA) {
        error_at_token(p, DIAG_SYNTAX, colon, "%s",
                       "expression expected after dictionary key and ':'");
        return true;
    }
    return false;
}

/* One dict item: '**' bitwise_or | expression ':' expression */
static bool dict_item(Parser *p, Node *d, bool later) {
    if (accept(p, TOK_DOUBLESTAR)) {
        Node *v = bitwise_or(p);
        if (!v)
            return false;
        nodelist_push(p->arena, &d->u.dict.keys, NULL);
        nodelist_push(p->arena, &d->u.dict.values, v);
        return true;
    }
    Node *k = expression(p);
    if (!k)
        return false;
    if (p->call_invalid && check_kvpair(p, k, later))
        return false;
    Node *v = expect(p, TOK_COLON) ? expression(p) : NULL;
    if (!v)
        return false;
    nodelist_push(p->arena, &d->u.dict.keys, k);
    nodelist_push(p->arena, &d->u.dict.values, v);
    return true;
}

/* dict: '{' [double_starred_kvpairs] '}' after the first key and ':' are known, or after
 * a first '**'. dictcomp: '{' kvpair for_if_clauses '}' */
static Node *dict_rest(Parser *p, const Token *open, Node *first_key) {
    Node *d = new_node(p, N_DICT, open);
    if (first_key) {
        if (p->call_invalid && check_kvpair(p, first_key, false))
            return NULL;
        Node *v = expect(p, TOK_COLON) ? expression(p) : NULL;
        if (!v)
            return NULL;
        if (at(p, TOK_FOR) || at(p, TOK_ASYNC)) {
            Node *c = new_node(p, N_DICTCOMP, open);
            c->u.comp.elt = first_key;
            c->u.comp.value = v;
            if (!for_if_clauses(p, &c->u.comp.generators) || !expect(p, TOK_RBRACE))
                return NULL;
            return finish(p, c);
        }
        nodelist_push(p->arena, &d->u.dict.keys, first_key);
        nodelist_push(p->arena, &d->u.dict.values, v);
    } else if (!dict_item(p, d, false)) {
        return NULL;
    }
    while (accept(p, TOK_COMMA) && !at(p, TOK_RBRACE))
        if (!dict_item(p, d, true))
            return NULL;
    return expect(p, TOK_RBRACE) ? finish(p, d) : NULL;
}

/* dict | set | dictcomp | setcomp, after '{' */
static Node *brace_atom(Parser *p) {
    const Token *open = advance(p);
    if (accept(p, TOK_RBRACE))
        return finish(p, new_node(p, N_DICT, open));
    if (at(p, TOK_DOUBLESTAR)) {
        if (p->call_invalid) {
            Mark m = mark(p);
            const Token *t = advance(p);
            NodeList gens = {0};
            if (bitwise_or(p) && (at(p, TOK_FOR) || at(p, TOK_ASYNC)) && for_if_clauses(p, &gens) &&
                at(p, TOK_RBRACE)) {
                error_at_token(p, DIAG_SYNTAX, t, "%s",
                               "dict unpacking cannot be used in dict comprehension");
                return NULL;
            }
            if (!reset(p, &m))
                return NULL;
        }
        return dict_rest(p, open, NULL);
    }
    Node *first = star_named_expression(p);
    if (!first)
        return NULL;
    if (at(p, TOK_COLON) && first->kind != N_STARRED)
        return dict_rest(p, open, first);
    if (p->call_invalid && first->kind != N_STARRED && check_kvpair(p, first, false))
        return NULL;
    if (at(p, TOK_FOR) || at(p, TOK_ASYNC))
        return comprehension(p, N_SETCOMP, open, first, TOK_RBRACE);
    if (p->call_invalid)
        check_comprehension_target(p, first, TOK_RBRACE);
    Node *s = new_node(p, N_SET, open);
    nodelist_push(p->arena, &s->u.seq.elts, first);
    if (!more_elements(p, &s->u.seq.elts, TOK_RBRACE) || !expect(p, TOK_RBRACE))
        return NULL;
    return finish(p, s);
}

/* atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | tuple | group | genexp | list
 *     | listcomp | dict | set | dictcomp | setcomp | '...' */
static Node *atom(Parser *p) {
    const Token *t = peek(p);
    switch (t->kind) {
    case TOK_NAME:
        return name_node(p, advance(p), CTX_LOAD);
    case TOK_TRUE:
        return constant(p, advance(p), CONST_TRUE);
    case TOK_FALSE:
        return constant(p, advance(p), CONST_FALSE);
    case TOK_NONE:
        return constant(p, advance(p), CONST_NONE);
    case TOK_ELLIPSIS:
        return constant(p, advance(p), CONST_ELLIPSIS);
    case TOK_NUMBER:
        return number(p, advance(p));
    case TOK_STRING:
        return strings(p);
    case TOK_LPAR:
        return paren_atom(p);
    case TOK_LSQB:
        return list_atom(p);
    case TOK_LBRACE:
        return brace_atom(p);
    default:
        return fail(p);
    }
}

/* ------------------------------------------------------------------ calls */

/* State of a call's argument list while it is parsed. */
typedef struct {
    Node *call;
    bool seen_keyword, seen_dstar;
    bool class_bases; /* a class's bases: no bare generator expression */
} Args;

/* The rest of an argument list after an error was found, so that CPython's
 * "positional argument follows keyword argument" points where its parser stopped. */
static void skip_arguments(Parser *p) {
    bool f = p->call_invalid;
    p->call_invalid = false;
    while (!p->failed && !at(p, TOK_RPAR)) {
        if (!accept(p, TOK_STAR))
            accept(p, TOK_DOUBLESTAR);
        if (at(p, TOK_NAME) && look(p, 1)->kind == TOK_EQUAL)
            advance(p), advance(p);
        if (!expression(p) || !accept(p, TOK_COMMA))
            break;
    }
    peek(p);
    p->failed = false;
    p->call_invalid = f;
}

/* kwarg: NAME '=' expression (invalid_kwarg for other left sides, second pass) */
static bool keyword_arg(Parser *p, Args *a) {
    const Token *name = advance(p);
    advance(p); /* '=' */
    Node *k = new_node(p, N_KEYWORD, name);
    k->u.keyword.arg = tok_text(p, name);
    if (!(k->u.keyword.value = expression(p)))
        return false;
    if (p->call_invalid && (at(p, TOK_FOR) || at(p, TOK_ASYNC))) {
        parser_error_at(p, DIAG_SYNTAX, name->line, name->col + 1, prev(p)->end_line,
                        name->end_col + 2, "%s",
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return false;
    }
    nodelist_push(p->arena, &a->call->u.call.keywords, finish(p, k));
    a->seen_keyword = true;
    return true;
}

/* Reports an expression used as a keyword's name: "f(a+1=2)" (invalid_kwarg). */
static bool bad_keyword(Parser *p, Node *e) {
    const Token *eq = peek(p);
    if (!p->call_invalid)
        return fail(p), false;
    if (e->kind == N_CONSTANT &&
        (e->u.constant.kind == CONST_TRUE || e->u.constant.kind == CONST_FALSE ||
         e->u.constant.kind == CONST_NONE)) {
        parser_error_at(p, DIAG_SYNTAX, e->line, e->col + 1, eq->end_line, eq->end_col + 1,
                        "cannot assign to %s", expr_name(e));
        return false;
    }
    parser_error_at(p, DIAG_SYNTAX, e->line, e->col + 1, eq->end_line, eq->end_col + 1, "%s",
                    "expression cannot contain assignment, perhaps you meant \"==\"?");
    return false;
}

/* A generator expression argument without its own parentheses: "f(x for x in y)". */
static Node *bare_genexp(Parser *p, Args *a, Node *elt, const Token *open) {
    Node *g = new_node(p, N_GENERATOREXP, open);
    g->u.comp.elt = elt;
    if (!for_if_clauses(p, &g->u.comp.generators))
        return NULL;
    bool alone =
        a->call->u.call.args.len == 0 && a->call->u.call.keywords.len == 0 && at(p, TOK_RPAR);
    if (!alone) {
        if (p->call_invalid)
            error_range(p, elt, last_comprehension_item(&g->u.comp.generators), "%s",
                        "Generator expression must be parenthesized");
        return fail(p);
    }
    g->end_line = peek(p)->end_line;
    g->end_col = peek(p)->end_col;
    return g;
}

/* One argument: '*' expression | '**' expression | kwarg | expression [genexp] */
static bool argument(Parser *p, Args *a, const Token *open) {
    const Token *t = peek(p);
    if (t->kind == TOK_STAR || t->kind == TOK_DOUBLESTAR) {
        advance(p);
        if (t->kind == TOK_STAR && a->seen_dstar) {
            if (p->call_invalid)
                error_at_token(p, DIAG_SYNTAX, t, "%s",
                               "iterable argument unpacking follows keyword argument unpacking");
            return fail(p), false;
        }
        Node *v = expression(p);
        if (!v)
            return false;
        Node *n = new_node(p, t->kind == TOK_STAR ? N_STARRED : N_KEYWORD, t);
        if (p->call_invalid && t->kind == TOK_STAR && (at(p, TOK_FOR) || at(p, TOK_ASYNC)) &&
            a->call->u.call.args.len == 0 && a->call->u.call.keywords.len == 0) {
            error_node(p, finish(p, n), "%s", "iterable unpacking cannot be used in comprehension");
            return false;
        }
        if (t->kind == TOK_STAR) {
            n->u.starred.value = v;
            nodelist_push(p->arena, &a->call->u.call.args, finish(p, n));
        } else {
            n->u.keyword.value = v;
            nodelist_push(p->arena, &a->call->u.call.keywords, finish(p, n));
            a->seen_dstar = a->seen_keyword = true;
        }
        return true;
    }
    if (t->kind == TOK_NAME && look(p, 1)->kind == TOK_EQUAL)
        return keyword_arg(p, a);
    Node *e = t->kind == TOK_NAME && look(p, 1)->kind == TOK_COLONEQUAL ? walrus(p) : expression(p);
    if (!e)
        return false;
    if (at(p, TOK_EQUAL))
        return bad_keyword(p, e);
    if (at(p, TOK_FOR) || at(p, TOK_ASYNC))
        e = a->class_bases ? fail(p) : bare_genexp(p, a, e, open);
    if (!e)
        return false;
    if (a->seen_keyword) {
        if (!p->call_invalid)
            return fail(p), false;
        skip_arguments(p);
        error_last(p, DIAG_SYNTAX, "%s",
                   a->seen_dstar ? "positional argument follows keyword argument unpacking"
                                 : "positional argument follows keyword argument");
        return false;
    }
    nodelist_push(p->arena, &a->call->u.call.args, e);
    return true;
}

/* '(' [arguments] ')' after the '(' was consumed: args [','] &')' | invalid_arguments */
static bool arguments(Parser *p, Args *a, const Token *open) {
    while (!at(p, TOK_RPAR)) {
        if (!argument(p, a, open))
            return false;
        if (!accept(p, TOK_COMMA))
            break;
    }
    return expect(p, TOK_RPAR) != NULL;
}

/* primary '(' [arguments] ')' */
static Node *call(Parser *p, Node *func) {
    const Token *open = advance(p);
    Args a = {new_node_at(p, N_CALL, func), false, false, false};
    a.call->u.call.func = func;
    return arguments(p, &a, open) ? finish(p, a.call) : NULL;
}

/* ------------------------------------------------------------------ subscripts */

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static Node *slice(Parser *p) {
    Node *lower = NULL;
    const Token *start = peek(p);
    if (!at(p, TOK_COLON)) {
        if (at(p, TOK_STAR)) {
            const Token *star = advance(p);
            Node *s = new_node(p, N_STARRED, star);
            if (!(s->u.starred.value = expression(p)))
                return NULL;
            return finish(p, s);
        }
        lower = named_expression(p);
        if (!lower || !at(p, TOK_COLON))
            return lower;
    }
    Node *s = new_node(p, N_SLICE, start);
    s->u.slice.lower = lower;
    advance(p); /* ':' */
    if (!at(p, TOK_COLON) && !at(p, TOK_RSQB) && !at(p, TOK_COMMA) &&
        !(s->u.slice.upper = expression(p)))
        return NULL;
    if (accept(p, TOK_COLON) && !at(p, TOK_RSQB) && !at(p, TOK_COMMA) &&
        !(s->u.slice.step = expression(p)))
        return NULL;
    return finish(p, s);
}

/* primary '[' slices ']'; slices: slice !',' | ','.(slice | starred_expression)+ [','] */
static Node *subscript(Parser *p, Node *value) {
    advance(p);
    Node *first = slice(p);
    if (!first)
        return NULL;
    Node *index = first;
    if (at(p, TOK_COMMA)) {
        index = new_node_at(p, N_TUPLE, first);
        nodelist_push(p->arena, &index->u.seq.elts, first);
        while (accept(p, TOK_COMMA) && !at(p, TOK_RSQB)) {
            Node *e = slice(p);
            if (!e)
                return NULL;
            nodelist_push(p->arena, &index->u.seq.elts, e);
        }
        finish(p, index);
    }
    if (!expect(p, TOK_RSQB))
        return NULL;
    Node *s = new_node_at(p, N_SUBSCRIPT, value);
    s->u.subscript.value = value;
    s->u.subscript.slice = index;
    return finish(p, s);
}

/* primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
 *        | primary '[' slices ']' | atom */
static Node *primary(Parser *p) {
    Node *e = atom(p);
    for (int chain = 0; e; chain++) {
        if (chain + p->depth > MAX_DEPTH) /* the compiler recurses once per link */
            return too_deep(p);
        if (accept(p, TOK_DOT)) {
            const Token *name = expect(p, TOK_NAME);
            if (!name)
                return NULL;
            Node *a = new_node_at(p, N_ATTRIBUTE, e);
            a->u.attribute.value = e;
            a->u.attribute.attr = tok_text(p, name);
            e = finish(p, a);
        } else if (at(p, TOK_LPAR)) {
            e = call(p, e);
        } else if (at(p, TOK_LSQB)) {
            e = subscript(p, e);
        } else {
            break;
        }
    }
    return e;
}

/* ------------------------------------------------------------------ operators */

/* power: await_primary '**' factor | await_primary; await_primary: AWAIT primary | primary */
static Node *factor(Parser *p);

static Node *power(Parser *p) {
    Node *e;
    if (at(p, TOK_AWAIT)) {
        const Token *t = advance(p);
        if (!enter(p))
            return NULL;
        Node *v = primary(p);
        p->depth--;
        if (!v)
            return NULL;
        e = new_node(p, N_AWAIT, t);
        e->u.unary_value.value = v;
        finish(p, e);
    } else {
        e = primary(p);
    }
    if (!e || !accept(p, TOK_DOUBLESTAR))
        return e;
    Node *b = new_node_at(p, N_BINOP, e);
    b->u.binop.left = e;
    b->u.binop.op = BINOP_POW;
    if (!enter(p))
        return NULL;
    b->u.binop.right = factor(p);
    return leave(p, b->u.binop.right ? finish(p, b) : NULL);
}

/* factor: '+' factor | '-' factor | '~' factor | power */
static Node *factor(Parser *p) {
    const Token *t = peek(p);
    int op = t->kind == TOK_MINUS   ? UNOP_NEG
             : t->kind == TOK_PLUS  ? UNOP_POS
             : t->kind == TOK_TILDE ? UNOP_INVERT
                                    : -1;
    if (op < 0)
        return power(p);
    advance(p);
    if (!enter(p))
        return NULL;
    Node *n = new_node(p, N_UNARYOP, t);
    n->u.unaryop.op = op;
    n->u.unaryop.operand = factor(p);
    return leave(p, n->u.unaryop.operand ? finish(p, n) : NULL);
}

/* Binary operator levels from bitwise_or (0) to term (5); -1 if t is none at that level. */
static int binop_at(TokKind k, int level) {
    switch (level) {
    case 0:
        return k == TOK_VBAR ? BINOP_OR : -1;
    case 1:
        return k == TOK_CIRCUMFLEX ? BINOP_XOR : -1;
    case 2:
        return k == TOK_AMPER ? BINOP_AND : -1;
    case 3:
        return k == TOK_LEFTSHIFT ? BINOP_LSHIFT : k == TOK_RIGHTSHIFT ? BINOP_RSHIFT : -1;
    case 4:
        return k == TOK_PLUS ? BINOP_ADD : k == TOK_MINUS ? BINOP_SUB : -1;
    default:
        return k == TOK_STAR          ? BINOP_MUL
               : k == TOK_SLASH       ? BINOP_TRUEDIV
               : k == TOK_DOUBLESLASH ? BINOP_FLOORDIV
               : k == TOK_PERCENT     ? BINOP_MOD
               : k == TOK_AT          ? BINOP_MATMUL
                                      : -1;
    }
}

/* bitwise_or / bitwise_xor / bitwise_and / shift_expr / sum / term: left-associative
 * chains, one level per call (Pratt-style precedence climbing). */
static Node *binary(Parser *p, int level) {
    Node *left = level > 5 ? factor(p) : binary(p, level + 1);
    int op, chain = 0;
    while (left && (op = binop_at(peek(p)->kind, level)) >= 0) {
        if (++chain + p->depth > MAX_DEPTH) /* the compiler recurses once per operator */
            return too_deep(p);
        advance(p);
        Node *right = level > 5 ? factor(p) : binary(p, level + 1);
        if (!right)
            return NULL;
        Node *b = new_node_at(p, N_BINOP, left);
        b->u.binop.left = left;
        b->u.binop.op = op;
        b->u.binop.right = right;
        finish(p, b);
        left = b;
    }
    return left;
}

static Node *bitwise_or(Parser *p) {
    return binary(p, 0);
}

/* The comparison operator at the cursor (consumed), or -1. */
static int compare_op(Parser *p) {
    const Token *t = peek(p);
    switch (t->kind) {
    case TOK_LESS:
        advance(p);
        return CMPX_LT;
    case TOK_LESSEQUAL:
        advance(p);
        return CMPX_LE;
    case TOK_EQEQUAL:
        advance(p);
        return CMPX_EQ;
    case TOK_GREATER:
        advance(p);
        return CMPX_GT;
    case TOK_GREATEREQUAL:
        advance(p);
        return CMPX_GE;
    case TOK_NOTEQUAL:
        if (p->src[t->start] == '<') /* "<>" only exists under barry_as_FLUFL */
            return -1;
        advance(p);
        return CMPX_NE;
    case TOK_IN:
        advance(p);
        return CMPX_IN;
    case TOK_NOT:
        if (look(p, 1)->kind != TOK_IN)
            return -1;
        advance(p), advance(p);
        return CMPX_NOT_IN;
    case TOK_IS:
        advance(p);
        return accept(p, TOK_NOT) ? CMPX_IS_NOT : CMPX_IS;
    default:
        return -1;
    }
}

/* comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or */
static Node *comparison(Parser *p) {
    Node *left = bitwise_or(p);
    if (!left)
        return NULL;
    int op = compare_op(p);
    if (op < 0)
        return left;
    Node *c = new_node_at(p, N_COMPARE, left);
    c->u.compare.left = left;
    int cap = 0;
    for (; op >= 0; op = compare_op(p)) {
        Node *right = bitwise_or(p);
        if (!right)
            return NULL;
        if (c->u.compare.comparators.len == cap) {
            int *ops = arena_alloc(p->arena, (size_t)(cap = cap ? cap * 2 : 4) * sizeof *ops);
            if (c->u.compare.comparators.len)
                memcpy(ops, c->u.compare.ops, (size_t)c->u.compare.comparators.len * sizeof *ops);
            c->u.compare.ops = ops;
        }
        c->u.compare.ops[c->u.compare.comparators.len] = op;
        nodelist_push(p->arena, &c->u.compare.comparators, right);
        finish(p, c);
    }
    return p->failed ? NULL : c;
}

/* inversion: 'not' inversion | comparison */
static Node *inversion(Parser *p) {
    if (!at(p, TOK_NOT))
        return comparison(p);
    const Token *t = advance(p);
    if (!enter(p))
        return NULL;
    Node *n = new_node(p, N_UNARYOP, t);
    n->u.unaryop.op = UNOP_NOT;
    n->u.unaryop.operand = inversion(p);
    return leave(p, n->u.unaryop.operand ? finish(p, n) : NULL);
}

/* conjunction: inversion ('and' inversion)+ | inversion
 * disjunction: conjunction ('or' conjunction)+ | conjunction */
static Node *boolop(Parser *p, BoolOpKind kind) {
    TokKind tk = kind == BOOL_AND ? TOK_AND : TOK_OR;
    Node *first = kind == BOOL_AND ? inversion(p) : boolop(p, BOOL_AND);
    if (!first || !at(p, tk))
        return first;
    Node *b = new_node_at(p, N_BOOLOP, first);
    b->u.boolop.op = kind;
    nodelist_push(p->arena, &b->u.boolop.values, first);
    while (accept(p, tk)) {
        Node *e = kind == BOOL_AND ? inversion(p) : boolop(p, BOOL_AND);
        if (!e)
            return NULL;
        nodelist_push(p->arena, &b->u.boolop.values, e);
        finish(p, b);
    }
    return b;
}

static Node *disjunction(Parser *p) {
    return boolop(p, BOOL_OR);
}

/* ------------------------------------------------------------------ expression rules */

static bool is_soft_keyword(Parser *p, const Token *t) {
    static const char *const soft[] = {"match", "case", "_"};
    for (size_t i = 0; i < sizeof soft / sizeof soft[0]; i++)
        if (t->kind == TOK_NAME && t->end - t->start == strlen(soft[i]) &&
            memcmp(p->src + t->start, soft[i], t->end - t->start) == 0)
            return true;
    return false;
}

/* _PyPegen_check_legacy_stmt: is e the name print or exec? */
static bool is_legacy_name(const Node *e) {
    return e->kind == N_NAME &&
           (strcmp(e->u.name.id, "print") == 0 || strcmp(e->u.name.id, "exec") == 0);
}

/* Counts one speculative parse of the second pass; false when the budget is spent (a
 * safety net against exponential re-parsing of pathological input). */
static bool spend(Parser *p) {
    return p->spec_budget-- > 0;
}

/* invalid_legacy_expression: NAME !'(' star_expressions, for print and exec. */
static bool legacy_check(Parser *p) {
    if (!(at_name(p, "print") || at_name(p, "exec")) || look(p, 1)->kind == TOK_LPAR ||
        !starts_expression(look(p, 1)->kind) || !spend(p))
        return false;
    Mark m = mark(p);
    const Token *name = advance(p);
    Node *b = star_expressions(p);
    if (b) {
        char msg[96];
        int n = (int)(name->end - name->start);
        snprintf(msg, sizeof msg, "Missing parentheses in call to '%.*s'. Did you mean %.*s(...)?",
                 n, p->src + name->start, n, p->src + name->start);
        parser_error_at(p, DIAG_SYNTAX, name->line, name->col + 1, b->end_line, b->end_col + 1,
                        "%s", msg);
        return true;
    }
    return !reset(p, &m);
}

/* invalid_expression: !(NAME STRING | SOFT_KEYWORD) disjunction expression_without_invalid,
 * inside brackets: "Perhaps you forgot a comma?" */
static bool forgot_comma(Parser *p, Node *a, int first) {
    const Token *t0 = &p->tl.toks[first];
    if (!starts_expression(peek(p)->kind) || is_legacy_name(a) || is_soft_keyword(p, t0) ||
        (t0->kind == TOK_NAME && p->tl.toks[first + 1].kind == TOK_STRING) || !spend(p))
        return false;
    Mark m = mark(p);
    no_invalid(p);
    Node *b = expression(p);
    if (b && prev(p)->level > 0) {
        p->call_invalid = m.call_invalid;
        error_range(p, a, b, "%s", "invalid syntax. Perhaps you forgot a comma?");
        return true;
    }
    return !reset(p, &m);
}

/* The rest of a conditional expression after `body 'if'`. */
static Node *ifexp(Parser *p, Node *body) {
    advance(p); /* 'if' */
    Node *test = disjunction(p);
    if (!test)
        return NULL;
    if (!at(p, TOK_ELSE)) {
        if (p->call_invalid && !at(p, TOK_COLON))
            error_range(p, body, test, "%s", "expected 'else' after 'if' expression");
        return fail(p);
    }
    advance(p);
    Node *n = new_node_at(p, N_IFEXP, body);
    n->u.ifexp.body = body;
    n->u.ifexp.test = test;
    if (!(n->u.ifexp.orelse = expression(p)))
        return NULL;
    return finish(p, n);
}

/* expression: invalid_expression | invalid_legacy_expression
 *           | disjunction 'if' disjunction 'else' expression | disjunction | lambdef */
static Node *expression(Parser *p) {
    if (!enter(p))
        return NULL;
    if (at(p, TOK_LAMBDA))
        return leave(p, lambdef(p));
    if (p->call_invalid && legacy_check(p))
        return leave(p, NULL);
    int first = p->pos;
    Node *a = disjunction(p);
    if (!a)
        return leave(p, NULL);
    if (p->call_invalid && forgot_comma(p, a, first))
        return leave(p, NULL);
    if (at(p, TOK_IF))
        a = ifexp(p, a);
    return leave(p, a);
}

/* The leftmost atom of an expression (where CPython's lookaheads look). */
static const Node *leftmost(const Node *e) {
    for (;;) {
        switch (e->kind) {
        case N_BINOP:
            e = e->u.binop.left;
            break;
        case N_CALL:
            e = e->u.call.func;
            break;
        case N_ATTRIBUTE:
            e = e->u.attribute.value;
            break;
        case N_SUBSCRIPT:
            e = e->u.subscript.value;
            break;
        default:
            return e;
        }
    }
}

/* Could e be what CPython's bitwise_or rule parses (no comparison, not, and/or, if, lambda)? */
static bool is_bitwise_or_level(const Node *e) {
    return !(e->kind == N_COMPARE || e->kind == N_BOOLOP || e->kind == N_IFEXP ||
             e->kind == N_LAMBDA || (e->kind == N_UNARYOP && e->u.unaryop.op == UNOP_NOT));
}

/* Is the right side of `x = <here>` a bitwise_or not followed by '=' or ':='? */
static Node *assignment_rhs(Parser *p) {
    advance(p); /* '=' */
    Node *b = bitwise_or(p);
    return b && !at(p, TOK_EQUAL) && !at(p, TOK_COLONEQUAL) ? b : NULL;
}

/* invalid_named_expression, after an expression e that starts with token `start`. */
static bool invalid_named(Parser *p, Node *e, const Token *start) {
    if (at(p, TOK_COLONEQUAL)) {
        error_node(p, e, "cannot use assignment expressions with %s", expr_name(e));
        return true;
    }
    if (!spend(p))
        return false;
    Mark m = mark(p);
    if (e->kind == N_NAME && start->kind == TOK_NAME) {
        Node *b = assignment_rhs(p);
        if (b) {
            error_range(p, e, b, "%s",
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            return true;
        }
        return !reset(p, &m);
    }
    const Node *l = leftmost(e);
    bool excluded = l->kind == N_LIST || l->kind == N_TUPLE || l->kind == N_GENERATOREXP ||
                    (l->kind == N_CONSTANT && l->u.constant.kind <= CONST_FALSE);
    if (excluded || !is_bitwise_or_level(e))
        return false;
    if (assignment_rhs(p)) {
        error_node(p, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                   expr_name(e));
        return true;
    }
    return !reset(p, &m);
}

/* assignment_expression: NAME ':=' ~ expression (outside the subset) */
static Node *walrus(Parser *p) {
    const Token *name = peek(p);
    parser_unsupported(p, look(p, 1), "assignment expressions (:=)");
    advance(p), advance(p);
    Node *v = expression(p);
    (void)name;
    return v;
}

/* named_expression: assignment_expression | invalid_named_expression | expression !':=' */
static Node *named_expression(Parser *p) {
    if (at(p, TOK_NAME) && look(p, 1)->kind == TOK_COLONEQUAL)
        return walrus(p);
    const Token *start = peek(p);
    Node *e = expression(p);
    if (!e)
        return NULL;
    if (p->call_invalid && (at(p, TOK_EQUAL) || at(p, TOK_COLONEQUAL)) &&
        invalid_named(p, e, start))
        return NULL;
    return at(p, TOK_COLONEQUAL) ? fail(p) : e;
}

/* '*' bitwise_or, the starred element of displays and assignments */
static Node *starred(Parser *p) {
    const Token *star = advance(p);
    Node *s = new_node(p, N_STARRED, star);
    if (!(s->u.starred.value = bitwise_or(p)))
        return NULL;
    return finish(p, s);
}

/* star_named_expression: '*' bitwise_or | named_expression */
static Node *star_named_expression(Parser *p) {
    return at(p, TOK_STAR) ? starred(p) : named_expression(p);
}

/* star_expression: '*' bitwise_or | expression */
static Node *star_expression(Parser *p) {
    return at(p, TOK_STAR) ? starred(p) : expression(p);
}

/* star_expressions: star_expression (',' star_expression)* [','] */
static Node *star_expressions(Parser *p) {
    Node *first = star_expression(p);
    if (!first || !at(p, TOK_COMMA))
        return first;
    Node *t = new_node_at(p, N_TUPLE, first);
    nodelist_push(p->arena, &t->u.seq.elts, first);
    while (accept(p, TOK_COMMA)) {
        if (!starts_expression(peek(p)->kind) && !at(p, TOK_STAR))
            break;
        Node *e = star_expression(p);
        if (!e)
            return NULL;
        nodelist_push(p->arena, &t->u.seq.elts, e);
    }
    return p->failed ? NULL : finish(p, t);
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
static Node *yield_expr(Parser *p) {
    const Token *t = advance(p);
    if (accept(p, TOK_FROM)) {
        Node *n = new_node(p, N_YIELDFROM, t);
        if (!(n->u.unary_value.value = expression(p)))
            return NULL;
        return finish(p, n);
    }
    Node *n = new_node(p, N_YIELD, t);
    if (starts_expression(peek(p)->kind) || at(p, TOK_STAR))
        if (!(n->u.unary_value.value = star_expressions(p)))
            return NULL;
    return finish(p, n);
}

/* ------------------------------------------------------------------ parameters */

/* Where a parameter list is in its grammar (positional, after '*', after '**'). */
typedef struct {
    Node *args;        /* N_ARGUMENTS being filled */
    bool lambda;       /* lambda parameters: no annotations, end at ':' */
    bool seen_default; /* a positional parameter had a default */
    bool seen_slash, seen_star, seen_kwarg;
    const Token *star; /* the '*' token, for "named arguments must follow bare *" */
} Params;

/* A parameter error: a specific message in the second pass, the generic one in the first. */
static bool param_error_tok(Parser *p, const Token *t, const char *msg) {
    if (p->call_invalid)
        error_at_token(p, DIAG_SYNTAX, t, "%s", msg);
    fail(p);
    return false;
}

static bool param_error_node(Parser *p, const Node *n, const char *msg) {
    if (p->call_invalid)
        error_node(p, n, "%s", msg);
    fail(p);
    return false;
}

/* param: NAME annotation? (lambda_param: NAME) */
static Node *param(Parser *p, Params *ps) {
    const Token *name = expect(p, TOK_NAME);
    if (!name)
        return NULL;
    Node *a = new_node(p, N_ARG, name);
    a->u.arg.arg = tok_text(p, name);
    if (!ps->lambda && accept(p, TOK_COLON)) {
        a->u.arg.annotation = at(p, TOK_STAR) ? starred(p) : expression(p);
        if (!a->u.arg.annotation)
            return NULL;
    }
    return finish(p, a);
}

/* default: '=' expression | invalid_default. Returns NULL without error when absent. */
static Node *param_default(Parser *p, bool *error) {
    if (!at(p, TOK_EQUAL))
        return NULL;
    const Token *eq = advance(p);
    if (p->call_invalid && (at(p, TOK_RPAR) || at(p, TOK_COMMA))) {
        error_at_token(p, DIAG_SYNTAX, eq, "%s", "expected default value expression");
        *error = true;
        return NULL;
    }
    Node *e = expression(p);
    *error = e == NULL;
    return e;
}

/* '/' in a parameter list */
static bool slash(Parser *p, Params *ps) {
    const Token *t = advance(p);
    NodeList *args = &ps->args->u.arguments.args;
    if (ps->seen_star)
        return param_error_tok(p, t, "/ must be ahead of *");
    if (ps->seen_slash)
        return param_error_tok(p, t, "/ may appear only once");
    if (args->len == 0)
        return param_error_tok(p, t, "at least one argument must precede /");
    ps->args->u.arguments.posonlyargs = *args;
    *args = (NodeList){0};
    ps->seen_slash = true;
    return true;
}

/* '*' [param] in a parameter list */
static bool star_param(Parser *p, Params *ps, TokKind close) {
    const Token *t = advance(p);
    if (ps->seen_star)
        return param_error_tok(p, t, "* argument may appear only once");
    ps->seen_star = true;
    ps->star = t;
    TokKind k = peek(p)->kind;
    bool bare = k == close || (k == TOK_COMMA &&
                               (look(p, 1)->kind == close || look(p, 1)->kind == TOK_DOUBLESTAR));
    if (bare) {
        if (p->call_invalid && ps->lambda)
            error_last(p, DIAG_SYNTAX, "%s", "named arguments must follow bare *");
        return param_error_tok(p, t, "named arguments must follow bare *");
    }
    if (k == TOK_COMMA)
        return true;
    Node *a = param(p, ps);
    if (!a)
        return false;
    if (at(p, TOK_EQUAL))
        return param_error_tok(p, peek(p), "var-positional argument cannot have default value");
    ps->args->u.arguments.vararg = a;
    return true;
}

/* '**' param in a parameter list */
static bool kwarg_param(Parser *p, Params *ps) {
    advance(p);
    Node *a = param(p, ps);
    if (!a)
        return false;
    if (at(p, TOK_EQUAL))
        return param_error_tok(p, peek(p), "var-keyword argument cannot have default value");
    ps->args->u.arguments.kwarg = a;
    ps->seen_kwarg = true;
    return true;
}

/* A named parameter, with or without default, positional or keyword-only. */
static bool named_param(Parser *p, Params *ps) {
    Node *a = param(p, ps);
    bool error = false;
    if (!a)
        return false;
    Node *d = param_default(p, &error);
    if (error)
        return false;
    Node *args = ps->args;
    if (ps->seen_star) {
        nodelist_push(p->arena, &args->u.arguments.kwonlyargs, a);
        nodelist_push(p->arena, &args->u.arguments.kw_defaults, d);
        return true;
    }
    if (!d && ps->seen_default)
        return param_error_node(p, a, "non-default argument follows default argument");
    if (d) {
        ps->seen_default = true;
        nodelist_push(p->arena, &args->u.arguments.defaults, d);
    }
    nodelist_push(p->arena, &args->u.arguments.args, a);
    return true;
}

/* params / lambda_params up to `close` (')' or ':'), which is not consumed. */
static Node *parameters(Parser *p, bool lambda, const Token *start, TokKind close) {
    Params ps = {new_node(p, N_ARGUMENTS, start), lambda, false, false, false, false, NULL};
    while (!at(p, close) && !p->failed) {
        const Token *t = peek(p);
        if (ps.seen_kwarg) {
            if (t->kind == TOK_NAME) {
                Node *a = param(p, &ps);
                return a ? (param_error_node(p, a,
                                             "arguments cannot follow var-keyword "
                                             "argument"),
                            NULL)
                         : NULL;
            }
            if (t->kind == TOK_STAR || t->kind == TOK_DOUBLESTAR || t->kind == TOK_SLASH)
                return param_error_tok(p, t, "arguments cannot follow var-keyword argument"), NULL;
            return fail(p);
        }
        bool ok = t->kind == TOK_SLASH        ? slash(p, &ps)
                  : t->kind == TOK_STAR       ? star_param(p, &ps, close)
                  : t->kind == TOK_DOUBLESTAR ? kwarg_param(p, &ps)
                  : t->kind == TOK_NAME       ? named_param(p, &ps)
                                              : (fail(p), false);
        if (!ok || !accept(p, TOK_COMMA))
            break;
    }
    return p->failed ? NULL : ps.args;
}

/* lambdef: 'lambda' [lambda_params] ':' expression */
static Node *lambdef(Parser *p) {
    const Token *t = advance(p);
    Node *n = new_node(p, N_LAMBDA, t);
    if (!(n->u.lambda.args = parameters(p, true, t, TOK_COLON)) || !expect(p, TOK_COLON))
        return NULL;
    if (!(n->u.lambda.body = expression(p)))
        return NULL;
    return finish(p, n);
}

/* ------------------------------------------------------------------ targets */

/* star_targets (for loops, comprehensions, with ... as): elements parsed at bitwise_or
 * level (which stops before 'in'), checked afterwards. */
static Node *star_targets(Parser *p) {
    Node *first = at(p, TOK_STAR) ? starred(p) : bitwise_or(p);
    if (!first || !at(p, TOK_COMMA))
        return first;
    Node *t = new_node_at(p, N_TUPLE, first);
    nodelist_push(p->arena, &t->u.seq.elts, first);
    while (accept(p, TOK_COMMA)) {
        if (!at(p, TOK_STAR) && !starts_expression(peek(p)->kind))
            break;
        Node *e = at(p, TOK_STAR) ? starred(p) : bitwise_or(p);
        if (!e)
            return NULL;
        nodelist_push(p->arena, &t->u.seq.elts, e);
    }
    return p->failed ? NULL : finish(p, t);
}

/* invalid_for_target: [ASYNC] 'for' star_expressions with an invalid target inside. The
 * cursor is just after 'for'. */
static void check_for_target(Parser *p) {
    Mark m = mark(p);
    Node *e = star_expressions(p);
    if (e && report_invalid_target(p, e, FOR_TARGETS))
        return;
    reset(p, &m);
}

/* A for-loop or comprehension target, validated and set to Store context. */
static Node *for_target(Parser *p) {
    int start = p->pos;
    Node *t = star_targets(p);
    if (t && !invalid_target(t, STAR_TARGETS) && t->kind != N_STARRED) {
        set_ctx(t, CTX_STORE);
        return t;
    }
    if (p->call_invalid && !(p->failed && !p->generic)) {
        p->failed = false;
        p->pos = start;
        check_for_target(p);
    }
    return fail(p);
}

/* for_if_clause: [ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)* */
static bool for_if_clauses(Parser *p, NodeList *out) {
    while (at(p, TOK_FOR) || at(p, TOK_ASYNC)) {
        Node *c = new_node(p, N_COMPREHENSION, peek(p));
        c->u.comprehension.is_async = accept(p, TOK_ASYNC) != NULL;
        if (!expect(p, TOK_FOR) || !(c->u.comprehension.target = for_target(p)) ||
            !expect(p, TOK_IN) || !(c->u.comprehension.iter = disjunction(p)))
            return false;
        while (accept(p, TOK_IF)) {
            Node *cond = disjunction(p);
            if (!cond)
                return false;
            nodelist_push(p->arena, &c->u.comprehension.ifs, cond);
        }
        nodelist_push(p->arena, out, finish(p, c));
    }
    return !p->failed;
}

/* ================================================================== statements */

static bool statement(Parser *p, NodeList *out);
static bool simple_stmts(Parser *p, NodeList *out);

/* The token where node n starts (searching back from the cursor). */
static const Token *token_at(Parser *p, const Node *n) {
    for (int i = p->pos; i >= 0; i--) {
        const Token *t = &p->tl.toks[i];
        if (t->line == n->line && t->col == n->col)
            return t;
    }
    return &p->tl.toks[0];
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block, where the
 * second pass names the statement: "expected an indented block after 'if' statement on
 * line 3". */
static bool block(Parser *p, NodeList *out, const Token *kw, const char *what) {
    if (!at(p, TOK_NEWLINE))
        return simple_stmts(p, out);
    advance(p);
    if (!at(p, TOK_INDENT)) {
        if (p->call_invalid) {
            char msg[128];
            snprintf(msg, sizeof msg, "expected an indented block after %s on line %d", what,
                     kw->line);
            error_last(p, DIAG_INDENT, "%s", msg);
        }
        return fail(p), false;
    }
    advance(p);
    while (!at(p, TOK_DEDENT) && !p->failed)
        if (!statement(p, out))
            return false;
    return expect(p, TOK_DEDENT) != NULL;
}

/* The ':' after an if/elif/while/for/with/class header: a NEWLINE instead is CPython's
 * "expected ':'" (second pass), anything else the generic error. */
static bool header_colon(Parser *p) {
    if (accept(p, TOK_COLON))
        return true;
    if (p->call_invalid && at(p, TOK_NEWLINE))
        error_last(p, DIAG_SYNTAX, "%s", "expected ':'");
    return fail(p), false;
}

/* else_block: 'else' &&':' block */
static bool else_block(Parser *p, NodeList *out) {
    const Token *t = accept(p, TOK_ELSE);
    if (!t)
        return true;
    return expect_forced(p, TOK_COLON) && block(p, out, t, "'else' statement");
}

/* if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block]);
 * elif_stmt: 'elif' named_expression ':' block (elif_stmt | [else_block]) */
static Node *if_stmt(Parser *p) {
    const Token *t = advance(p);
    Node *n = new_node(p, N_IF, t);
    if (!(n->u.if_.test = named_expression(p)) || !header_colon(p) ||
        !block(p, &n->u.if_.body, t, t->kind == TOK_IF ? "'if' statement" : "'elif' statement"))
        return NULL;
    if (at(p, TOK_ELIF)) {
        Node *e = if_stmt(p);
        if (!e)
            return NULL;
        nodelist_push(p->arena, &n->u.if_.orelse, e);
    } else if (!else_block(p, &n->u.if_.orelse)) {
        return NULL;
    }
    return finish(p, n);
}

/* while_stmt: 'while' named_expression ':' block [else_block] */
static Node *while_stmt(Parser *p) {
    const Token *t = advance(p);
    Node *n = new_node(p, N_WHILE, t);
    if (!(n->u.while_.test = named_expression(p)) || !header_colon(p) ||
        !block(p, &n->u.while_.body, t, "'while' statement") || !else_block(p, &n->u.while_.orelse))
        return NULL;
    return finish(p, n);
}

/* for_stmt: [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' block [else_block] */
static Node *for_stmt(Parser *p, const Token *async) {
    const Token *t = advance(p);
    Node *n = new_node(p, N_FOR, async ? async : t);
    n->u.for_.is_async = async != NULL;
    if (!(n->u.for_.target = for_target(p)) || !expect(p, TOK_IN) ||
        !(n->u.for_.iter = star_expressions(p)) || !header_colon(p) ||
        !block(p, &n->u.for_.body, t, "'for' statement") || !else_block(p, &n->u.for_.orelse))
        return NULL;
    return finish(p, n);
}

/* with_item: expression 'as' star_target &(',' | ')' | ':') | invalid_with_item | expression */
static Node *with_item(Parser *p) {
    Node *e = expression(p);
    if (!e)
        return NULL;
    Node *w = new_node_at(p, N_WITHITEM, e);
    w->u.withitem.context_expr = e;
    if (accept(p, TOK_AS)) {
        Node *t = at(p, TOK_STAR) ? starred(p) : bitwise_or(p);
        if (!t)
            return NULL;
        if (invalid_target(t, STAR_TARGETS) || t->kind == N_STARRED) {
            if (p->call_invalid)
                report_invalid_target(p, t, STAR_TARGETS);
            return fail(p);
        }
        set_ctx(t, CTX_STORE);
        w->u.withitem.optional_vars = t;
    }
    return finish(p, w);
}

/* ','.with_item+ up to `close` (':' or ')'), allowing a trailing comma before ')'. */
static bool with_items(Parser *p, NodeList *items, TokKind close) {
    do {
        if (close == TOK_RPAR && at(p, TOK_RPAR) && items->len)
            break;
        Node *w = with_item(p);
        if (!w)
            return false;
        nodelist_push(p->arena, items, w);
    } while (accept(p, TOK_COMMA));
    return true;
}

/* with_stmt: [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block
 *          | [ASYNC] 'with' ','.with_item+ ':' block */
static Node *with_stmt(Parser *p, const Token *async) {
    const Token *t = advance(p);
    Node *n = new_node(p, N_WITH, async ? async : t);
    n->u.with.is_async = async != NULL;
    if (at(p, TOK_LPAR)) {
        Mark m = mark(p);
        advance(p);
        if (with_items(p, &n->u.with.items, TOK_RPAR) && accept(p, TOK_RPAR) && at(p, TOK_COLON))
            goto body;
        if (!reset(p, &m))
            return NULL;
        n->u.with.items = (NodeList){0};
    }
    if (!with_items(p, &n->u.with.items, TOK_COLON))
        return NULL;
body:
    if (!header_colon(p) || !block(p, &n->u.with.body, t, "'with' statement"))
        return NULL;
    return finish(p, n);
}

/* except_block: 'except' expression ['as' NAME] ':' block | 'except' ':' block
 * (invalid_except_stmt and "'except*'", which is outside the subset) */
static Node *except_block(Parser *p) {
    const Token *t = advance(p);
    Node *h = new_node(p, N_EXCEPTHANDLER, t);
    if (at(p, TOK_STAR))
        parser_unsupported(p, advance(p), "'except*'");
    if (!at(p, TOK_COLON)) {
        if (at(p, TOK_NEWLINE)) {
            if (p->call_invalid)
                error_last(p, DIAG_SYNTAX, "%s", "expected ':'");
            return fail(p);
        }
        if (!(h->u.handler.type = expression(p)))
            return NULL;
        if (p->call_invalid && at(p, TOK_COMMA)) {
            Mark m = mark(p);
            advance(p);
            Node *rest = star_expressions(p);
            if (rest && accept(p, TOK_AS))
                expect(p, TOK_NAME);
            if (rest && !p->failed && at(p, TOK_COLON)) {
                error_from(p, h->u.handler.type, "multiple exception types must be parenthesized");
                return NULL;
            }
            if (!reset(p, &m))
                return NULL;
        }
        if (accept(p, TOK_AS)) {
            const Token *name = expect(p, TOK_NAME);
            if (!name)
                return NULL;
            h->u.handler.name = tok_text(p, name);
        }
    }
    if (!header_colon(p) || !block(p, &h->u.handler.body, t, "'except' statement"))
        return NULL;
    return finish(p, h);
}

/* try_stmt: 'try' &&':' block finally_block
 *         | 'try' &&':' block except_block+ [else_block] [finally_block] */
static Node *try_stmt(Parser *p) {
    const Token *t = advance(p);
    Node *n = new_node(p, N_TRY, t);
    if (!expect_forced(p, TOK_COLON) || !block(p, &n->u.try_.body, t, "'try' statement"))
        return NULL;
    if (!at(p, TOK_EXCEPT) && !at(p, TOK_FINALLY)) {
        if (p->call_invalid)
            error_last(p, DIAG_SYNTAX, "%s", "expected 'except' or 'finally' block");
        return fail(p);
    }
    while (at(p, TOK_EXCEPT)) {
        Node *h = except_block(p);
        if (!h)
            return NULL;
        nodelist_push(p->arena, &n->u.try_.handlers, h);
    }
    if (n->u.try_.handlers.len && !else_block(p, &n->u.try_.orelse))
        return NULL;
    const Token *f = accept(p, TOK_FINALLY);
    if (f &&
        (!expect_forced(p, TOK_COLON) || !block(p, &n->u.try_.finalbody, f, "'finally' statement")))
        return NULL;
    return finish(p, n);
}

/* function_def_raw: [ASYNC] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block */
static Node *funcdef(Parser *p, const Token *async) {
    const Token *t = advance(p);
    Node *n = new_node(p, N_FUNCTIONDEF, async ? async : t);
    n->u.funcdef.is_async = async != NULL;
    const Token *name = expect(p, TOK_NAME);
    const Token *open = name ? expect_forced(p, TOK_LPAR) : NULL;
    if (!open || !(n->u.funcdef.args = parameters(p, false, open, TOK_RPAR)) ||
        !expect(p, TOK_RPAR))
        return NULL;
    n->u.funcdef.name = tok_text(p, name);
    if (accept(p, TOK_RARROW) && !(n->u.funcdef.returns = expression(p)))
        return NULL;
    if (!expect_forced(p, TOK_COLON) || !block(p, &n->u.funcdef.body, t, "function definition"))
        return NULL;
    return finish(p, n);
}

/* class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block */
static Node *classdef(Parser *p) {
    const Token *t = advance(p);
    Node *n = new_node(p, N_CLASSDEF, t);
    const Token *name = expect(p, TOK_NAME);
    if (!name)
        return NULL;
    n->u.classdef.name = tok_text(p, name);
    if (at(p, TOK_LPAR)) {
        const Token *open = advance(p);
        Args a = {new_node(p, N_CALL, open), false, false, true};
        if (!arguments(p, &a, open))
            return NULL;
        n->u.classdef.bases = a.call->u.call.args;
        n->u.classdef.keywords = a.call->u.call.keywords;
        if (a.call->u.call.keywords.len)
            parser_unsupported(p, open, "class keyword arguments (metaclass=...)");
    }
    if (!header_colon(p) || !block(p, &n->u.classdef.body, t, "class definition"))
        return NULL;
    return finish(p, n);
}

/* [ASYNC] followed by def, with or for */
static Node *async_stmt(Parser *p) {
    const Token *async = advance(p);
    switch (peek(p)->kind) {
    case TOK_DEF:
        return funcdef(p, async);
    case TOK_WITH:
        return with_stmt(p, async);
    case TOK_FOR:
        return for_stmt(p, async);
    default:
        return fail(p);
    }
}

/* decorators: ('@' named_expression NEWLINE)+ then function_def or class_def */
static Node *decorated(Parser *p) {
    NodeList decorators = {0};
    while (accept(p, TOK_AT)) {
        Node *d = named_expression(p);
        if (!d || !expect(p, TOK_NEWLINE))
            return NULL;
        nodelist_push(p->arena, &decorators, d);
    }
    Node *n = at(p, TOK_DEF)                                    ? funcdef(p, NULL)
              : at(p, TOK_CLASS)                                ? classdef(p)
              : at(p, TOK_ASYNC) && look(p, 1)->kind == TOK_DEF ? async_stmt(p)
                                                                : fail(p);
    if (!n)
        return NULL;
    if (n->kind == N_CLASSDEF)
        n->u.classdef.decorators = decorators;
    else
        n->u.funcdef.decorators = decorators;
    return n;
}

/* match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT - outside the
 * subset: noted, and its body skipped so that later syntax errors still show. Returns
 * NULL (without error) when the soft keyword `match` is just a name here. */
static Node *match_stmt(Parser *p) {
    Mark m = mark(p);
    const Token *t = advance(p);
    bool was = p->call_invalid;
    no_invalid(p);
    Node *subject = star_expressions(p);
    p->call_invalid = was;
    if (!subject || !accept(p, TOK_COLON) || !accept(p, TOK_NEWLINE) || !at(p, TOK_INDENT)) {
        reset(p, &m);
        return NULL;
    }
    parser_unsupported(p, t, "the 'match' statement");
    int depth = 0;
    do {
        TokKind k = advance(p)->kind;
        depth += k == TOK_INDENT ? 1 : k == TOK_DEDENT ? -1 : 0;
    } while (depth > 0 && !at(p, TOK_ENDMARKER) && !p->failed);
    return p->failed ? NULL : finish(p, new_node(p, N_PASS, t));
}

/* compound_stmt | simple_stmts */
static bool statement(Parser *p, NodeList *out) {
    if (!enter(p))
        return false;
    Node *s = NULL;
    switch (peek(p)->kind) {
    case TOK_IF:
        s = if_stmt(p);
        break;
    case TOK_WHILE:
        s = while_stmt(p);
        break;
    case TOK_FOR:
        s = for_stmt(p, NULL);
        break;
    case TOK_TRY:
        s = try_stmt(p);
        break;
    case TOK_WITH:
        s = with_stmt(p, NULL);
        break;
    case TOK_DEF:
        s = funcdef(p, NULL);
        break;
    case TOK_CLASS:
        s = classdef(p);
        break;
    case TOK_AT:
        s = decorated(p);
        break;
    case TOK_ASYNC:
        s = async_stmt(p);
        break;
    default:
        if (at_name(p, "match") && (s = match_stmt(p)) != NULL)
            break;
        p->depth--;
        return !p->failed && simple_stmts(p, out);
    }
    if (s)
        nodelist_push(p->arena, out, s);
    p->depth--;
    return s != NULL && !p->failed;
}

/* ------------------------------------------------------------------ simple statements */

/* The BinOp of an augmented assignment token, or -1. */
static int augassign_op(TokKind k) {
    switch (k) {
    case TOK_PLUSEQUAL:
        return BINOP_ADD;
    case TOK_MINEQUAL:
        return BINOP_SUB;
    case TOK_STAREQUAL:
        return BINOP_MUL;
    case TOK_ATEQUAL:
        return BINOP_MATMUL;
    case TOK_SLASHEQUAL:
        return BINOP_TRUEDIV;
    case TOK_PERCENTEQUAL:
        return BINOP_MOD;
    case TOK_AMPEREQUAL:
        return BINOP_AND;
    case TOK_VBAREQUAL:
        return BINOP_OR;
    case TOK_CIRCUMFLEXEQUAL:
        return BINOP_XOR;
    case TOK_LEFTSHIFTEQUAL:
        return BINOP_LSHIFT;
    case TOK_RIGHTSHIFTEQUAL:
        return BINOP_RSHIFT;
    case TOK_DOUBLESTAREQUAL:
        return BINOP_POW;
    case TOK_DOUBLESLASHEQUAL:
        return BINOP_FLOORDIV;
    default:
        return -1;
    }
}

/* annotated_rhs: yield_expr | star_expressions */
static Node *assigned_value(Parser *p) {
    return at(p, TOK_YIELD) ? yield_expr(p) : star_expressions(p);
}

/* Why a target of `target = ...` is invalid, reported the way CPython's invalid_assignment
 * (second pass) does; the generic error in the first pass. */
static void *bad_assign_target(Parser *p, Node *target, bool first) {
    if (!p->call_invalid)
        return fail(p);
    if (target->kind == N_YIELD || target->kind == N_YIELDFROM) {
        error_node(p, target, "%s", "assignment to yield expression not possible");
        return NULL;
    }
    if (first) {
        Node *last = target;
        if (target->kind == N_TUPLE && !at(p, TOK_COMMA) && token_at(p, target)->kind != TOK_LPAR)
            last = target->u.seq.elts.items[target->u.seq.elts.len - 1];
        if (last->kind != N_STARRED && invalid_named(p, last, token_at(p, last)))
            return NULL;
    }
    if (!p->failed && !report_invalid_target(p, target, STAR_TARGETS))
        return fail(p);
    return NULL;
}

/* assignment: (star_targets '=')+ (yield_expr | star_expressions) */
static Node *assign_stmt(Parser *p, Node *lhs) {
    Node *s = new_node_at(p, N_ASSIGN, lhs);
    Node *target = lhs;
    for (bool first = true; at(p, TOK_EQUAL); first = false) {
        if (invalid_target(target, STAR_TARGETS) || target->kind == N_YIELD ||
            target->kind == N_YIELDFROM)
            return bad_assign_target(p, target, first);
        set_ctx(target, CTX_STORE);
        nodelist_push(p->arena, &s->u.assign.targets, target);
        advance(p);
        if (!(target = assigned_value(p)))
            return NULL;
    }
    s->u.assign.value = target;
    return finish(p, s);
}

/* NAME ':' expression ['=' annotated_rhs]
 * | ('(' single_target ')' | single_subscript_attribute_target) ':' expression [...] */
static Node *ann_stmt(Parser *p, Node *lhs, const Token *start) {
    bool paren = start->kind == TOK_LPAR;
    bool single = lhs->kind == N_NAME || lhs->kind == N_ATTRIBUTE || lhs->kind == N_SUBSCRIPT;
    if (!single) {
        if (!p->call_invalid)
            return fail(p);
        const Token *lt = token_at(p, lhs);
        if ((lhs->kind == N_LIST || lhs->kind == N_TUPLE) &&
            (lt->kind == TOK_LSQB || lt->kind == TOK_LPAR))
            error_node(p, lhs, "only single target (not %s) can be annotated", expr_name(lhs));
        else if (lhs->kind == N_TUPLE)
            error_node(p, lhs->u.seq.elts.items[0], "%s",
                       "only single target (not tuple) can be annotated");
        else
            error_node(p, lhs, "%s", "illegal target for annotation");
        return NULL;
    }
    Node *s = new_node_at(p, N_ANNASSIGN, lhs);
    set_ctx(lhs, CTX_STORE);
    s->u.annassign.target = lhs;
    s->u.annassign.simple = lhs->kind == N_NAME && !paren;
    advance(p);
    if (!(s->u.annassign.annotation = expression(p)))
        return NULL;
    if (accept(p, TOK_EQUAL) && !(s->u.annassign.value = assigned_value(p)))
        return NULL;
    return finish(p, s);
}

/* single_target augassign ~ (yield_expr | star_expressions) */
static Node *aug_stmt(Parser *p, Node *lhs, int op) {
    bool single = lhs->kind == N_NAME || lhs->kind == N_ATTRIBUTE || lhs->kind == N_SUBSCRIPT;
    Node *s = new_node_at(p, N_AUGASSIGN, lhs);
    advance(p);
    Node *value = assigned_value(p);
    if (!single) {
        if (p->call_invalid && value)
            error_node(p, lhs, "'%s' is an illegal expression for augmented assignment",
                       expr_name(lhs));
        return fail(p);
    }
    if (!value)
        return NULL;
    set_ctx(lhs, CTX_STORE);
    s->u.augassign.target = lhs;
    s->u.augassign.op = op;
    s->u.augassign.value = value;
    return finish(p, s);
}

/* assignment | star_expressions (an expression statement) | yield_stmt */
static Node *expr_stmt(Parser *p) {
    const Token *start = peek(p);
    Node *lhs = assigned_value(p);
    if (!lhs)
        return NULL;
    TokKind k = peek(p)->kind;
    if (k == TOK_EQUAL)
        return assign_stmt(p, lhs);
    if (k == TOK_COLON)
        return ann_stmt(p, lhs, start);
    if (augassign_op(k) >= 0)
        return aug_stmt(p, lhs, augassign_op(k));
    Node *s = new_node_at(p, N_EXPR, lhs);
    s->u.expr.value = lhs;
    return finish(p, s);
}

/* return_stmt: 'return' [star_expressions] */
static Node *return_stmt(Parser *p) {
    Node *n = new_node(p, N_RETURN, advance(p));
    if ((starts_expression(peek(p)->kind) || at(p, TOK_STAR)) &&
        !(n->u.ret.value = star_expressions(p)))
        return NULL;
    return finish(p, n);
}

/* raise_stmt: 'raise' expression ['from' expression] | 'raise' */
static Node *raise_stmt(Parser *p) {
    Node *n = new_node(p, N_RAISE, advance(p));
    if (at(p, TOK_NEWLINE) || at(p, TOK_SEMI))
        return n;
    if (!(n->u.raise.exc = expression(p)))
        return NULL;
    if (accept(p, TOK_FROM) && !(n->u.raise.cause = expression(p)))
        return NULL;
    return finish(p, n);
}

/* assert_stmt: 'assert' expression [',' expression] */
static Node *assert_stmt(Parser *p) {
    Node *n = new_node(p, N_ASSERT, advance(p));
    if (!(n->u.assert_.test = expression(p)))
        return NULL;
    if (accept(p, TOK_COMMA) && !(n->u.assert_.msg = expression(p)))
        return NULL;
    return finish(p, n);
}

/* global_stmt: 'global' ','.NAME+ ; nonlocal_stmt: 'nonlocal' ','.NAME+ */
static Node *names_stmt(Parser *p, NodeKind kind) {
    Node *n = new_node(p, kind, advance(p));
    int cap = 0;
    do {
        const Token *t = expect(p, TOK_NAME);
        if (!t)
            return NULL;
        if (n->u.names.count == cap) {
            const char **names =
                arena_alloc(p->arena, (size_t)(cap = cap ? cap * 2 : 4) * sizeof *names);
            if (n->u.names.count)
                memcpy(names, n->u.names.names, (size_t)n->u.names.count * sizeof *names);
            n->u.names.names = names;
        }
        n->u.names.names[n->u.names.count++] = tok_text(p, t);
    } while (accept(p, TOK_COMMA));
    return finish(p, n);
}

/* del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt */
static Node *del_stmt(Parser *p) {
    Node *n = new_node(p, N_DELETE, advance(p));
    Node *e = star_expressions(p);
    if (!e)
        return NULL;
    if (invalid_target(e, DEL_TARGETS) || (!at(p, TOK_SEMI) && !at(p, TOK_NEWLINE))) {
        if (p->call_invalid)
            report_invalid_target(p, e, DEL_TARGETS);
        return fail(p);
    }
    set_ctx(e, CTX_DEL);
    if (e->kind == N_TUPLE && token_at(p, e)->kind != TOK_LPAR)
        n->u.del.targets = e->u.seq.elts;
    else
        nodelist_push(p->arena, &n->u.del.targets, e);
    return finish(p, n);
}

/* dotted_name: dotted_name '.' NAME | NAME (as one string) */
static const char *dotted_name(Parser *p) {
    const Token *first = expect(p, TOK_NAME);
    if (!first)
        return NULL;
    while (at(p, TOK_DOT) && look(p, 1)->kind == TOK_NAME)
        advance(p), advance(p);
    /* the tokens may be separated by spaces: rebuild without them */
    size_t cap = prev(p)->end - first->start + 1, k = 0;
    char *s = arena_alloc(p->arena, cap);
    for (const Token *t = first; t <= prev(p); t++)
        for (size_t i = t->start; i < t->end; i++)
            s[k++] = p->src[i];
    return s;
}

/* dotted_as_name / import_from_as_name: name ['as' NAME] */
static Node *alias(Parser *p, bool dotted) {
    const Token *start = peek(p);
    Node *a = new_node(p, N_ALIAS, start);
    const Token *t = dotted ? start : expect(p, TOK_NAME);
    if (!t || !(a->u.alias.name = dotted ? dotted_name(p) : tok_text(p, t)))
        return NULL;
    if (accept(p, TOK_AS)) {
        const Token *as = expect(p, TOK_NAME);
        if (!as)
            return NULL;
        a->u.alias.asname = tok_text(p, as);
    }
    return finish(p, a);
}

/* import_name: 'import' dotted_as_names */
static Node *import_name(Parser *p) {
    Node *n = new_node(p, N_IMPORT, advance(p));
    do {
        Node *a = alias(p, true);
        if (!a)
            return NULL;
        nodelist_push(p->arena, &n->u.import.names, a);
    } while (accept(p, TOK_COMMA));
    return finish(p, n);
}

/* import_from_targets: '(' import_from_as_names [','] ')' | import_from_as_names !','
 *                    | '*' | invalid_import_from_targets */
static bool import_targets(Parser *p, Node *n) {
    if (at(p, TOK_STAR)) {
        const Token *t = advance(p);
        Node *a = new_node(p, N_ALIAS, t);
        a->u.alias.name = "*";
        nodelist_push(p->arena, &n->u.import.names, a);
        return true;
    }
    bool paren = accept(p, TOK_LPAR) != NULL;
    do {
        if (paren && at(p, TOK_RPAR) && n->u.import.names.len)
            break;
        if (!paren && n->u.import.names.len && at(p, TOK_NEWLINE)) {
            if (p->call_invalid)
                error_last(p, DIAG_SYNTAX, "%s",
                           "trailing comma not allowed without surrounding parentheses");
            return fail(p), false;
        }
        Node *a = alias(p, false);
        if (!a)
            return false;
        nodelist_push(p->arena, &n->u.import.names, a);
    } while (accept(p, TOK_COMMA));
    return !paren || expect(p, TOK_RPAR);
}

/* import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
 *            | 'from' ('.' | '...')+ 'import' import_from_targets */
static Node *import_from(Parser *p) {
    Node *n = new_node(p, N_IMPORTFROM, advance(p));
    for (;;) {
        if (accept(p, TOK_DOT))
            n->u.import.level += 1;
        else if (accept(p, TOK_ELLIPSIS))
            n->u.import.level += 3;
        else
            break;
    }
    if (!(n->u.import.level && at(p, TOK_IMPORT)) && !(n->u.import.module = dotted_name(p)))
        return NULL;
    if (!expect(p, TOK_IMPORT) || !import_targets(p, n))
        return NULL;
    return finish(p, n);
}

/* A statement that is just a keyword: pass, break, continue. */
static Node *keyword_stmt(Parser *p, NodeKind kind) {
    return new_node(p, kind, advance(p));
}

/* simple_stmt: assignment | star_expressions | return_stmt | import_stmt | raise_stmt
 *            | 'pass' | del_stmt | yield_stmt | assert_stmt | 'break' | 'continue'
 *            | global_stmt | nonlocal_stmt */
static Node *simple_stmt(Parser *p) {
    switch (peek(p)->kind) {
    case TOK_RETURN:
        return return_stmt(p);
    case TOK_IMPORT:
        return import_name(p);
    case TOK_FROM:
        return import_from(p);
    case TOK_RAISE:
        return raise_stmt(p);
    case TOK_PASS:
        return keyword_stmt(p, N_PASS);
    case TOK_BREAK:
        return keyword_stmt(p, N_BREAK);
    case TOK_CONTINUE:
        return keyword_stmt(p, N_CONTINUE);
    case TOK_DEL:
        return del_stmt(p);
    case TOK_ASSERT:
        return assert_stmt(p);
    case TOK_GLOBAL:
        return names_stmt(p, N_GLOBAL);
    case TOK_NONLOCAL:
        return names_stmt(p, N_NONLOCAL);
    default:
        return expr_stmt(p);
    }
}

/* simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE */
static bool simple_stmts(Parser *p, NodeList *out) {
    do {
        if (out->len && at(p, TOK_NEWLINE) && prev(p)->kind == TOK_SEMI)
            break;
        Node *s = simple_stmt(p);
        if (!s)
            return false;
        nodelist_push(p->arena, out, s);
    } while (accept(p, TOK_SEMI));
    return expect(p, TOK_NEWLINE) != NULL;
}

/* file: [statements] ENDMARKER */
static Node *file(Parser *p) {
    Node *m = new_node(p, N_MODULE, &p->tl.toks[0]);
    while (!at(p, TOK_ENDMARKER) && !p->failed)
        if (!statement(p, &m->u.module.body))
            return NULL;
    return p->failed ? NULL : m;
}

/* ================================================================== entry points */

/* One pass over the tokens; the second pass checks CPython's invalid_ patterns. */
static Node *parse_pass(Parser *p, bool second) {
    p->pos = 0;
    p->depth = 0;
    p->failed = p->generic = false;
    p->call_invalid = second;
    p->spec_budget = 20000;
    memset(&p->unsupported, 0, sizeof p->unsupported);
    return file(p);
}

/* After a parser error, CPython scans the rest of the file: when it ends inside brackets
 * opened before the line the parser stopped on, "'(' was never closed" wins. */
static void check_unclosed(Parser *p) {
    const Diag *u = &p->tl.unclosed;
    const Diag *d = p->diag;
    bool reached = d->line == u->line && d->col == u->col && !strcmp(d->message, u->message);
    if (u->kind != DIAG_NONE && !reached && last_token(p)->line > u->line)
        *p->diag = *u;
}

/* Copies src with "\r\n" and "\r" turned into "\n", as CPython reads files. */
static const char *normalize_newlines(Arena *a, const char *src, size_t *len) {
    if (!memchr(src, '\r', *len))
        return src;
    char *d = arena_alloc(a, *len + 1);
    size_t k = 0;
    for (size_t i = 0; i < *len; i++) {
        if (src[i] == '\r' && i + 1 < *len && src[i + 1] == '\n')
            continue;
        d[k++] = src[i] == '\r' ? '\n' : src[i];
    }
    *len = k;
    return d;
}

/* Runs both passes as CPython's _PyPegen_run_parser does; returns the tree or NULL. */
static Node *run_parser(Parser *p) {
    Node *root = parse_pass(p, false);
    if (root || !p->generic)
        return root;
    Diag first = *p->diag;
    int fill = p->fill;
    parse_pass(p, true);
    if (!p->failed || p->generic) {
        *p->diag = first;
        p->fill = fill > p->fill ? fill : p->fill;
    }
    return NULL;
}

bool ast_parse(Ast *ast, const char *source, size_t len) {
    memset(ast, 0, sizeof *ast);
    Arena *arena = calloc(1, sizeof *arena);
    if (!arena) {
        fprintf(stderr, "%s:%d: out of memory\n", __FILE__, __LINE__);
        abort();
    }
    ast->arena = arena;
    Parser p = {0};
    p.arena = arena;
    p.diag = &ast->diag;
    p.src = normalize_newlines(arena, source, &len);
    p.len = len;
    if (!lex_tokenize(p.src, p.len, &p.tl)) {
        ast->diag = p.tl.hard;
        lex_free(&p.tl);
        return false;
    }
    Node *root = run_parser(&p);
    if (!root)
        check_unclosed(&p);
    else if (p.unsupported.kind != DIAG_NONE)
        ast->diag = p.unsupported;
    else
        ast->root = root;
    lex_free(&p.tl);
    return ast->root != NULL;
}

/* Shifts an error position from the file into the "(expr)" text CPython parses for an
 * f-string replacement field (its columns are relative to that text on its first line). */
static void shift_to_fstring_text(Diag *d, int line, int shift) {
    if (d->line == line)
        d->col -= shift;
    if (d->end_line == line && d->end_col > 0)
        d->end_col -= shift;
}

/* fstring: star_expressions (then the end of the field), one pass of two. */
static Node *fstring_pass(Parser *sub, bool second) {
    sub->pos = 0;
    sub->failed = sub->generic = false;
    sub->call_invalid = second;
    sub->spec_budget = 20000;
    Node *e = star_expressions(sub);
    return e && !at(sub, TOK_ENDMARKER) ? fail(sub) : e;
}

Node *parser_fstring_expr(Parser *p, size_t start, size_t end, const Token *string_tok) {
    (void)string_tok;
    size_t line_start = start;
    int line = 1;
    while (line_start > 0 && p->src[line_start - 1] != '\n')
        line_start--;
    for (size_t i = 0; i < line_start; i++)
        line += p->src[i] == '\n';
    Parser sub = {0};
    sub.src = p->src;
    sub.len = p->len;
    sub.arena = p->arena;
    sub.diag = p->diag;
    sub.in_fstring = true;
    sub.fstring_depth = p->fstring_depth + 1;
    int shift = (int)(start - line_start) - 1;
    if (sub.fstring_depth > 20 ||
        !lex_tokenize_fragment(p->src, start, end, line, line_start, &sub.tl)) {
        if (sub.fstring_depth <= 20)
            *p->diag = sub.tl.hard;
        lex_free(&sub.tl);
        p->failed = true;
        return NULL;
    }
    Node *e = fstring_pass(&sub, false);
    if (!e && sub.generic) {
        Diag first = *p->diag;
        e = fstring_pass(&sub, true);
        if (!e && (sub.generic || !sub.failed))
            *p->diag = first;
        e = NULL;
    }
    if (!e)
        shift_to_fstring_text(p->diag, line, shift);
    if (sub.unsupported.kind != DIAG_NONE && p->unsupported.kind == DIAG_NONE)
        p->unsupported = sub.unsupported;
    lex_free(&sub.tl);
    if (!e) {
        p->failed = true;
        p->generic = false;
    }
    return e;
}

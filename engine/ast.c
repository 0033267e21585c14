/*
 * ast.c - storage of syntax trees (the arena) and their debug dump in the format of
 * Python's ast.dump(), so that tests can compare a tree with what CPython builds.
 *
 * Not for: building trees (parser.c) or giving them meaning (compiler.c).
 */
#include "parser_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "object.h"

/* ------------------------------------------------------------------ arena */

/*
 * The arena allocates with malloc/free directly, not ls_alloc: the parser runs before any
 * VM exists (ast_parse takes no VM) and a whole tree is released at once by ast_free.
 */
struct ArenaChunk {
    ArenaChunk *next;
    size_t used, cap;
    max_align_t data[];
};

enum { CHUNK_SIZE = 64 * 1024 };

static void *xmalloc(size_t n) {
    void *p = calloc(1, n);
    if (!p) {
        fprintf(stderr, "%s:%d: out of memory\n", __FILE__, __LINE__);
        abort();
    }
    return p;
}

void *arena_alloc(Arena *a, size_t size) {
    size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    ArenaChunk *c = a->head;
    if (!c || c->cap - c->used < size) {
        size_t cap = size > CHUNK_SIZE ? size : CHUNK_SIZE;
        c = xmalloc(sizeof *c + cap);
        c->cap = cap;
        c->next = a->head;
        a->head = c;
    }
    void *p = (char *)c->data + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n) {
    char *d = arena_alloc(a, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void arena_release(Arena *a) {
    for (ArenaChunk *c = a->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    a->head = NULL;
}

void nodelist_push(Arena *a, NodeList *list, Node *n) {
    if (list->len == list->cap) {
        /* the old array stays in the arena: lists are short, and this keeps one owner */
        int cap = list->cap ? list->cap * 2 : 4;
        Node **items = arena_alloc(a, (size_t)cap * sizeof *items);
        if (list->len)
            memcpy(items, list->items, (size_t)list->len * sizeof *items);
        list->items = items;
        list->cap = cap;
    }
    list->items[list->len++] = n;
}

const char *const ast_node_names[N_COUNT] = {
#define X(k) #k,
    LS_NODES(X)
#undef X
};

void ast_free(Ast *ast) {
    if (ast->arena) {
        arena_release(ast->arena);
        free(ast->arena);
    }
    ast->arena = NULL;
    ast->root = NULL;
}

/* ------------------------------------------------------------------ dump buffer */

typedef struct {
    char *s;
    size_t len, cap;
    bool positions; /* also print lineno/col_offset/... (ast.dump's include_attributes) */
} Buf;

static void put(Buf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            fprintf(stderr, "%s:%d: out of memory\n", __FILE__, __LINE__);
            abort();
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void puts_(Buf *b, const char *s) {
    put(b, s, strlen(s));
}

static void putf(Buf *b, const char *fmt, ...) {
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    put(b, tmp, n < (int)sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* ------------------------------------------------------------------ Python reprs */

/* repr() of a str: the quote choice and escapes of CPython's unicode_repr. */
static void put_str_repr(Buf *b, const char *s, size_t n) {
    bool sq = memchr(s, '\'', n) != NULL, dq = memchr(s, '"', n) != NULL;
    char quote = (sq && !dq) ? '"' : '\'';
    put(b, &quote, 1);
    for (size_t i = 0; i < n;) {
        size_t from = i;
        unsigned cp = lex_utf8_decode(s, n, &i);
        if (cp == (unsigned)quote || cp == '\\')
            putf(b, "\\%c", (char)cp);
        else if (cp == '\n')
            puts_(b, "\\n");
        else if (cp == '\r')
            puts_(b, "\\r");
        else if (cp == '\t')
            puts_(b, "\\t");
        else if (cp < 0x20 || cp == 0x7F)
            putf(b, "\\x%02x", cp);
        else if (cp >= 0x80 && !lex_is_printable(cp))
            putf(b, cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x", cp);
        else
            put(b, s + from, i - from);
    }
    put(b, &quote, 1);
}

/* repr() of a float: the shortest digits that round-trip, laid out as Python's
 * float_repr_style 'short' does (exponent when < -4 or >= 16). */
static void put_float_repr(Buf *b, double f) {
    if (isnan(f)) {
        puts_(b, "nan");
        return;
    }
    if (isinf(f)) {
        puts_(b, f < 0 ? "-inf" : "inf");
        return;
    }
    char e[40];
    for (int prec = 0; prec < 17; prec++) {
        snprintf(e, sizeof e, "%.*e", prec, f);
        if (strtod(e, NULL) == f)
            break;
    }
    /* e is "[-]d.ddde[+-]xx": split into sign, digits and decimal exponent */
    char digits[32];
    int nd = 0, exp10;
    const char *p = e;
    bool neg = *p == '-';
    p += neg;
    for (; *p && *p != 'e'; p++)
        if (*p != '.')
            digits[nd++] = *p;
    exp10 = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    digits[nd] = '\0';
    if (neg)
        puts_(b, "-");
    if (exp10 < -4 || exp10 >= 16) {
        put(b, digits, 1);
        if (nd > 1) {
            puts_(b, ".");
            puts_(b, digits + 1);
        }
        putf(b, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
    } else if (exp10 < 0) {
        puts_(b, "0.");
        for (int i = 0; i < -exp10 - 1; i++)
            puts_(b, "0");
        puts_(b, digits);
    } else {
        for (int i = 0; i <= exp10; i++)
            put(b, i < nd ? &digits[i] : "0", 1);
        puts_(b, ".");
        if (nd > exp10 + 1)
            puts_(b, digits + exp10 + 1);
        else
            puts_(b, "0");
    }
}

/* ------------------------------------------------------------------ dump */

static const char *const binop_names[BINOP_COUNT] = {
    [BINOP_ADD] = "Add",       [BINOP_SUB] = "Sub",           [BINOP_MUL] = "Mult",
    [BINOP_TRUEDIV] = "Div",   [BINOP_FLOORDIV] = "FloorDiv", [BINOP_MOD] = "Mod",
    [BINOP_POW] = "Pow",       [BINOP_LSHIFT] = "LShift",     [BINOP_RSHIFT] = "RShift",
    [BINOP_AND] = "BitAnd",    [BINOP_OR] = "BitOr",          [BINOP_XOR] = "BitXor",
    [BINOP_MATMUL] = "MatMult"};
static const char *const cmp_names[] = {"Lt",  "LtE", "Eq",    "NotEq", "Gt",
                                        "GtE", "In",  "NotIn", "Is",    "IsNot"};
static const char *const ctx_names[] = {"Load()", "Store()", "Del()"};

static void dump(Buf *b, const Node *n);

/* Dumps "name=" before each field but the first. */
typedef struct {
    Buf *b;
    int count;
} Fields;

static void field(Fields *f, const char *name) {
    if (f->count++)
        puts_(f->b, ", ");
    putf(f->b, "%s=", name);
}

static void f_node(Fields *f, const char *name, const Node *n) {
    field(f, name);
    dump(f->b, n);
}

/* An optional node: omitted when NULL, as ast.dump omits None for optional fields. */
static void f_opt(Fields *f, const char *name, const Node *n) {
    if (n)
        f_node(f, name, n);
}

static void f_list(Fields *f, const char *name, const NodeList *l) {
    field(f, name);
    puts_(f->b, "[");
    for (int i = 0; i < l->len; i++) {
        if (i)
            puts_(f->b, ", ");
        if (l->items[i])
            dump(f->b, l->items[i]);
        else
            puts_(f->b, "None");
    }
    puts_(f->b, "]");
}

static void f_str(Fields *f, const char *name, const char *s) {
    field(f, name);
    put_str_repr(f->b, s, strlen(s));
}

static void f_opt_str(Fields *f, const char *name, const char *s) {
    if (s)
        f_str(f, name, s);
}

static void f_raw(Fields *f, const char *name, const char *text) {
    field(f, name);
    puts_(f->b, text);
}

static void f_int(Fields *f, const char *name, long v) {
    field(f, name);
    putf(f->b, "%ld", v);
}

static void f_op(Fields *f, int op) {
    field(f, "op");
    putf(f->b, "%s()", op >= 0 && op < BINOP_COUNT ? binop_names[op] : "?");
}

static void f_names(Fields *f, const char **names, int count) {
    field(f, "names");
    puts_(f->b, "[");
    for (int i = 0; i < count; i++) {
        if (i)
            puts_(f->b, ", ");
        put_str_repr(f->b, names[i], strlen(names[i]));
    }
    puts_(f->b, "]");
}

static void dump_constant(Fields *f, const Node *n) {
    field(f, "value");
    Buf *b = f->b;
    switch (n->u.constant.kind) {
    case CONST_NONE:
        puts_(b, "None");
        break;
    case CONST_TRUE:
        puts_(b, "True");
        break;
    case CONST_FALSE:
        puts_(b, "False");
        break;
    case CONST_ELLIPSIS:
        puts_(b, "Ellipsis");
        break;
    case CONST_INT:
        putf(b, "%lld", (long long)n->u.constant.i);
        break;
    case CONST_FLOAT:
        put_float_repr(b, n->u.constant.f);
        break;
    case CONST_STR:
        put_str_repr(b, n->u.constant.s, n->u.constant.len);
        break;
    }
}

static void dump_funcdef(Fields *f, const Node *n) {
    f_str(f, "name", n->u.funcdef.name);
    f_node(f, "args", n->u.funcdef.args);
    f_list(f, "body", &n->u.funcdef.body);
    f_list(f, "decorator_list", &n->u.funcdef.decorators);
    f_opt(f, "returns", n->u.funcdef.returns);
}

static void dump_arguments(Fields *f, const Node *n) {
    f_list(f, "posonlyargs", &n->u.arguments.posonlyargs);
    f_list(f, "args", &n->u.arguments.args);
    f_opt(f, "vararg", n->u.arguments.vararg);
    f_list(f, "kwonlyargs", &n->u.arguments.kwonlyargs);
    f_list(f, "kw_defaults", &n->u.arguments.kw_defaults);
    f_opt(f, "kwarg", n->u.arguments.kwarg);
    f_list(f, "defaults", &n->u.arguments.defaults);
}

static void dump_compare(Fields *f, const Node *n) {
    f_node(f, "left", n->u.compare.left);
    field(f, "ops");
    puts_(f->b, "[");
    for (int i = 0; i < n->u.compare.comparators.len; i++)
        putf(f->b, "%s%s()", i ? ", " : "", cmp_names[n->u.compare.ops[i]]);
    puts_(f->b, "]");
    f_list(f, "comparators", &n->u.compare.comparators);
}

static void dump_comp(Fields *f, const Node *n) {
    if (n->kind == N_DICTCOMP) {
        f_node(f, "key", n->u.comp.elt);
        f_node(f, "value", n->u.comp.value);
    } else {
        f_node(f, "elt", n->u.comp.elt);
    }
    f_list(f, "generators", &n->u.comp.generators);
}

static void dump_import(Fields *f, const Node *n) {
    if (n->kind == N_IMPORT) {
        f_list(f, "names", &n->u.import.names);
        return;
    }
    f_opt_str(f, "module", n->u.import.module);
    f_list(f, "names", &n->u.import.names);
    f_int(f, "level", n->u.import.level);
}

static void dump_formatted(Fields *f, const Node *n) {
    f_node(f, "value", n->u.formatted.value);
    f_int(f, "conversion", n->u.formatted.conversion);
    f_opt(f, "format_spec", n->u.formatted.format_spec);
}

/* Statements. Returns false if n is not a statement. */
static bool dump_stmt(Fields *f, const Node *n) {
    switch (n->kind) {
    case N_MODULE:
        f_list(f, "body", &n->u.module.body);
        f_raw(f, "type_ignores", "[]");
        break;
    case N_FUNCTIONDEF:
        dump_funcdef(f, n);
        break;
    case N_CLASSDEF:
        f_str(f, "name", n->u.classdef.name);
        f_list(f, "bases", &n->u.classdef.bases);
        f_list(f, "keywords", &n->u.classdef.keywords);
        f_list(f, "body", &n->u.classdef.body);
        f_list(f, "decorator_list", &n->u.classdef.decorators);
        break;
    case N_RETURN:
        f_opt(f, "value", n->u.ret.value);
        break;
    case N_DELETE:
        f_list(f, "targets", &n->u.del.targets);
        break;
    case N_ASSIGN:
        f_list(f, "targets", &n->u.assign.targets);
        f_node(f, "value", n->u.assign.value);
        break;
    case N_AUGASSIGN:
        f_node(f, "target", n->u.augassign.target);
        f_op(f, n->u.augassign.op);
        f_node(f, "value", n->u.augassign.value);
        break;
    case N_ANNASSIGN:
        f_node(f, "target", n->u.annassign.target);
        f_node(f, "annotation", n->u.annassign.annotation);
        f_opt(f, "value", n->u.annassign.value);
        f_int(f, "simple", n->u.annassign.simple);
        break;
    case N_FOR:
        f_node(f, "target", n->u.for_.target);
        f_node(f, "iter", n->u.for_.iter);
        f_list(f, "body", &n->u.for_.body);
        f_list(f, "orelse", &n->u.for_.orelse);
        break;
    case N_WHILE:
    case N_IF:
        f_node(f, "test", n->u.if_.test);
        f_list(f, "body", &n->u.if_.body);
        f_list(f, "orelse", &n->u.if_.orelse);
        break;
    case N_WITH:
        f_list(f, "items", &n->u.with.items);
        f_list(f, "body", &n->u.with.body);
        break;
    case N_RAISE:
        f_opt(f, "exc", n->u.raise.exc);
        f_opt(f, "cause", n->u.raise.cause);
        break;
    case N_TRY:
        f_list(f, "body", &n->u.try_.body);
        f_list(f, "handlers", &n->u.try_.handlers);
        f_list(f, "orelse", &n->u.try_.orelse);
        f_list(f, "finalbody", &n->u.try_.finalbody);
        break;
    case N_ASSERT:
        f_node(f, "test", n->u.assert_.test);
        f_opt(f, "msg", n->u.assert_.msg);
        break;
    case N_IMPORT:
    case N_IMPORTFROM:
        dump_import(f, n);
        break;
    case N_GLOBAL:
    case N_NONLOCAL:
        f_names(f, n->u.names.names, n->u.names.count);
        break;
    case N_EXPR:
        f_node(f, "value", n->u.expr.value);
        break;
    case N_PASS:
    case N_BREAK:
    case N_CONTINUE:
        break;
    default:
        return false;
    }
    return true;
}

/* Expressions. Returns false if n is not an expression. */
static bool dump_expr(Fields *f, const Node *n) {
    switch (n->kind) {
    case N_BOOLOP:
        f_raw(f, "op", n->u.boolop.op == BOOL_AND ? "And()" : "Or()");
        f_list(f, "values", &n->u.boolop.values);
        break;
    case N_BINOP:
        f_node(f, "left", n->u.binop.left);
        f_op(f, n->u.binop.op);
        f_node(f, "right", n->u.binop.right);
        break;
    case N_UNARYOP: {
        static const char *const names[] = {[UNOP_NEG] = "USub()",
                                            [UNOP_POS] = "UAdd()",
                                            [UNOP_INVERT] = "Invert()",
                                            [UNOP_NOT] = "Not()"};
        f_raw(f, "op", names[n->u.unaryop.op]);
        f_node(f, "operand", n->u.unaryop.operand);
        break;
    }
    case N_LAMBDA:
        f_node(f, "args", n->u.lambda.args);
        f_node(f, "body", n->u.lambda.body);
        break;
    case N_IFEXP:
        f_node(f, "test", n->u.ifexp.test);
        f_node(f, "body", n->u.ifexp.body);
        f_node(f, "orelse", n->u.ifexp.orelse);
        break;
    case N_DICT:
        f_list(f, "keys", &n->u.dict.keys);
        f_list(f, "values", &n->u.dict.values);
        break;
    case N_SET:
        f_list(f, "elts", &n->u.seq.elts);
        break;
    case N_LISTCOMP:
    case N_SETCOMP:
    case N_DICTCOMP:
    case N_GENERATOREXP:
        dump_comp(f, n);
        break;
    case N_AWAIT:
    case N_YIELDFROM:
        f_node(f, "value", n->u.unary_value.value);
        break;
    case N_YIELD:
        f_opt(f, "value", n->u.unary_value.value);
        break;
    case N_COMPARE:
        dump_compare(f, n);
        break;
    case N_CALL:
        f_node(f, "func", n->u.call.func);
        f_list(f, "args", &n->u.call.args);
        f_list(f, "keywords", &n->u.call.keywords);
        break;
    case N_FORMATTEDVALUE:
        dump_formatted(f, n);
        break;
    case N_JOINEDSTR:
        f_list(f, "values", &n->u.joined.values);
        break;
    case N_CONSTANT:
        dump_constant(f, n);
        break;
    case N_ATTRIBUTE:
        f_node(f, "value", n->u.attribute.value);
        f_str(f, "attr", n->u.attribute.attr);
        f_raw(f, "ctx", ctx_names[n->u.attribute.ctx]);
        break;
    case N_SUBSCRIPT:
        f_node(f, "value", n->u.subscript.value);
        f_node(f, "slice", n->u.subscript.slice);
        f_raw(f, "ctx", ctx_names[n->u.subscript.ctx]);
        break;
    case N_STARRED:
        f_node(f, "value", n->u.starred.value);
        f_raw(f, "ctx", ctx_names[n->u.starred.ctx]);
        break;
    case N_NAME:
        f_str(f, "id", n->u.name.id);
        f_raw(f, "ctx", ctx_names[n->u.name.ctx]);
        break;
    case N_LIST:
    case N_TUPLE:
        f_list(f, "elts", &n->u.seq.elts);
        f_raw(f, "ctx", ctx_names[n->u.seq.ctx]);
        break;
    case N_SLICE:
        f_opt(f, "lower", n->u.slice.lower);
        f_opt(f, "upper", n->u.slice.upper);
        f_opt(f, "step", n->u.slice.step);
        break;
    default:
        return false;
    }
    return true;
}

/* The helper nodes (arguments, arg, keyword, ...). */
static void dump_helper(Fields *f, const Node *n) {
    switch (n->kind) {
    case N_ARGUMENTS:
        dump_arguments(f, n);
        break;
    case N_ARG:
        f_str(f, "arg", n->u.arg.arg);
        f_opt(f, "annotation", n->u.arg.annotation);
        break;
    case N_KEYWORD:
        f_opt_str(f, "arg", n->u.keyword.arg);
        f_node(f, "value", n->u.keyword.value);
        break;
    case N_ALIAS:
        f_str(f, "name", n->u.alias.name);
        f_opt_str(f, "asname", n->u.alias.asname);
        break;
    case N_WITHITEM:
        f_node(f, "context_expr", n->u.withitem.context_expr);
        f_opt(f, "optional_vars", n->u.withitem.optional_vars);
        break;
    case N_EXCEPTHANDLER:
        f_opt(f, "type", n->u.handler.type);
        f_opt_str(f, "name", n->u.handler.name);
        f_list(f, "body", &n->u.handler.body);
        break;
    case N_COMPREHENSION:
        f_node(f, "target", n->u.comprehension.target);
        f_node(f, "iter", n->u.comprehension.iter);
        f_list(f, "ifs", &n->u.comprehension.ifs);
        f_int(f, "is_async", n->u.comprehension.is_async);
        break;
    default:
        break;
    }
}

/* CPython's class name for a node (async variants included). */
static const char *class_name(const Node *n) {
    static const char *const names[N_COUNT] = {
        "Module",        "FunctionDef",  "ClassDef", "Return",         "Delete",     "Assign",
        "AugAssign",     "AnnAssign",    "For",      "While",          "If",         "With",
        "Raise",         "Try",          "Assert",   "Import",         "ImportFrom", "Global",
        "Nonlocal",      "Expr",         "Pass",     "Break",          "Continue",   "BoolOp",
        "BinOp",         "UnaryOp",      "Lambda",   "IfExp",          "Dict",       "Set",
        "ListComp",      "SetComp",      "DictComp", "GeneratorExp",   "Await",      "Yield",
        "YieldFrom",     "Compare",      "Call",     "FormattedValue", "JoinedStr",  "Constant",
        "Attribute",     "Subscript",    "Starred",  "Name",           "List",       "Tuple",
        "Slice",         "arguments",    "arg",      "keyword",        "alias",      "withitem",
        "ExceptHandler", "comprehension"};
    if ((n->kind == N_FUNCTIONDEF && n->u.funcdef.is_async))
        return "AsyncFunctionDef";
    if (n->kind == N_FOR && n->u.for_.is_async)
        return "AsyncFor";
    if (n->kind == N_WITH && n->u.with.is_async)
        return "AsyncWith";
    return names[n->kind];
}

/* Nodes that have positions in CPython (stmt, expr, excepthandler, arg, keyword, alias). */
static bool has_position(NodeKind k) {
    return k != N_MODULE && k != N_ARGUMENTS && k != N_WITHITEM && k != N_COMPREHENSION;
}

static void dump(Buf *b, const Node *n) {
    if (!n) {
        puts_(b, "None");
        return;
    }
    puts_(b, class_name(n));
    puts_(b, "(");
    Fields f = {b, 0};
    if (!dump_stmt(&f, n) && !dump_expr(&f, n))
        dump_helper(&f, n);
    if (b->positions && has_position(n->kind))
        putf(b, "%slineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d", f.count ? ", " : "",
             n->line, n->col, n->end_line, n->end_col);
    puts_(b, ")");
}

char *ast_dump_ex(const Node *node, bool positions) {
    Buf b = {0};
    b.positions = positions;
    dump(&b, node);
    if (!b.s)
        put(&b, "", 0);
    return b.s;
}

char *ast_dump(const Node *node) {
    return ast_dump_ex(node, false);
}

/*
 * compiler.c - from the syntax tree to code objects, in two passes like CPython's:
 *
 *   1. symbol table: one Scope per module, class, function, lambda and comprehension;
 *      every name gets a scope (local, cell, free, global explicit/implicit) by CPython's
 *      symtable.c rules (analyze_block / analyze_name), and SyntaxErrors about global and
 *      nonlocal are found here;
 *   2. code generation: one Unit per scope emits instructions with positions, a static
 *      stack depth, labels and an exception table (CPython 3.11's layout: handlers are
 *      regions of code, not runtime block pushes; try/with/finally follow compile.c).
 *
 * Errors are the first SyntaxError in CPython's order (symbol table first), written into
 * the caller's Diag; after the first error the compiler keeps walking but emits nothing.
 *
 * Not for: parsing (parser.c), running code (vm.c).
 */
#include "compiler.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ================================================================ memory helpers */

/* Grows *arr (of *cap elements of `elem` bytes) to hold at least `need` elements. */
static bool grow(VM *vm, void **arr, int *cap, int need, size_t elem) {
    if (need <= *cap)
        return true;
    int ncap = *cap ? *cap : 8;
    while (ncap < need)
        ncap *= 2;
    void *p = ls_alloc(vm, (size_t)ncap * elem);
    if (!p)
        return false;
    if (*arr) {
        memcpy(p, *arr, (size_t)*cap * elem);
        ls_free(vm, *arr, (size_t)*cap * elem);
    }
    *arr = p;
    *cap = ncap;
    return true;
}
#define GROW(c, arr, n, cap) grow((c)->vm, (void **)&(arr), &(cap), (n) + 1, sizeof *(arr))

/* ================================================================ symbol table */

/* How a name is used in one scope (CPython's DEF_* flags). */
enum {
    DEF_GLOBAL = 1,      /* global statement */
    DEF_LOCAL = 2,       /* assigned, deleted, imported, a def/class/for target */
    DEF_PARAM = 4,       /* a parameter */
    DEF_NONLOCAL = 8,    /* nonlocal statement */
    DEF_USE = 16,        /* read */
    DEF_FREE_CLASS = 32, /* class scope: also free in a method (both namespace and cell) */
    DEF_BOUND = DEF_LOCAL | DEF_PARAM,
};

/* Where a name lives (CPython's scope values). */
typedef enum {
    SYM_NONE,
    SYM_LOCAL,
    SYM_GLOBAL_EXPLICIT,
    SYM_GLOBAL_IMPLICIT,
    SYM_FREE,
    SYM_CELL
} SymScope;

typedef struct {
    const char *name;
    int flags;
    SymScope scope;
    const Node *directive; /* the first global/nonlocal statement naming it (errors) */
} Symbol;

typedef enum { SCOPE_MODULE, SCOPE_FUNCTION, SCOPE_CLASS } ScopeKind;

typedef struct Scope Scope;
struct Scope {
    ScopeKind kind;
    const Node *node; /* the N_MODULE/N_FUNCTIONDEF/N_LAMBDA/N_CLASSDEF/comprehension node */
    const char *name;
    Scope *parent;
    Symbol *syms; /* in order of first appearance: parameters first */
    int nsyms, capsyms;
    Scope **kids;
    int nkids, capkids;
    int nparams;       /* the first nparams symbols are parameters, in order */
    bool is_generator; /* contains yield */
    bool is_coroutine; /* async def, or a comprehension containing await/async for */
    bool is_async_def; /* async def */
    bool is_comprehension;
    bool is_lambda;
    bool needs_class_closure; /* class: a method uses __class__ or super() */
};

/* A set of names during analysis: a small array (scopes are small). */
typedef struct {
    const char **items;
    int n, cap;
} NameSet;

/* ================================================================ compiler state */

/* Compile-time blocks that break/continue/return must unwind (CPython's fblocks). */
typedef enum {
    FB_WHILE,
    FB_FOR,
    FB_TRY_EXCEPT,
    FB_FINALLY_TRY,
    FB_FINALLY_END,
    FB_WITH,
    FB_ASYNC_WITH,
    FB_HANDLER_CLEANUP,
    FB_POP_VALUE,
    FB_EXCEPTION_HANDLER,
    FB_ASYNC_COMPREHENSION
} FBlockKind;

typedef struct {
    FBlockKind kind;
    int start, exit;      /* labels: loop start (continue) and exit (break) */
    const NodeList *body; /* FB_FINALLY_TRY: the finally body */
    const char *name;     /* FB_HANDLER_CLEANUP: the `as` name, or NULL */
    const Node *node;     /* FB_WITH: the with statement (position of the exit call) */
} FBlock;

typedef struct {
    uint32_t word; /* opcode and argument (jump arguments are label ids until assembly) */
    SrcPos pos;
    int handler; /* index into Unit.handlers of the active exception handler, or -1 */
    bool stmt;   /* first instruction of a statement */
} Instr;

typedef struct {
    int pos;    /* instruction index once bound, else -1 */
    int depth;  /* stack depth on arrival, -1 until known */
    int hstate; /* handler stack on arrival (an HNode index or -1), HSTATE_UNKNOWN until known */
} Label;

enum { HSTATE_UNKNOWN = -2 };

/* The stack of active handlers is persistent: each push makes a node pointing at the
 * state below, so a state is one int that labels and unwinding can save and restore
 * (control flow, not text order, decides which handlers cover an instruction). */
typedef struct {
    int handler; /* index into Unit.handlers */
    int parent;  /* the state below, or -1 */
} HNode;

typedef struct {
    int label;
    int depth; /* stack depth the handler unwinds to (before pushing the exception) */
} Handler;

typedef enum {
    UNIT_MODULE,
    UNIT_CLASS,
    UNIT_FUNCTION,
    UNIT_ASYNC_FUNCTION,
    UNIT_LAMBDA,
    UNIT_COMPREHENSION
} UnitKind;

enum { MAX_FBLOCKS = 40 };

/* Code generation state of one code object being built. */
typedef struct Unit Unit;
struct Unit {
    Unit *parent;
    Scope *scope;
    UnitKind kind;
    const char *name, *qualname;
    const char *private_name; /* class name for name mangling, or NULL */
    Instr *instrs;
    int ninstrs, capinstrs;
    Value *consts;
    int nconsts, capconsts;
    const char **names;
    int nnames, capnames;
    const char **localnames, **cellnames, **freenames;
    int nlocals, ncells, nfrees, caplocals, capcells, capfrees;
    uint32_t *gcache; /* per LOAD_GLOBAL cache slot: the name index */
    int ngcache, capgcache;
    Label *labels;
    int nlabels, caplabels;
    Handler *handlers;
    int nhandlers, caphandlers;
    HNode *hnodes;
    int nhnodes, caphnodes;
    int hcur; /* the current handler stack: an HNode index, -1 when empty */
    FBlock fblocks[MAX_FBLOCKS];
    int nfblocks;
    int depth, maxdepth;
    bool unreachable; /* after an unconditional jump, return or raise */
    SrcPos loc;
    bool stmt_pending;
    int argcount, posonlyargcount, kwonlyargcount, flags;
    int firstline;
    Value doc;
};

typedef struct {
    VM *vm;
    const char *filename, *source;
    size_t srclen;
    Diag *diag;
    bool failed; /* a SyntaxError or MemoryError was recorded: emit nothing more */
    bool nomem;
    Scope **scopes; /* every scope, for lookup by node and freeing */
    int nscopes, capscopes;
    Scope *cur;  /* symbol table pass: current scope */
    Unit *u;     /* code generation: current unit */
    char **pool; /* strings made by the compiler (mangled names, qualnames), NUL-terminated */
    int npool, cappool;
} Compiler;

/* ================================================================ errors */

static void nomem(Compiler *c) {
    if (!c->failed) {
        c->failed = true;
        c->nomem = true;
        if (IS_NULL(c->vm->exc))
            vm_raise_value(c->vm, VOBJ(c->vm->exc_types.MemoryError));
    }
}

/* Records a diagnostic of `kind` at node `n` (only the first one counts). Returns false. */
static bool diag_at(Compiler *c, const Node *n, DiagKind kind, const char *fmt, va_list ap) {
    if (c->failed)
        return false;
    c->failed = true;
    Diag *d = c->diag;
    memset(d, 0, sizeof *d);
    d->kind = kind;
    /* CPython's compiler_error passes BYTE offsets where SyntaxError expects characters;
     * doing the same reproduces its carets on lines with non-ASCII text */
    d->line = n->line;
    d->col = n->col + 1;
    d->end_line = n->end_line;
    d->end_col = n->end_col + 1;
    vsnprintf(d->message, sizeof d->message, fmt, ap);
    return false;
}

/* Records a SyntaxError at node `n`. Returns false. */
static bool error_at(Compiler *c, const Node *n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_at(c, n, DIAG_SYNTAX, fmt, ap);
    va_end(ap);
    return false;
}

/* Records "<what> is not supported by loopscope" at node `n`. Returns false. */
static bool unsupported(Compiler *c, const Node *n, const char *what, ...) {
    va_list ap;
    va_start(ap, what);
    diag_at(c, n, DIAG_UNSUPPORTED, what, ap);
    va_end(ap);
    return false;
}

/* A copy of `s` (len bytes) owned by the compiler until the end of compilation. */
static const char *pool_str(Compiler *c, const char *s, size_t len) {
    if (!GROW(c, c->pool, c->npool, c->cappool)) {
        nomem(c);
        return "";
    }
    char *p = ls_alloc(c->vm, len + 1);
    if (!p) {
        nomem(c);
        return "";
    }
    memcpy(p, s, len);
    p[len] = '\0';
    c->pool[c->npool++] = p;
    return p;
}

static const char *pool_concat(Compiler *c, const char *a, const char *b, const char *d) {
    size_t la = strlen(a), lb = strlen(b), ld = strlen(d);
    char *tmp = ls_alloc(c->vm, la + lb + ld + 1);
    if (!tmp) {
        nomem(c);
        return "";
    }
    memcpy(tmp, a, la);
    memcpy(tmp + la, b, lb);
    memcpy(tmp + la + lb, d, ld);
    const char *r = pool_str(c, tmp, la + lb + ld);
    ls_free(c->vm, tmp, la + lb + ld + 1);
    return r;
}

/* Private name mangling inside a class: __x -> _Class__x (CPython's _Py_Mangle). */
static const char *mangle(Compiler *c, const char *private_name, const char *name) {
    size_t n = strlen(name);
    if (!private_name || n < 3 || name[0] != '_' || name[1] != '_')
        return name;
    if ((name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.'))
        return name;
    while (*private_name == '_')
        private_name++;
    if (!*private_name)
        return name;
    return pool_concat(c, "_", private_name, name);
}

/* ================================================================ symbol table pass */

static Symbol *sym_find(Scope *s, const char *name) {
    for (int i = 0; i < s->nsyms; i++)
        if (strcmp(s->syms[i].name, name) == 0)
            return &s->syms[i];
    return NULL;
}

/* Adds `flag` to the name's flags in scope s (creating the symbol). */
static Symbol *sym_add(Compiler *c, Scope *s, const char *name, int flag) {
    Symbol *sym = sym_find(s, name);
    if (!sym) {
        if (!GROW(c, s->syms, s->nsyms, s->capsyms)) {
            nomem(c);
            return NULL;
        }
        sym = &s->syms[s->nsyms++];
        memset(sym, 0, sizeof *sym);
        sym->name = name;
    }
    sym->flags |= flag;
    return sym;
}

static SymScope sym_scope(Scope *s, const char *name) {
    Symbol *sym = sym_find(s, name);
    return sym ? sym->scope : SYM_NONE;
}

/* The private (class) name in effect in scope s, for mangling. */
static const char *scope_private(Scope *s) {
    for (; s; s = s->parent)
        if (s->kind == SCOPE_CLASS)
            return s->name;
    return NULL;
}

static Scope *scope_new(Compiler *c, ScopeKind kind, const Node *node, const char *name) {
    Scope *s = ls_alloc(c->vm, sizeof *s);
    if (!s || !GROW(c, c->scopes, c->nscopes, c->capscopes)) {
        if (s)
            ls_free(c->vm, s, sizeof *s);
        nomem(c);
        return NULL;
    }
    c->scopes[c->nscopes++] = s;
    s->kind = kind;
    s->node = node;
    s->name = name;
    s->parent = c->cur;
    if (c->cur) {
        if (!GROW(c, c->cur->kids, c->cur->nkids, c->cur->capkids)) {
            nomem(c);
            return NULL;
        }
        c->cur->kids[c->cur->nkids++] = s;
    }
    return s;
}

static Scope *scope_of(Compiler *c, const Node *node) {
    for (int i = 0; i < c->nscopes; i++)
        if (c->scopes[i]->node == node)
            return c->scopes[i];
    return NULL;
}

static void st_stmts(Compiler *c, const NodeList *l);
static void st_expr(Compiler *c, const Node *e);
static void st_exprs(Compiler *c, const NodeList *l);

/* A use or binding of `name` in the current scope (mangled inside classes). */
static void st_name(Compiler *c, const char *name, int flag) {
    sym_add(c, c->cur, mangle(c, scope_private(c->cur), name), flag);
}

static void st_param(Compiler *c, const Node *arg) {
    const char *name = mangle(c, scope_private(c->cur), arg->u.arg.arg);
    Symbol *sym = sym_find(c->cur, name);
    if (sym && (sym->flags & DEF_PARAM)) {
        error_at(c, arg, "duplicate argument '%s' in function definition", name);
        return;
    }
    sym_add(c, c->cur, name, DEF_PARAM);
    c->cur->nparams++;
}

/* Parameters in CPython's co_varnames order: positional, keyword-only, *args, **kwargs. */
static void st_params(Compiler *c, const Node *args) {
    if (!args)
        return;
    for (int i = 0; i < args->u.arguments.posonlyargs.len; i++)
        st_param(c, args->u.arguments.posonlyargs.items[i]);
    for (int i = 0; i < args->u.arguments.args.len; i++)
        st_param(c, args->u.arguments.args.items[i]);
    for (int i = 0; i < args->u.arguments.kwonlyargs.len; i++)
        st_param(c, args->u.arguments.kwonlyargs.items[i]);
    if (args->u.arguments.vararg)
        st_param(c, args->u.arguments.vararg);
    if (args->u.arguments.kwarg)
        st_param(c, args->u.arguments.kwarg);
}

/* Defaults are evaluated in the enclosing scope. */
static void st_defaults(Compiler *c, const Node *args) {
    if (!args)
        return;
    st_exprs(c, &args->u.arguments.defaults);
    for (int i = 0; i < args->u.arguments.kw_defaults.len; i++)
        if (args->u.arguments.kw_defaults.items[i])
            st_expr(c, args->u.arguments.kw_defaults.items[i]);
}

static void st_function(Compiler *c, const Node *s) {
    st_exprs(c, &s->u.funcdef.decorators);
    st_defaults(c, s->u.funcdef.args);
    st_name(c, s->u.funcdef.name, DEF_LOCAL);
    Scope *outer = c->cur;
    Scope *fs = scope_new(c, SCOPE_FUNCTION, s, s->u.funcdef.name);
    if (!fs)
        return;
    fs->is_async_def = fs->is_coroutine = s->u.funcdef.is_async;
    c->cur = fs;
    st_params(c, s->u.funcdef.args);
    st_stmts(c, &s->u.funcdef.body);
    c->cur = outer;
}

static void st_class(Compiler *c, const Node *s) {
    st_exprs(c, &s->u.classdef.decorators);
    st_exprs(c, &s->u.classdef.bases);
    for (int i = 0; i < s->u.classdef.keywords.len; i++)
        st_expr(c, s->u.classdef.keywords.items[i]->u.keyword.value);
    st_name(c, s->u.classdef.name, DEF_LOCAL);
    Scope *outer = c->cur;
    Scope *cs = scope_new(c, SCOPE_CLASS, s, s->u.classdef.name);
    if (!cs)
        return;
    c->cur = cs;
    st_stmts(c, &s->u.classdef.body);
    c->cur = outer;
}

/* global / nonlocal statements: CPython's checks of symtable_visit_stmt. */
static void st_directive(Compiler *c, const Node *s, bool global) {
    const char *kind = global ? "global" : "nonlocal";
    for (int i = 0; i < s->u.names.count; i++) {
        const char *name = mangle(c, scope_private(c->cur), s->u.names.names[i]);
        Symbol *sym = sym_find(c->cur, name);
        int cur = sym ? sym->flags : 0;
        if (cur & (DEF_PARAM | DEF_LOCAL | DEF_USE)) {
            if (cur & DEF_PARAM)
                error_at(c, s, "name '%s' is parameter and %s", name, kind);
            else if (cur & DEF_USE)
                error_at(c, s, "name '%s' is used prior to %s declaration", name, kind);
            else
                error_at(c, s, "name '%s' is assigned to before %s declaration", name, kind);
            return;
        }
        sym = sym_add(c, c->cur, name, global ? DEF_GLOBAL : DEF_NONLOCAL);
        if (sym && !sym->directive)
            sym->directive = s;
    }
}

static void st_import(Compiler *c, const Node *s) {
    for (int i = 0; i < s->u.import.names.len; i++) {
        const Node *a = s->u.import.names.items[i];
        const char *name = a->u.alias.asname;
        if (!name) {
            const char *dot = strchr(a->u.alias.name, '.');
            name = dot ? pool_str(c, a->u.alias.name, (size_t)(dot - a->u.alias.name))
                       : a->u.alias.name;
        }
        if (strcmp(name, "*") != 0)
            st_name(c, name, DEF_LOCAL);
    }
}

static void st_stmt(Compiler *c, const Node *s) {
    switch (s->kind) {
    case N_FUNCTIONDEF:
        st_function(c, s);
        break;
    case N_CLASSDEF:
        st_class(c, s);
        break;
    case N_RETURN:
        if (s->u.ret.value)
            st_expr(c, s->u.ret.value);
        break;
    case N_DELETE:
        st_exprs(c, &s->u.del.targets);
        break;
    case N_ASSIGN:
        st_exprs(c, &s->u.assign.targets);
        st_expr(c, s->u.assign.value);
        break;
    case N_AUGASSIGN:
        st_expr(c, s->u.augassign.target);
        st_expr(c, s->u.augassign.value);
        break;
    case N_ANNASSIGN:
        if (s->u.annassign.value)
            st_expr(c, s->u.annassign.value);
        st_expr(c, s->u.annassign.target);
        break;
    case N_FOR:
        st_expr(c, s->u.for_.target);
        st_expr(c, s->u.for_.iter);
        st_stmts(c, &s->u.for_.body);
        st_stmts(c, &s->u.for_.orelse);
        break;
    case N_WHILE:
        st_expr(c, s->u.while_.test);
        st_stmts(c, &s->u.while_.body);
        st_stmts(c, &s->u.while_.orelse);
        break;
    case N_IF:
        st_expr(c, s->u.if_.test);
        st_stmts(c, &s->u.if_.body);
        st_stmts(c, &s->u.if_.orelse);
        break;
    case N_WITH:
        for (int i = 0; i < s->u.with.items.len; i++) {
            const Node *it = s->u.with.items.items[i];
            st_expr(c, it->u.withitem.context_expr);
            if (it->u.withitem.optional_vars)
                st_expr(c, it->u.withitem.optional_vars);
        }
        st_stmts(c, &s->u.with.body);
        break;
    case N_RAISE:
        if (s->u.raise.exc)
            st_expr(c, s->u.raise.exc);
        if (s->u.raise.cause)
            st_expr(c, s->u.raise.cause);
        break;
    case N_TRY:
        st_stmts(c, &s->u.try_.body);
        for (int i = 0; i < s->u.try_.handlers.len; i++) {
            const Node *h = s->u.try_.handlers.items[i];
            if (h->u.handler.type)
                st_expr(c, h->u.handler.type);
            if (h->u.handler.name)
                st_name(c, h->u.handler.name, DEF_LOCAL);
            st_stmts(c, &h->u.handler.body);
        }
        st_stmts(c, &s->u.try_.orelse);
        st_stmts(c, &s->u.try_.finalbody);
        break;
    case N_ASSERT:
        st_expr(c, s->u.assert_.test);
        if (s->u.assert_.msg)
            st_expr(c, s->u.assert_.msg);
        break;
    case N_IMPORT:
    case N_IMPORTFROM:
        st_import(c, s);
        break;
    case N_GLOBAL:
        st_directive(c, s, true);
        break;
    case N_NONLOCAL:
        st_directive(c, s, false);
        break;
    case N_EXPR:
        st_expr(c, s->u.expr.value);
        break;
    default:
        break;
    }
}

static void st_stmts(Compiler *c, const NodeList *l) {
    for (int i = 0; i < l->len && !c->failed; i++)
        st_stmt(c, l->items[i]);
}

static void st_exprs(Compiler *c, const NodeList *l) {
    for (int i = 0; i < l->len; i++)
        if (l->items[i])
            st_expr(c, l->items[i]);
}

static const char *comp_name(NodeKind k) {
    switch (k) {
    case N_LISTCOMP:
        return "<listcomp>";
    case N_SETCOMP:
        return "<setcomp>";
    case N_DICTCOMP:
        return "<dictcomp>";
    default:
        return "<genexpr>";
    }
}

static const char *comp_kind_text(NodeKind k) {
    switch (k) {
    case N_LISTCOMP:
        return "list comprehension";
    case N_SETCOMP:
        return "set comprehension";
    case N_DICTCOMP:
        return "dict comprehension";
    default:
        return "generator expression";
    }
}

/* A comprehension: its first iterable belongs to the enclosing scope, the rest to a new
 * function scope with the parameter ".0". */
static void st_comprehension(Compiler *c, const Node *e) {
    const NodeList *gens = &e->u.comp.generators;
    st_expr(c, gens->items[0]->u.comprehension.iter);
    Scope *outer = c->cur;
    Scope *cs = scope_new(c, SCOPE_FUNCTION, e, comp_name(e->kind));
    if (!cs)
        return;
    cs->is_comprehension = true;
    cs->is_generator = e->kind == N_GENERATOREXP;
    c->cur = cs;
    sym_add(c, cs, ".0", DEF_PARAM);
    cs->nparams = 1;
    for (int i = 0; i < gens->len; i++) {
        const Node *g = gens->items[i];
        if (g->u.comprehension.is_async)
            cs->is_coroutine = true;
        st_expr(c, g->u.comprehension.target);
        if (i > 0)
            st_expr(c, g->u.comprehension.iter);
        st_exprs(c, &g->u.comprehension.ifs);
    }
    if (e->u.comp.value)
        st_expr(c, e->u.comp.value);
    st_expr(c, e->u.comp.elt);
    c->cur = outer;
    /* a non-generator async comprehension is awaited by its enclosing comprehension */
    if (cs->is_coroutine && e->kind != N_GENERATOREXP && outer->is_comprehension)
        outer->is_coroutine = true;
}

static void st_yield(Compiler *c, const Node *e) {
    if (c->cur->is_comprehension) {
        error_at(c, e, "'yield' inside %s", comp_kind_text(c->cur->node->kind));
        return;
    }
    c->cur->is_generator = true;
}

static void st_expr(Compiler *c, const Node *e) {
    if (c->failed)
        return;
    switch (e->kind) {
    case N_BOOLOP:
        st_exprs(c, &e->u.boolop.values);
        break;
    case N_BINOP:
        st_expr(c, e->u.binop.left);
        st_expr(c, e->u.binop.right);
        break;
    case N_UNARYOP:
        st_expr(c, e->u.unaryop.operand);
        break;
    case N_LAMBDA: {
        st_defaults(c, e->u.lambda.args);
        Scope *outer = c->cur;
        Scope *ls = scope_new(c, SCOPE_FUNCTION, e, "<lambda>");
        if (!ls)
            return;
        ls->is_lambda = true;
        c->cur = ls;
        st_params(c, e->u.lambda.args);
        st_expr(c, e->u.lambda.body);
        c->cur = outer;
        break;
    }
    case N_IFEXP:
        st_expr(c, e->u.ifexp.test);
        st_expr(c, e->u.ifexp.body);
        st_expr(c, e->u.ifexp.orelse);
        break;
    case N_DICT:
        st_exprs(c, &e->u.dict.keys);
        st_exprs(c, &e->u.dict.values);
        break;
    case N_SET:
    case N_LIST:
    case N_TUPLE:
        st_exprs(c, &e->u.seq.elts);
        break;
    case N_LISTCOMP:
    case N_SETCOMP:
    case N_DICTCOMP:
    case N_GENERATOREXP:
        st_comprehension(c, e);
        break;
    case N_AWAIT:
        st_expr(c, e->u.unary_value.value);
        c->cur->is_coroutine = true;
        break;
    case N_YIELD:
    case N_YIELDFROM:
        if (e->u.unary_value.value)
            st_expr(c, e->u.unary_value.value);
        st_yield(c, e);
        break;
    case N_COMPARE:
        st_expr(c, e->u.compare.left);
        st_exprs(c, &e->u.compare.comparators);
        break;
    case N_CALL:
        st_expr(c, e->u.call.func);
        st_exprs(c, &e->u.call.args);
        for (int i = 0; i < e->u.call.keywords.len; i++)
            st_expr(c, e->u.call.keywords.items[i]->u.keyword.value);
        break;
    case N_FORMATTEDVALUE:
        st_expr(c, e->u.formatted.value);
        if (e->u.formatted.format_spec)
            st_expr(c, e->u.formatted.format_spec);
        break;
    case N_JOINEDSTR:
        st_exprs(c, &e->u.joined.values);
        break;
    case N_ATTRIBUTE:
        st_expr(c, e->u.attribute.value);
        break;
    case N_SUBSCRIPT:
        st_expr(c, e->u.subscript.value);
        st_expr(c, e->u.subscript.slice);
        break;
    case N_STARRED:
        st_expr(c, e->u.starred.value);
        break;
    case N_SLICE:
        if (e->u.slice.lower)
            st_expr(c, e->u.slice.lower);
        if (e->u.slice.upper)
            st_expr(c, e->u.slice.upper);
        if (e->u.slice.step)
            st_expr(c, e->u.slice.step);
        break;
    case N_NAME:
        st_name(c, e->u.name.id, e->u.name.ctx == CTX_LOAD ? DEF_USE : DEF_LOCAL);
        /* zero-argument super() needs the __class__ cell of the enclosing class */
        if (e->u.name.ctx == CTX_LOAD && c->cur->kind == SCOPE_FUNCTION &&
            strcmp(e->u.name.id, "super") == 0)
            sym_add(c, c->cur, "__class__", DEF_USE);
        break;
    default:
        break;
    }
}

/* ---------------------------------------------------------------- analysis */

static bool ns_has(const NameSet *s, const char *name) {
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->items[i], name) == 0)
            return true;
    return false;
}

static void ns_add(Compiler *c, NameSet *s, const char *name) {
    if (ns_has(s, name))
        return;
    if (!GROW(c, s->items, s->n, s->cap)) {
        nomem(c);
        return;
    }
    s->items[s->n++] = name;
}

static void ns_discard(NameSet *s, const char *name) {
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->items[i], name) == 0) {
            s->items[i] = s->items[--s->n];
            return;
        }
}

static void ns_union(Compiler *c, NameSet *dst, const NameSet *src) {
    for (int i = 0; i < src->n; i++)
        ns_add(c, dst, src->items[i]);
}

static void ns_copy(Compiler *c, NameSet *dst, const NameSet *src) {
    dst->n = 0;
    ns_union(c, dst, src);
}

static void ns_free(Compiler *c, NameSet *s) {
    if (s->items)
        ls_free(c->vm, s->items, (size_t)s->cap * sizeof *s->items);
    memset(s, 0, sizeof *s);
}

/* Error at the global/nonlocal statement that declared `sym`. */
static void directive_error(Compiler *c, Symbol *sym, const char *fmt, const char *name) {
    const Node *at = sym->directive;
    Node fake = {0};
    if (!at) {
        fake.line = fake.end_line = 1;
        at = &fake;
    }
    if (name)
        error_at(c, at, fmt, name);
    else
        error_at(c, at, "%s", fmt);
}

/* CPython's analyze_name: decides one symbol's scope. `bound` is NULL at module level. */
static void analyze_name(Compiler *c, Scope *s, Symbol *sym, NameSet *bound, NameSet *local,
                         NameSet *free, NameSet *global) {
    const char *name = sym->name;
    if (sym->flags & DEF_GLOBAL) {
        if (sym->flags & DEF_NONLOCAL) {
            directive_error(c, sym, "name '%s' is nonlocal and global", name);
            return;
        }
        sym->scope = SYM_GLOBAL_EXPLICIT;
        ns_add(c, global, name);
        if (bound)
            ns_discard(bound, name);
    } else if (sym->flags & DEF_NONLOCAL) {
        if (!bound) {
            directive_error(c, sym, "nonlocal declaration not allowed at module level", NULL);
        } else if (!ns_has(bound, name)) {
            directive_error(c, sym, "no binding for nonlocal '%s' found", name);
        } else {
            sym->scope = SYM_FREE;
            ns_add(c, free, name);
        }
    } else if (sym->flags & DEF_BOUND) {
        sym->scope = SYM_LOCAL;
        ns_add(c, local, name);
        ns_discard(global, name);
    } else if (bound && ns_has(bound, name)) {
        sym->scope = SYM_FREE;
        ns_add(c, free, name);
    } else {
        sym->scope = SYM_GLOBAL_IMPLICIT;
    }
    (void)s;
}

/* CPython's update_symbols: free names of children that this scope must pass along. */
static void update_symbols(Compiler *c, Scope *s, NameSet *bound, NameSet *free) {
    for (int i = 0; i < free->n; i++) {
        const char *name = free->items[i];
        Symbol *sym = sym_find(s, name);
        if (sym) {
            if (s->kind == SCOPE_CLASS && (sym->flags & (DEF_BOUND | DEF_GLOBAL)))
                sym->flags |= DEF_FREE_CLASS;
            continue; /* a cell, or already free here */
        }
        if (bound && !ns_has(bound, name))
            continue; /* a global */
        sym = sym_add(c, s, name, 0);
        if (sym)
            sym->scope = SYM_FREE;
    }
}

static void analyze_block(Compiler *c, Scope *s, NameSet *bound, NameSet *free, NameSet *global);

static void analyze_child(Compiler *c, Scope *kid, NameSet *bound, NameSet *global,
                          NameSet *child_free) {
    NameSet b = {0}, g = {0};
    ns_copy(c, &b, bound);
    ns_copy(c, &g, global);
    analyze_block(c, kid, &b, child_free, &g);
    ns_free(c, &b);
    ns_free(c, &g);
}

/* CPython's analyze_block for one scope and, recursively, its children. */
static void analyze_block(Compiler *c, Scope *s, NameSet *bound, NameSet *free, NameSet *global) {
    NameSet local = {0}, newbound = {0}, newglobal = {0}, newfree = {0}, allfree = {0};
    if (s->kind == SCOPE_CLASS) {
        ns_union(c, &newglobal, global);
        if (bound)
            ns_union(c, &newbound, bound);
    }
    for (int i = 0; i < s->nsyms && !c->failed; i++)
        analyze_name(c, s, &s->syms[i], bound, &local, free, global);
    if (s->kind != SCOPE_CLASS) {
        if (s->kind == SCOPE_FUNCTION)
            ns_union(c, &newbound, &local);
        if (bound)
            ns_union(c, &newbound, bound);
        ns_union(c, &newglobal, global);
    } else {
        ns_add(c, &newbound, "__class__");
    }
    for (int i = 0; i < s->nkids && !c->failed; i++) {
        NameSet child_free = {0};
        analyze_child(c, s->kids[i], &newbound, &newglobal, &child_free);
        ns_union(c, &allfree, &child_free);
        ns_free(c, &child_free);
    }
    ns_union(c, &newfree, &allfree);
    if (s->kind == SCOPE_FUNCTION) { /* analyze_cells: locals captured by children */
        for (int i = 0; i < s->nsyms; i++)
            if (s->syms[i].scope == SYM_LOCAL && ns_has(&newfree, s->syms[i].name)) {
                s->syms[i].scope = SYM_CELL;
                ns_discard(&newfree, s->syms[i].name);
            }
    } else if (s->kind == SCOPE_CLASS && ns_has(&newfree, "__class__")) {
        s->needs_class_closure = true;
        ns_discard(&newfree, "__class__");
    }
    update_symbols(c, s, bound, &newfree);
    ns_union(c, free, &newfree);
    ns_free(c, &local);
    ns_free(c, &newbound);
    ns_free(c, &newglobal);
    ns_free(c, &newfree);
    ns_free(c, &allfree);
}

static bool build_symtable(Compiler *c, const Node *root) {
    Scope *top = scope_new(c, SCOPE_MODULE, root, "<module>");
    if (!top)
        return false;
    c->cur = top;
    st_stmts(c, &root->u.module.body);
    c->cur = NULL;
    if (c->failed)
        return false;
    NameSet free = {0}, global = {0};
    analyze_block(c, top, NULL, &free, &global);
    ns_free(c, &free);
    ns_free(c, &global);
    return !c->failed;
}

static void scope_free(Compiler *c, Scope *s) {
    if (s->syms)
        ls_free(c->vm, s->syms, (size_t)s->capsyms * sizeof *s->syms);
    if (s->kids)
        ls_free(c->vm, s->kids, (size_t)s->capkids * sizeof *s->kids);
    ls_free(c->vm, s, sizeof *s);
}

/* ================================================================ code generation: emitting */

/* Stack effect of an instruction; for jumps, `jump` selects the branch-taken effect. */
static int stack_effect(Opcode op, int arg, bool jump) {
    switch (op) {
    case OP_NOP:
    case OP_SWAP:
    case OP_DELETE_FAST:
    case OP_DELETE_DEREF:
    case OP_DELETE_GLOBAL:
    case OP_DELETE_NAME:
    case OP_LOAD_ATTR:
    case OP_UNARY:
    case OP_JUMP:
    case OP_JUMP_BACKWARD:
    case OP_GET_ITER:
    case OP_LIST_TO_TUPLE:
    case OP_KW_NAMES:
    case OP_YIELD_VALUE:
    case OP_GET_YIELD_FROM_ITER:
    case OP_GET_AWAITABLE:
    case OP_GET_AITER:
    case OP_CHECK_EXC_MATCH:
        return 0;
    case OP_POP_TOP:
    case OP_STORE_FAST:
    case OP_STORE_DEREF:
    case OP_STORE_GLOBAL:
    case OP_STORE_NAME:
    case OP_DELETE_ATTR:
    case OP_BINARY_SUBSCR:
    case OP_BINARY_OP:
    case OP_COMPARE_OP:
    case OP_IS_OP:
    case OP_CONTAINS_OP:
    case OP_POP_JUMP_IF_FALSE:
    case OP_POP_JUMP_IF_TRUE:
    case OP_LIST_APPEND:
    case OP_SET_ADD:
    case OP_LIST_EXTEND:
    case OP_SET_UPDATE:
    case OP_DICT_UPDATE:
    case OP_DICT_MERGE:
    case OP_RETURN_VALUE:
    case OP_RERAISE:
    case OP_POP_EXCEPT:
        return -1;
    case OP_PUSH_NULL:
    case OP_COPY:
    case OP_LOAD_CONST:
    case OP_LOAD_FAST:
    case OP_LOAD_DEREF:
    case OP_LOAD_CLOSURE:
    case OP_LOAD_CLASSDEREF:
    case OP_LOAD_GLOBAL:
    case OP_LOAD_NAME:
    case OP_LOAD_METHOD:
    case OP_GET_ANEXT:
    case OP_BEFORE_ASYNC_WITH:
    case OP_BEFORE_WITH:
    case OP_WITH_EXCEPT_START:
    case OP_PUSH_EXC_INFO:
    case OP_IMPORT_NAME:
    case OP_IMPORT_FROM:
    case OP_LOAD_ASSERTION_ERROR:
        return 1;
    case OP_STORE_ATTR:
    case OP_DELETE_SUBSCR:
    case OP_MAP_ADD:
    case OP_END_ASYNC_FOR:
        return -2;
    case OP_STORE_SUBSCR:
        return -3;
    case OP_BUILD_SLICE:
    case OP_BUILD_TUPLE:
    case OP_BUILD_LIST:
    case OP_BUILD_SET:
    case OP_BUILD_STRING:
        return 1 - arg;
    case OP_BUILD_MAP:
        return 1 - 2 * arg;
    case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP:
        return jump ? 0 : -1;
    case OP_FOR_ITER:
        return jump ? -1 : 1;
    case OP_SEND:
        return jump ? -1 : 0;
    case OP_UNPACK_SEQUENCE:
        return arg - 1;
    case OP_UNPACK_EX:
        return (arg & 0xff) + (arg >> 8);
    case OP_CALL:
        return -arg - 1;
    case OP_CALL_FUNCTION_EX:
        return -2 - arg;
    case OP_MAKE_FUNCTION:
        return -((arg & MF_DEFAULTS) != 0) - ((arg & MF_KWDEFAULTS) != 0) -
               ((arg & MF_CLOSURE) != 0);
    case OP_BUILD_CLASS:
        return -arg - 1;
    case OP_RAISE_VARARGS:
        return -arg;
    case OP_FORMAT_VALUE:
        return (arg & FV_HAVE_SPEC) ? -1 : 0;
    case OP_COUNT:
        break;
    }
    return 0;
}

static bool is_jump(Opcode op) {
    switch (op) {
    case OP_JUMP:
    case OP_JUMP_BACKWARD:
    case OP_POP_JUMP_IF_FALSE:
    case OP_POP_JUMP_IF_TRUE:
    case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP:
    case OP_FOR_ITER:
    case OP_SEND:
        return true;
    default:
        return false;
    }
}

static bool is_terminator(Opcode op) {
    return op == OP_JUMP || op == OP_JUMP_BACKWARD || op == OP_RETURN_VALUE ||
           op == OP_RAISE_VARARGS || op == OP_RERAISE;
}

static int new_label(Compiler *c) {
    Unit *u = c->u;
    if (!GROW(c, u->labels, u->nlabels, u->caplabels)) {
        nomem(c);
        return 0;
    }
    u->labels[u->nlabels] = (Label){.pos = -1, .depth = -1, .hstate = HSTATE_UNKNOWN};
    return u->nlabels++;
}

/* Control reaches label l with `depth` items on the stack and handler stack `hstate`. */
static void label_arrive(Compiler *c, int l, int depth, int hstate) {
    Label *lab = &c->u->labels[l];
    if (lab->depth < 0)
        lab->depth = depth;
    if (lab->hstate == HSTATE_UNKNOWN)
        lab->hstate = hstate;
}

static void bind_label(Compiler *c, int l) {
    if (c->failed)
        return;
    Unit *u = c->u;
    Label *lab = &u->labels[l];
    lab->pos = u->ninstrs;
    if (lab->depth >= 0)
        u->depth = lab->depth;
    else
        lab->depth = u->depth;
    if (lab->hstate != HSTATE_UNKNOWN)
        u->hcur = lab->hstate;
    else
        lab->hstate = u->hcur;
    u->unreachable = false;
}

static void emit(Compiler *c, Opcode op, int arg) {
    if (c->failed)
        return;
    Unit *u = c->u;
    if (!GROW(c, u->instrs, u->ninstrs, u->capinstrs)) {
        nomem(c);
        return;
    }
    Instr *in = &u->instrs[u->ninstrs++];
    in->word = INSTR(op, arg);
    in->pos = u->loc;
    in->handler = u->hcur >= 0 ? u->hnodes[u->hcur].handler : -1;
    in->stmt = u->stmt_pending;
    u->stmt_pending = false;
    if (is_jump(op))
        label_arrive(c, arg, u->depth + stack_effect(op, arg, true), u->hcur);
    u->depth += stack_effect(op, arg, false);
    if (u->depth > u->maxdepth)
        u->maxdepth = u->depth;
    if (is_terminator(op))
        u->unreachable = true;
}

/* Starts an exception handler region (CPython's SETUP_FINALLY/SETUP_CLEANUP/SETUP_WITH):
 * an exception in the following code unwinds to `depth` items and jumps to `label`. */
static void push_handler(Compiler *c, int label, int depth) {
    Unit *u = c->u;
    if (c->failed)
        return;
    if (!GROW(c, u->handlers, u->nhandlers, u->caphandlers) ||
        !GROW(c, u->hnodes, u->nhnodes, u->caphnodes)) {
        nomem(c);
        return;
    }
    label_arrive(c, label, depth + 1, u->hcur);
    u->handlers[u->nhandlers] = (Handler){label, depth};
    u->hnodes[u->nhnodes] = (HNode){u->nhandlers++, u->hcur};
    u->hcur = u->nhnodes++;
}

/* Ends the innermost handler region (CPython's POP_BLOCK). */
static void pop_handler(Compiler *c) {
    if (!c->failed && c->u->hcur >= 0)
        c->u->hcur = c->u->hnodes[c->u->hcur].parent;
}

static void set_loc(Compiler *c, const Node *n) {
    c->u->loc = (SrcPos){n->line, n->end_line, n->col, n->end_col};
}

/* ---------------------------------------------------------------- constants and names */

static bool const_equal(Value a, Value b) {
    if (a.kind != b.kind)
        return false;
    switch (a.kind) {
    case V_NONE:
        return true;
    case V_BOOL:
    case V_INT:
        return a.as.i == b.as.i;
    case V_FLOAT:
        return memcmp(&a.as.f, &b.as.f, sizeof(double)) == 0;
    default:
        return false;
    }
}

/* Adds a constant (stealing a reference) and returns its index. */
static int add_const_steal(Compiler *c, Value v) {
    Unit *u = c->u;
    if (v.kind != V_OBJ)
        for (int i = 0; i < u->nconsts; i++)
            if (const_equal(u->consts[i], v))
                return i;
    if (!GROW(c, u->consts, u->nconsts, u->capconsts)) {
        v_decref(c->vm, v);
        nomem(c);
        return 0;
    }
    u->consts[u->nconsts] = v;
    return u->nconsts++;
}

/* True when s looks like an identifier: CPython interns such string constants. */
static bool identifier_like(const char *s, size_t len) {
    for (size_t i = 0; i < len; i++) {
        char ch = s[i];
        if (!(ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
              (ch >= '0' && ch <= '9')))
            return false;
    }
    return true;
}

static int add_str_const(Compiler *c, const char *s, size_t len) {
    Unit *u = c->u;
    for (int i = 0; i < u->nconsts; i++) {
        Value k = u->consts[i];
        if (k.kind == V_OBJ && k.as.o->type == c->vm->types.str) {
            StrObj *so = (StrObj *)k.as.o;
            if (so->len == len && memcmp(so->data, s, len) == 0)
                return i;
        }
    }
    StrObj *so = str_new(c->vm, s, len);
    if (so && identifier_like(s, len))
        so = str_intern_obj(c->vm, so);
    if (!so) {
        nomem(c);
        return 0;
    }
    return add_const_steal(c, VOBJ(so));
}

static void load_const(Compiler *c, Value v) {
    emit(c, OP_LOAD_CONST, add_const_steal(c, v));
}

static void load_none(Compiler *c) {
    load_const(c, VNONE);
}

static int add_name(Compiler *c, const char *name) {
    Unit *u = c->u;
    for (int i = 0; i < u->nnames; i++)
        if (strcmp(u->names[i], name) == 0)
            return i;
    if (!GROW(c, u->names, u->nnames, u->capnames)) {
        nomem(c);
        return 0;
    }
    u->names[u->nnames] = name;
    return u->nnames++;
}

static int find_name(const char **list, int n, const char *name) {
    for (int i = 0; i < n; i++)
        if (strcmp(list[i], name) == 0)
            return i;
    return -1;
}

/* Index of a cell or free variable in the frame's deref slots (cells first). */
static int deref_index(Compiler *c, const char *name) {
    Unit *u = c->u;
    int i = find_name(u->cellnames, u->ncells, name);
    if (i >= 0)
        return i;
    i = find_name(u->freenames, u->nfrees, name);
    return i >= 0 ? u->ncells + i : 0;
}

static void load_global(Compiler *c, const char *name) {
    Unit *u = c->u;
    int ni = add_name(c, name);
    if (!GROW(c, u->gcache, u->ngcache, u->capgcache)) {
        nomem(c);
        return;
    }
    u->gcache[u->ngcache] = (uint32_t)ni;
    emit(c, OP_LOAD_GLOBAL, u->ngcache++);
}

static bool is_function_unit(const Unit *u) {
    return u->kind != UNIT_MODULE && u->kind != UNIT_CLASS;
}

/* Loads, stores or deletes a variable with the instruction its scope calls for
 * (CPython's compiler_nameop; module-level names use the global instructions). */
static void compile_name(Compiler *c, const char *raw, ExprCtx ctx) {
    Unit *u = c->u;
    const char *name = mangle(c, u->private_name, raw);
    SymScope sc = sym_scope(u->scope, name);
    if (sc == SYM_FREE || sc == SYM_CELL) {
        static const Opcode ops[] = {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF};
        Opcode op = ops[ctx];
        if (u->kind == UNIT_CLASS && ctx == CTX_LOAD)
            op = OP_LOAD_CLASSDEREF;
        emit(c, op, deref_index(c, name));
    } else if (sc == SYM_LOCAL && is_function_unit(u)) {
        static const Opcode ops[] = {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST};
        emit(c, ops[ctx], find_name(u->localnames, u->nlocals, name));
    } else if (u->kind == UNIT_CLASS && sc != SYM_GLOBAL_EXPLICIT) {
        static const Opcode ops[] = {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME};
        emit(c, ops[ctx], add_name(c, name));
    } else if (ctx == CTX_LOAD) {
        load_global(c, name);
    } else {
        emit(c, ctx == CTX_STORE ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL, add_name(c, name));
    }
}

/* ================================================================ units */

static void unit_add_local(Compiler *c, Unit *u, const char *name) {
    if (!GROW(c, u->localnames, u->nlocals, u->caplocals)) {
        nomem(c);
        return;
    }
    u->localnames[u->nlocals++] = name;
}

static void unit_add_cell(Compiler *c, Unit *u, const char *name) {
    if (!GROW(c, u->cellnames, u->ncells, u->capcells)) {
        nomem(c);
        return;
    }
    u->cellnames[u->ncells++] = name;
}

static void unit_add_free(Compiler *c, Unit *u, const char *name) {
    if (find_name(u->freenames, u->nfrees, name) >= 0)
        return;
    if (!GROW(c, u->freenames, u->nfrees, u->capfrees)) {
        nomem(c);
        return;
    }
    u->freenames[u->nfrees++] = name;
}

/* Lays out the variables of a new unit from its scope's symbols. */
static void unit_variables(Compiler *c, Unit *u) {
    Scope *s = u->scope;
    bool fn = is_function_unit(u);
    for (int i = 0; i < s->nsyms; i++) {
        Symbol *sym = &s->syms[i];
        if (fn && (i < s->nparams || sym->scope == SYM_LOCAL))
            unit_add_local(c, u, sym->name);
        if (sym->scope == SYM_CELL)
            unit_add_cell(c, u, sym->name);
    }
    if (s->kind == SCOPE_CLASS && s->needs_class_closure)
        unit_add_cell(c, u, "__class__");
    for (int i = 0; i < s->nsyms; i++) {
        Symbol *sym = &s->syms[i];
        if (sym->scope == SYM_FREE || (sym->flags & DEF_FREE_CLASS))
            unit_add_free(c, u, sym->name);
    }
}

/* CPython's compiler_set_qualname. */
static const char *unit_qualname(Compiler *c, Unit *u) {
    Unit *parent = u->parent;
    if (!parent || parent->kind == UNIT_MODULE)
        return u->name;
    if (u->kind == UNIT_FUNCTION || u->kind == UNIT_ASYNC_FUNCTION || u->kind == UNIT_CLASS) {
        const char *mangled = mangle(c, parent->private_name, u->name);
        if (sym_scope(parent->scope, mangled) == SYM_GLOBAL_EXPLICIT)
            return u->name;
    }
    if (parent->kind == UNIT_FUNCTION || parent->kind == UNIT_ASYNC_FUNCTION ||
        parent->kind == UNIT_LAMBDA)
        return pool_concat(c, parent->qualname, ".<locals>.", u->name);
    return pool_concat(c, parent->qualname, ".", u->name);
}

static bool enter_unit(Compiler *c, Scope *s, UnitKind kind, const char *name, int firstline) {
    Unit *u = ls_alloc(c->vm, sizeof *u);
    if (!u || !s) {
        if (u)
            ls_free(c->vm, u, sizeof *u);
        nomem(c);
        return false;
    }
    u->parent = c->u;
    u->scope = s;
    u->kind = kind;
    u->name = name;
    u->doc = VNONE;
    u->firstline = firstline;
    u->hcur = -1;
    u->private_name = kind == UNIT_CLASS ? name : (c->u ? c->u->private_name : NULL);
    c->u = u;
    u->qualname = unit_qualname(c, u);
    unit_variables(c, u);
    u->loc = (SrcPos){firstline, firstline, -1, -1};
    return true;
}

static void unit_free(Compiler *c, Unit *u) {
    VM *vm = c->vm;
    for (int i = 0; i < u->nconsts; i++)
        v_decref(vm, u->consts[i]);
    v_decref(vm, u->doc);
#define FREE_ARR(a, cap)                                                                           \
    if (u->a)                                                                                      \
    ls_free(vm, u->a, (size_t)u->cap * sizeof *u->a)
    FREE_ARR(instrs, capinstrs);
    FREE_ARR(consts, capconsts);
    FREE_ARR(names, capnames);
    FREE_ARR(localnames, caplocals);
    FREE_ARR(cellnames, capcells);
    FREE_ARR(freenames, capfrees);
    FREE_ARR(gcache, capgcache);
    FREE_ARR(labels, caplabels);
    FREE_ARR(handlers, caphandlers);
    FREE_ARR(hnodes, caphnodes);
#undef FREE_ARR
    ls_free(vm, u, sizeof *u);
}

/* ---------------------------------------------------------------- assembly */

/* Copies n items of `elem` bytes into a new exact-size block (NULL when n is 0). */
static void *copy_array(Compiler *c, const void *src, int n, size_t elem) {
    if (n == 0)
        return NULL;
    void *p = ls_alloc(c->vm, (size_t)n * elem);
    if (!p) {
        nomem(c);
        return NULL;
    }
    memcpy(p, src, (size_t)n * elem);
    return p;
}

static StrObj **intern_names(Compiler *c, const char **names, int n) {
    if (n == 0)
        return NULL;
    StrObj **out = ls_alloc(c->vm, (size_t)n * sizeof *out);
    if (!out) {
        nomem(c);
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        out[i] = str_intern(c->vm, names[i]);
        if (!out[i]) {
            nomem(c);
            for (int j = i + 1; j < n; j++)
                out[j] = NULL;
            break;
        }
    }
    return out;
}

static void assemble_code(Compiler *c, CodeObj *co) {
    Unit *u = c->u;
    co->ncode = u->ninstrs;
    co->code = ls_alloc(c->vm, (size_t)u->ninstrs * sizeof *co->code + 1);
    co->pos = ls_alloc(c->vm, (size_t)u->ninstrs * sizeof *co->pos + 1);
    co->stmt_start = ls_alloc(c->vm, (size_t)u->ninstrs + 1);
    if (!co->code || !co->pos || !co->stmt_start) {
        nomem(c);
        return;
    }
    for (int i = 0; i < u->ninstrs; i++) {
        Instr *in = &u->instrs[i];
        Opcode op = INSTR_OP(in->word);
        uint32_t arg = INSTR_ARG(in->word);
        if (is_jump(op)) {
            arg = (uint32_t)u->labels[arg].pos;
            if (op == OP_JUMP && (int)arg <= i)
                op = OP_JUMP_BACKWARD;
        }
        co->code[i] = INSTR(op, arg);
        co->pos[i] = in->pos;
        co->stmt_start[i] = in->stmt;
    }
}

/* Exception table: one entry per run of instructions with the same handler. */
static void assemble_exc_table(Compiler *c, CodeObj *co) {
    Unit *u = c->u;
    int n = 0;
    for (int i = 0; i < u->ninstrs; i++)
        if (u->instrs[i].handler >= 0 &&
            (i == 0 || u->instrs[i - 1].handler != u->instrs[i].handler))
            n++;
    co->nexc = n;
    if (n == 0)
        return;
    co->exc_table = ls_alloc(c->vm, (size_t)n * sizeof *co->exc_table);
    if (!co->exc_table) {
        nomem(c);
        co->nexc = 0;
        return;
    }
    int k = -1;
    for (int i = 0; i < u->ninstrs; i++) {
        int h = u->instrs[i].handler;
        if (h < 0)
            continue;
        if (i == 0 || u->instrs[i - 1].handler != h) {
            Handler *hd = &u->handlers[h];
            co->exc_table[++k] =
                (ExcEntry){(uint32_t)i, (uint32_t)i + 1, (uint32_t)u->labels[hd->label].pos,
                           (uint32_t)hd->depth};
        } else {
            co->exc_table[k].end = (uint32_t)i + 1;
        }
    }
}

static void assemble_vars(Compiler *c, CodeObj *co) {
    Unit *u = c->u;
    co->nlocals = u->nlocals;
    co->localnames = intern_names(c, u->localnames, u->nlocals);
    co->ncells = u->ncells;
    co->cellnames = intern_names(c, u->cellnames, u->ncells);
    co->nfrees = u->nfrees;
    co->freenames = intern_names(c, u->freenames, u->nfrees);
    co->nnames = u->nnames;
    co->names = intern_names(c, u->names, u->nnames);
    if (u->ncells) {
        co->cell2arg = ls_alloc(c->vm, (size_t)u->ncells * sizeof(int));
        if (!co->cell2arg) {
            nomem(c);
            return;
        }
        int nargs = u->scope->nparams;
        for (int i = 0; i < u->ncells; i++)
            co->cell2arg[i] =
                is_function_unit(u) ? find_name(u->localnames, nargs, u->cellnames[i]) : -1;
    }
    co->ngcache = u->ngcache;
    if (u->ngcache) {
        co->gcache = ls_alloc(c->vm, (size_t)u->ngcache * sizeof *co->gcache);
        if (!co->gcache) {
            nomem(c);
            return;
        }
        for (int i = 0; i < u->ngcache; i++)
            co->gcache[i].name = u->gcache[i];
    }
}

/* Builds the CodeObj of the current unit. Returns a new reference or NULL. */
static CodeObj *assemble(Compiler *c) {
    if (c->failed)
        return NULL;
    Unit *u = c->u;
    CodeObj *co = (CodeObj *)obj_alloc(c->vm, c->vm->types.code, sizeof(CodeObj));
    if (!co) {
        nomem(c);
        return NULL;
    }
    co->doc = VNONE;
    assemble_code(c, co);
    assemble_exc_table(c, co);
    assemble_vars(c, co);
    co->nconsts = u->nconsts;
    co->consts = copy_array(c, u->consts, u->nconsts, sizeof(Value));
    if (co->consts)
        for (int i = 0; i < u->nconsts; i++)
            v_incref(co->consts[i]);
    co->argcount = u->argcount;
    co->posonlyargcount = u->posonlyargcount;
    co->kwonlyargcount = u->kwonlyargcount;
    co->flags = u->flags;
    co->stacksize = u->maxdepth + 1;
    co->nslots = co->nlocals + co->ncells + co->nfrees + co->stacksize;
    co->name = str_intern(c->vm, u->name);
    co->qualname = str_from_cstr(c->vm, u->qualname);
    co->filename = str_from_cstr(c->vm, c->filename);
    co->firstline = u->firstline;
    co->doc = v_incref(u->doc);
    if (!co->name || !co->qualname || !co->filename)
        nomem(c);
    if (c->failed) {
        obj_decref(c->vm, &co->hdr);
        return NULL;
    }
    return co;
}

/* Leaves the current unit, returning its code (new reference) or NULL. */
static CodeObj *exit_unit(Compiler *c) {
    Unit *u = c->u;
    CodeObj *co = assemble(c);
    c->u = u->parent;
    unit_free(c, u);
    return co;
}

/* ================================================================ expressions */

static void compile_expr(Compiler *c, const Node *e);
static void compile_stmts(Compiler *c, const NodeList *l);
static void compile_store(Compiler *c, const Node *t);
static void compile_jump_if(Compiler *c, const Node *e, int label, bool cond);
static CodeObj *compile_function_code(Compiler *c, const Node *n, Scope *s);

static void compile_exprs(Compiler *c, const NodeList *l) {
    for (int i = 0; i < l->len; i++)
        compile_expr(c, l->items[i]);
}

/* The loop of yield from / await (CPython's compiler_add_yield_from): [iter, v] -> [r]. */
static void compile_yield_from_loop(Compiler *c) {
    int start = new_label(c), exit = new_label(c);
    bind_label(c, start);
    emit(c, OP_SEND, exit);
    emit(c, OP_YIELD_VALUE, YV_DELEGATE);
    emit(c, OP_JUMP, start);
    bind_label(c, exit);
}

static void compile_await_value(Compiler *c, int where) {
    emit(c, OP_GET_AWAITABLE, where);
    load_none(c);
    compile_yield_from_loop(c);
}

static bool has_starred(const NodeList *l) {
    for (int i = 0; i < l->len; i++)
        if (l->items[i]->kind == N_STARRED)
            return true;
    return false;
}

/* The value of a constant expression as CPython's AST optimizer folds it (a literal, or
 * minus a number literal); V_NULL when `e` is not one. Strings are left to the caller. */
static Value folded_number(const Node *e) {
    if (e->kind == N_UNARYOP && e->u.unaryop.op == UNOP_NEG &&
        e->u.unaryop.operand->kind == N_CONSTANT) {
        const Node *o = e->u.unaryop.operand;
        if (o->u.constant.kind == CONST_FLOAT)
            return VFLOAT(-o->u.constant.f);
        if (o->u.constant.kind == CONST_INT && o->u.constant.i != INT64_MIN)
            return VINT(-o->u.constant.i);
        return VNULL;
    }
    if (e->kind != N_CONSTANT)
        return VNULL;
    switch (e->u.constant.kind) {
    case CONST_INT:
        return VINT(e->u.constant.i);
    case CONST_FLOAT:
        return VFLOAT(e->u.constant.f);
    case CONST_TRUE:
        return VBOOL(true);
    case CONST_FALSE:
        return VBOOL(false);
    case CONST_NONE:
        return VNONE;
    default:
        return VNULL;
    }
}

/*
 * A set display of three or more constants: CPython compiles it to BUILD_SET 0; LOAD_CONST
 * frozenset; SET_UPDATE 1, and the frozenset's table order (built twice by constant merging)
 * is the order the set prints in. Returns false when the display is not all constants.
 */
static bool compile_const_set(Compiler *c, const Node *e) {
    const NodeList *elts = &e->u.seq.elts;
    if (elts->len < 3 || elts->len > 256)
        return false;
    Value items[256] = {0}; /* zeroed only to quiet gcc's -Wmaybe-uninitialized under ASan */
    int n = 0;
    for (; n < elts->len; n++) {
        const Node *it = elts->items[n];
        if (it->kind == N_CONSTANT && it->u.constant.kind == CONST_STR) {
            StrObj *s = str_new(c->vm, it->u.constant.s, it->u.constant.len);
            items[n] = s ? VOBJ(s) : VNULL;
        } else {
            items[n] = folded_number(it);
        }
        if (IS_NULL(items[n]))
            break;
    }
    SetObj *so = n == elts->len ? set_display_const(c->vm, items, (size_t)n) : NULL;
    for (int i = 0; i < n; i++)
        v_decref(c->vm, items[i]);
    if (!so) {
        vm_exc_clear(c->vm); /* unhashable or no memory: compile the plain way */
        return false;
    }
    set_loc(c, e);
    emit(c, OP_BUILD_SET, 0);
    emit(c, OP_LOAD_CONST, add_const_steal(c, VOBJ(so)));
    emit(c, OP_SET_UPDATE, 1);
    return true;
}

/* List/tuple/set display, with starred items (BUILD_x n, or build then extend). */
static void compile_sequence(Compiler *c, const Node *e) {
    const NodeList *elts = &e->u.seq.elts;
    if (e->kind == N_SET && compile_const_set(c, e))
        return;
    Opcode build = e->kind == N_SET    ? OP_BUILD_SET
                   : e->kind == N_LIST ? OP_BUILD_LIST
                                       : OP_BUILD_TUPLE;
    if (!has_starred(elts)) {
        compile_exprs(c, elts);
        set_loc(c, e);
        emit(c, build, elts->len);
        return;
    }
    bool is_set = e->kind == N_SET;
    emit(c, is_set ? OP_BUILD_SET : OP_BUILD_LIST, 0);
    for (int i = 0; i < elts->len; i++) {
        const Node *it = elts->items[i];
        if (it->kind == N_STARRED) {
            compile_expr(c, it->u.starred.value);
            emit(c, is_set ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
        } else {
            compile_expr(c, it);
            emit(c, is_set ? OP_SET_ADD : OP_LIST_APPEND, 1);
        }
    }
    if (e->kind == N_TUPLE)
        emit(c, OP_LIST_TO_TUPLE, 0);
}

static void compile_dict(Compiler *c, const Node *e) {
    const NodeList *keys = &e->u.dict.keys, *vals = &e->u.dict.values;
    int pending = 0;
    bool built = false;
    for (int i = 0; i < vals->len; i++) {
        if (keys->items[i]) {
            compile_expr(c, keys->items[i]);
            compile_expr(c, vals->items[i]);
            pending++;
            continue;
        }
        if (!built || pending) {
            emit(c, OP_BUILD_MAP, pending);
            if (built)
                emit(c, OP_DICT_UPDATE, 1);
            built = true;
            pending = 0;
        }
        compile_expr(c, vals->items[i]);
        emit(c, OP_DICT_UPDATE, 1);
    }
    if (!built || pending) {
        set_loc(c, e);
        emit(c, OP_BUILD_MAP, pending);
        if (built)
            emit(c, OP_DICT_UPDATE, 1);
    }
}

/* a < b < c: CPython's compiler_compare. */
static void emit_compare(Compiler *c, int op) {
    switch (op) {
    case CMPX_IN:
        emit(c, OP_CONTAINS_OP, 0);
        break;
    case CMPX_NOT_IN:
        emit(c, OP_CONTAINS_OP, 1);
        break;
    case CMPX_IS:
        emit(c, OP_IS_OP, 0);
        break;
    case CMPX_IS_NOT:
        emit(c, OP_IS_OP, 1);
        break;
    default:
        emit(c, OP_COMPARE_OP, op);
        break;
    }
}

static void compile_compare(Compiler *c, const Node *e) {
    int n = e->u.compare.comparators.len;
    compile_expr(c, e->u.compare.left);
    if (n == 1) {
        compile_expr(c, e->u.compare.comparators.items[0]);
        set_loc(c, e);
        emit_compare(c, e->u.compare.ops[0]);
        return;
    }
    int cleanup = new_label(c), end = new_label(c);
    for (int i = 0; i < n - 1; i++) {
        compile_expr(c, e->u.compare.comparators.items[i]);
        set_loc(c, e);
        emit(c, OP_SWAP, 2);
        emit(c, OP_COPY, 2);
        emit_compare(c, e->u.compare.ops[i]);
        emit(c, OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    compile_expr(c, e->u.compare.comparators.items[n - 1]);
    set_loc(c, e);
    emit_compare(c, e->u.compare.ops[n - 1]);
    emit(c, OP_JUMP, end);
    bind_label(c, cleanup);
    emit(c, OP_SWAP, 2);
    emit(c, OP_POP_TOP, 0);
    bind_label(c, end);
}

static void compile_boolop(Compiler *c, const Node *e) {
    Opcode jump = e->u.boolop.op == BOOL_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
    int end = new_label(c);
    const NodeList *vals = &e->u.boolop.values;
    for (int i = 0; i < vals->len - 1; i++) {
        compile_expr(c, vals->items[i]);
        emit(c, jump, end);
    }
    compile_expr(c, vals->items[vals->len - 1]);
    bind_label(c, end);
}

/* Jumps to `label` when the truth of e equals cond (CPython's compiler_jump_if). */
static void compile_jump_if(Compiler *c, const Node *e, int label, bool cond) {
    if (e->kind == N_UNARYOP && e->u.unaryop.op == UNOP_NOT) {
        compile_jump_if(c, e->u.unaryop.operand, label, !cond);
        return;
    }
    if (e->kind == N_BOOLOP) {
        const NodeList *vals = &e->u.boolop.values;
        bool cond2 = e->u.boolop.op == BOOL_OR;
        int next2 = cond2 != cond ? new_label(c) : label;
        for (int i = 0; i < vals->len - 1; i++)
            compile_jump_if(c, vals->items[i], next2, cond2);
        compile_jump_if(c, vals->items[vals->len - 1], label, cond);
        if (next2 != label)
            bind_label(c, next2);
        return;
    }
    compile_expr(c, e);
    emit(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
}

static void compile_ifexp(Compiler *c, const Node *e) {
    int orelse = new_label(c), end = new_label(c);
    compile_jump_if(c, e->u.ifexp.test, orelse, false);
    compile_expr(c, e->u.ifexp.body);
    emit(c, OP_JUMP, end);
    bind_label(c, orelse);
    compile_expr(c, e->u.ifexp.orelse);
    bind_label(c, end);
}

/* f-strings: each part formatted, then joined (CPython's FORMAT_VALUE/BUILD_STRING). */
static void compile_formatted(Compiler *c, const Node *e) {
    compile_expr(c, e->u.formatted.value);
    int flags = FV_NONE;
    switch (e->u.formatted.conversion) {
    case 's':
        flags = FV_STR;
        break;
    case 'r':
        flags = FV_REPR;
        break;
    case 'a':
        flags = FV_ASCII;
        break;
    default:
        break;
    }
    if (e->u.formatted.format_spec) {
        compile_expr(c, e->u.formatted.format_spec);
        flags |= FV_HAVE_SPEC;
    }
    set_loc(c, e);
    emit(c, OP_FORMAT_VALUE, flags);
}

static void compile_joined(Compiler *c, const Node *e) {
    const NodeList *vals = &e->u.joined.values;
    if (vals->len == 1 && vals->items[0]->kind == N_FORMATTEDVALUE) {
        compile_expr(c, vals->items[0]);
        return;
    }
    compile_exprs(c, vals);
    set_loc(c, e);
    if (vals->len == 0)
        emit(c, OP_LOAD_CONST, add_str_const(c, "", 0));
    else if (vals->len > 1)
        emit(c, OP_BUILD_STRING, vals->len);
}

static void compile_constant(Compiler *c, const Node *e) {
    switch (e->u.constant.kind) {
    case CONST_NONE:
        load_none(c);
        break;
    case CONST_TRUE:
        load_const(c, VBOOL(true));
        break;
    case CONST_FALSE:
        load_const(c, VBOOL(false));
        break;
    case CONST_ELLIPSIS:
        load_const(c, v_incref(c->vm->ellipsis));
        break;
    case CONST_INT:
        load_const(c, VINT(e->u.constant.i));
        break;
    case CONST_FLOAT:
        load_const(c, VFLOAT(e->u.constant.f));
        break;
    case CONST_STR:
        emit(c, OP_LOAD_CONST, add_str_const(c, e->u.constant.s, e->u.constant.len));
        break;
    }
}

static void compile_slice_part(Compiler *c, const Node *e) {
    if (e)
        compile_expr(c, e);
    else
        load_none(c);
}

static void compile_slice(Compiler *c, const Node *e) {
    compile_slice_part(c, e->u.slice.lower);
    compile_slice_part(c, e->u.slice.upper);
    int n = 2;
    if (e->u.slice.step) {
        compile_expr(c, e->u.slice.step);
        n = 3;
    }
    set_loc(c, e);
    emit(c, OP_BUILD_SLICE, n);
}

static void compile_unaryop(Compiler *c, const Node *e) {
    const Node *operand = e->u.unaryop.operand;
    /* fold -<number> into a constant, as CPython's optimizer does */
    if (e->u.unaryop.op == UNOP_NEG && operand->kind == N_CONSTANT) {
        if (operand->u.constant.kind == CONST_FLOAT) {
            load_const(c, VFLOAT(-operand->u.constant.f));
            return;
        }
        if (operand->u.constant.kind == CONST_INT && operand->u.constant.i != INT64_MIN) {
            load_const(c, VINT(-operand->u.constant.i));
            return;
        }
    }
    compile_expr(c, operand);
    set_loc(c, e);
    emit(c, OP_UNARY, e->u.unaryop.op);
}

/* ---------------------------------------------------------------- calls */

/* Keyword names of a call as a constant tuple; returns its const index. */
static int kwnames_const(Compiler *c, const NodeList *kws) {
    TupleObj *t = tuple_new(c->vm, (size_t)kws->len);
    if (!t) {
        nomem(c);
        return 0;
    }
    for (int i = 0; i < kws->len; i++) {
        StrObj *s = str_intern(c->vm, kws->items[i]->u.keyword.arg);
        if (!s) {
            nomem(c);
            break;
        }
        t->items[i] = VOBJ(s);
    }
    return add_const_steal(c, VOBJ(t));
}

static bool has_double_star(const NodeList *kws) {
    for (int i = 0; i < kws->len; i++)
        if (!kws->items[i]->u.keyword.arg)
            return true;
    return false;
}

/* Arguments of a call with * or **: a tuple and a dict for CALL_FUNCTION_EX. */
static void compile_call_ex(Compiler *c, const Node *call) {
    const NodeList *args = &call->u.call.args, *kws = &call->u.call.keywords;
    if (args->len == 1 && args->items[0]->kind == N_STARRED) {
        compile_expr(c, args->items[0]->u.starred.value);
    } else {
        emit(c, OP_BUILD_LIST, 0);
        for (int i = 0; i < args->len; i++) {
            const Node *a = args->items[i];
            if (a->kind == N_STARRED) {
                compile_expr(c, a->u.starred.value);
                emit(c, OP_LIST_EXTEND, 1);
            } else {
                compile_expr(c, a);
                emit(c, OP_LIST_APPEND, 1);
            }
        }
        emit(c, OP_LIST_TO_TUPLE, 0);
    }
    if (kws->len == 1 && !kws->items[0]->u.keyword.arg) {
        compile_expr(c, kws->items[0]->u.keyword.value);
    } else if (kws->len > 0) {
        emit(c, OP_BUILD_MAP, 0);
        for (int i = 0; i < kws->len; i++) {
            const Node *k = kws->items[i];
            if (k->u.keyword.arg) {
                emit(c, OP_LOAD_CONST,
                     add_str_const(c, k->u.keyword.arg, strlen(k->u.keyword.arg)));
                compile_expr(c, k->u.keyword.value);
                emit(c, OP_BUILD_MAP, 1);
            } else {
                compile_expr(c, k->u.keyword.value);
            }
            emit(c, OP_DICT_MERGE, 1);
        }
    }
    set_loc(c, call);
    emit(c, OP_CALL_FUNCTION_EX, kws->len > 0);
}

/* Positional and keyword arguments after [callable, self|NULL], then the call. */
/* CPython's validate_keywords: f(a=1, a=2) is a SyntaxError at the second one. */
static bool validate_keywords(Compiler *c, const NodeList *kws) {
    for (int i = 0; i < kws->len; i++) {
        const char *name = kws->items[i]->u.keyword.arg;
        if (!name)
            continue;
        for (int j = i + 1; j < kws->len; j++) {
            const char *other = kws->items[j]->u.keyword.arg;
            if (other && strcmp(name, other) == 0)
                return error_at(c, kws->items[j], "keyword argument repeated: %s", name);
        }
    }
    return true;
}

static void compile_call_args(Compiler *c, const Node *call) {
    const NodeList *args = &call->u.call.args, *kws = &call->u.call.keywords;
    if (!validate_keywords(c, kws))
        return;
    if (has_starred(args) || has_double_star(kws)) {
        compile_call_ex(c, call);
        return;
    }
    compile_exprs(c, args);
    for (int i = 0; i < kws->len; i++)
        compile_expr(c, kws->items[i]->u.keyword.value);
    set_loc(c, call);
    if (kws->len)
        emit(c, OP_KW_NAMES, kwnames_const(c, kws));
    emit(c, OP_CALL, args->len + kws->len);
}

static void compile_call(Compiler *c, const Node *e) {
    const Node *f = e->u.call.func;
    bool method = f->kind == N_ATTRIBUTE && !has_starred(&e->u.call.args) &&
                  !has_double_star(&e->u.call.keywords);
    if (method) {
        compile_expr(c, f->u.attribute.value);
        set_loc(c, f);
        emit(c, OP_LOAD_METHOD, add_name(c, mangle(c, c->u->private_name, f->u.attribute.attr)));
    } else {
        compile_expr(c, f);
        emit(c, OP_PUSH_NULL, 0);
    }
    compile_call_args(c, e);
}

/* ---------------------------------------------------------------- functions */

/* Pushes the cells that a new function of code `co` closes over; returns MF_CLOSURE or 0. */
static int compile_closure(Compiler *c, CodeObj *co) {
    if (!co || co->nfrees == 0)
        return 0;
    Unit *u = c->u;
    for (int i = 0; i < co->nfrees; i++) {
        const char *name = co->freenames[i]->data;
        int k = find_name(u->cellnames, u->ncells, name);
        if (k < 0) {
            k = find_name(u->freenames, u->nfrees, name);
            k = k < 0 ? 0 : u->ncells + k;
        }
        emit(c, OP_LOAD_CLOSURE, k);
    }
    emit(c, OP_BUILD_TUPLE, co->nfrees);
    return MF_CLOSURE;
}

/* Defaults (a tuple) and keyword-only defaults (a dict), evaluated at def time. */
static int compile_defaults(Compiler *c, const Node *args) {
    int flags = 0;
    if (!args)
        return 0;
    if (args->u.arguments.defaults.len) {
        compile_exprs(c, &args->u.arguments.defaults);
        emit(c, OP_BUILD_TUPLE, args->u.arguments.defaults.len);
        flags |= MF_DEFAULTS;
    }
    int nkw = 0;
    for (int i = 0; i < args->u.arguments.kwonlyargs.len; i++) {
        const Node *d = args->u.arguments.kw_defaults.items[i];
        if (!d)
            continue;
        const char *name =
            mangle(c, c->u->private_name, args->u.arguments.kwonlyargs.items[i]->u.arg.arg);
        emit(c, OP_LOAD_CONST, add_str_const(c, name, strlen(name)));
        compile_expr(c, d);
        nkw++;
    }
    if (nkw) {
        emit(c, OP_BUILD_MAP, nkw);
        flags |= MF_KWDEFAULTS;
    }
    return flags;
}

static void make_function(Compiler *c, CodeObj *co, int flags) {
    flags |= compile_closure(c, co);
    if (co)
        load_const(c, VOBJ(co));
    else
        load_none(c);
    emit(c, OP_MAKE_FUNCTION, flags);
}

static void compile_lambda(Compiler *c, const Node *e) {
    int flags = compile_defaults(c, e->u.lambda.args);
    CodeObj *co = compile_function_code(c, e, scope_of(c, e));
    set_loc(c, e);
    make_function(c, co, flags);
}

/* ---------------------------------------------------------------- comprehensions */

/* One `for ... in ... if ...` clause of a comprehension body, then the next (CPython's
 * compiler_sync_comprehension_generator / compiler_async_comprehension_generator). */
static void compile_comp_generator(Compiler *c, const Node *e, int gen, int depth) {
    const Node *g = e->u.comp.generators.items[gen];
    bool is_async = g->u.comprehension.is_async;
    int start = new_label(c), if_cleanup = new_label(c), anchor = new_label(c);
    if (gen == 0) {
        emit(c, OP_LOAD_FAST, 0); /* .0: the outermost iterator */
    } else {
        compile_expr(c, g->u.comprehension.iter);
        emit(c, is_async ? OP_GET_AITER : OP_GET_ITER, 0);
    }
    depth++;
    bind_label(c, start);
    if (is_async) {
        push_handler(c, anchor, c->u->depth);
        emit(c, OP_GET_ANEXT, 0);
        load_none(c);
        compile_yield_from_loop(c);
        pop_handler(c);
    } else {
        emit(c, OP_FOR_ITER, anchor);
    }
    compile_store(c, g->u.comprehension.target);
    for (int i = 0; i < g->u.comprehension.ifs.len; i++)
        compile_jump_if(c, g->u.comprehension.ifs.items[i], if_cleanup, false);
    if (gen + 1 < e->u.comp.generators.len) {
        compile_comp_generator(c, e, gen + 1, depth);
    } else {
        switch (e->kind) {
        case N_GENERATOREXP:
            compile_expr(c, e->u.comp.elt);
            emit(c, OP_YIELD_VALUE, c->u->scope->is_coroutine ? YV_ASYNC_GEN : YV_PLAIN);
            emit(c, OP_POP_TOP, 0);
            break;
        case N_LISTCOMP:
            compile_expr(c, e->u.comp.elt);
            emit(c, OP_LIST_APPEND, depth + 1);
            break;
        case N_SETCOMP:
            compile_expr(c, e->u.comp.elt);
            emit(c, OP_SET_ADD, depth + 1);
            break;
        default:
            compile_expr(c, e->u.comp.elt);
            compile_expr(c, e->u.comp.value);
            emit(c, OP_MAP_ADD, depth + 1);
            break;
        }
    }
    bind_label(c, if_cleanup);
    emit(c, OP_JUMP, start);
    bind_label(c, anchor);
    if (is_async)
        emit(c, OP_END_ASYNC_FOR, 0);
}

static void compile_comprehension(Compiler *c, const Node *e) {
    Scope *s = scope_of(c, e);
    UnitKind outer = c->u->kind;
    bool is_async = s && s->is_coroutine;
    if (is_async && e->kind != N_GENERATOREXP && outer != UNIT_ASYNC_FUNCTION &&
        outer != UNIT_COMPREHENSION) {
        error_at(c, e, "asynchronous comprehension outside of an asynchronous function");
        return;
    }
    CodeObj *co = compile_function_code(c, e, s);
    set_loc(c, e);
    make_function(c, co, 0);
    const Node *first = e->u.comp.generators.items[0];
    compile_expr(c, first->u.comprehension.iter);
    set_loc(c, e);
    emit(c, first->u.comprehension.is_async ? OP_GET_AITER : OP_GET_ITER, 0);
    emit(c, OP_CALL, 0);
    if (is_async && e->kind != N_GENERATOREXP)
        compile_await_value(c, 0);
}

/* ---------------------------------------------------------------- yield and await */

static bool in_function(Compiler *c) {
    return c->u->scope->kind == SCOPE_FUNCTION;
}

static void compile_await(Compiler *c, const Node *e) {
    if (!in_function(c)) {
        error_at(c, e, "'await' outside function");
        return;
    }
    if (c->u->kind != UNIT_ASYNC_FUNCTION && c->u->kind != UNIT_COMPREHENSION) {
        error_at(c, e, "'await' outside async function");
        return;
    }
    compile_expr(c, e->u.unary_value.value);
    set_loc(c, e);
    compile_await_value(c, 0);
}

static void compile_yield(Compiler *c, const Node *e) {
    if (!in_function(c)) {
        error_at(c, e, "'yield' outside function");
        return;
    }
    if (e->kind == N_YIELDFROM) {
        if (c->u->kind == UNIT_ASYNC_FUNCTION) {
            error_at(c, e, "'yield from' inside async function");
            return;
        }
        compile_expr(c, e->u.unary_value.value);
        set_loc(c, e);
        emit(c, OP_GET_YIELD_FROM_ITER, 0);
        load_none(c);
        compile_yield_from_loop(c);
        return;
    }
    if (e->u.unary_value.value)
        compile_expr(c, e->u.unary_value.value);
    else
        load_none(c);
    set_loc(c, e);
    emit(c, OP_YIELD_VALUE, c->u->scope->is_coroutine ? YV_ASYNC_GEN : YV_PLAIN);
}

/* ---------------------------------------------------------------- dispatch */

static void compile_expr(Compiler *c, const Node *e) {
    if (c->failed)
        return;
    SrcPos saved = c->u->loc;
    set_loc(c, e);
    switch (e->kind) {
    case N_BOOLOP:
        compile_boolop(c, e);
        break;
    case N_BINOP:
        compile_expr(c, e->u.binop.left);
        compile_expr(c, e->u.binop.right);
        set_loc(c, e);
        emit(c, OP_BINARY_OP, e->u.binop.op);
        break;
    case N_UNARYOP:
        compile_unaryop(c, e);
        break;
    case N_LAMBDA:
        compile_lambda(c, e);
        break;
    case N_IFEXP:
        compile_ifexp(c, e);
        break;
    case N_DICT:
        compile_dict(c, e);
        break;
    case N_SET:
    case N_LIST:
    case N_TUPLE:
        compile_sequence(c, e);
        break;
    case N_LISTCOMP:
    case N_SETCOMP:
    case N_DICTCOMP:
    case N_GENERATOREXP:
        compile_comprehension(c, e);
        break;
    case N_AWAIT:
        compile_await(c, e);
        break;
    case N_YIELD:
    case N_YIELDFROM:
        compile_yield(c, e);
        break;
    case N_COMPARE:
        compile_compare(c, e);
        break;
    case N_CALL:
        compile_call(c, e);
        break;
    case N_FORMATTEDVALUE:
        compile_formatted(c, e);
        break;
    case N_JOINEDSTR:
        compile_joined(c, e);
        break;
    case N_CONSTANT:
        compile_constant(c, e);
        break;
    case N_ATTRIBUTE:
        compile_expr(c, e->u.attribute.value);
        set_loc(c, e);
        emit(c, OP_LOAD_ATTR, add_name(c, mangle(c, c->u->private_name, e->u.attribute.attr)));
        break;
    case N_SUBSCRIPT:
        compile_expr(c, e->u.subscript.value);
        compile_expr(c, e->u.subscript.slice);
        set_loc(c, e);
        emit(c, OP_BINARY_SUBSCR, 0);
        break;
    case N_STARRED:
        error_at(c, e, "can't use starred expression here");
        break;
    case N_NAME:
        compile_name(c, e->u.name.id, CTX_LOAD);
        break;
    case N_SLICE:
        compile_slice(c, e);
        break;
    default:
        unsupported(c, e, "this expression (%s) is not supported by loopscope",
                    ast_node_names[e->kind]);
        break;
    }
    c->u->loc = saved;
}

/* ================================================================ assignment targets */

static void compile_unpack_store(Compiler *c, const Node *t) {
    const NodeList *elts = &t->u.seq.elts;
    int star = -1;
    for (int i = 0; i < elts->len; i++) {
        if (elts->items[i]->kind != N_STARRED)
            continue;
        if (star >= 0) {
            error_at(c, t, "multiple starred expressions in assignment");
            return;
        }
        star = i;
    }
    set_loc(c, t);
    if (star >= 0) {
        int after = elts->len - star - 1;
        if (star > 255 || after > 255) {
            error_at(c, t, "too many expressions in star-unpacking assignment");
            return;
        }
        emit(c, OP_UNPACK_EX, star | (after << 8));
    } else {
        emit(c, OP_UNPACK_SEQUENCE, elts->len);
    }
    for (int i = 0; i < elts->len; i++) {
        const Node *el = elts->items[i];
        compile_store(c, el->kind == N_STARRED ? el->u.starred.value : el);
    }
}

/* Stores the value on top of the stack into target t. */
static void compile_store(Compiler *c, const Node *t) {
    if (c->failed)
        return;
    SrcPos saved = c->u->loc;
    set_loc(c, t);
    switch (t->kind) {
    case N_NAME:
        compile_name(c, t->u.name.id, CTX_STORE);
        break;
    case N_ATTRIBUTE:
        compile_expr(c, t->u.attribute.value);
        set_loc(c, t);
        emit(c, OP_STORE_ATTR, add_name(c, mangle(c, c->u->private_name, t->u.attribute.attr)));
        break;
    case N_SUBSCRIPT:
        compile_expr(c, t->u.subscript.value);
        compile_expr(c, t->u.subscript.slice);
        set_loc(c, t);
        emit(c, OP_STORE_SUBSCR, 0);
        break;
    case N_TUPLE:
    case N_LIST:
        compile_unpack_store(c, t);
        break;
    case N_STARRED:
        error_at(c, t, "starred assignment target must be in a list or tuple");
        break;
    default:
        error_at(c, t, "cannot assign to expression");
        break;
    }
    c->u->loc = saved;
}

static void compile_delete(Compiler *c, const Node *t) {
    set_loc(c, t);
    switch (t->kind) {
    case N_NAME:
        compile_name(c, t->u.name.id, CTX_DEL);
        break;
    case N_ATTRIBUTE:
        compile_expr(c, t->u.attribute.value);
        set_loc(c, t);
        emit(c, OP_DELETE_ATTR, add_name(c, mangle(c, c->u->private_name, t->u.attribute.attr)));
        break;
    case N_SUBSCRIPT:
        compile_expr(c, t->u.subscript.value);
        compile_expr(c, t->u.subscript.slice);
        set_loc(c, t);
        emit(c, OP_DELETE_SUBSCR, 0);
        break;
    case N_TUPLE:
    case N_LIST:
        for (int i = 0; i < t->u.seq.elts.len; i++)
            compile_delete(c, t->u.seq.elts.items[i]);
        break;
    default:
        error_at(c, t, "cannot delete expression");
        break;
    }
}

static void compile_augassign(Compiler *c, const Node *s) {
    const Node *t = s->u.augassign.target;
    int op = s->u.augassign.op + BINOP_INPLACE;
    switch (t->kind) {
    case N_NAME:
        set_loc(c, t);
        compile_name(c, t->u.name.id, CTX_LOAD);
        compile_expr(c, s->u.augassign.value);
        set_loc(c, s);
        emit(c, OP_BINARY_OP, op);
        set_loc(c, t);
        compile_name(c, t->u.name.id, CTX_STORE);
        break;
    case N_ATTRIBUTE: {
        int name = add_name(c, mangle(c, c->u->private_name, t->u.attribute.attr));
        compile_expr(c, t->u.attribute.value);
        set_loc(c, t);
        emit(c, OP_COPY, 1);
        emit(c, OP_LOAD_ATTR, name);
        compile_expr(c, s->u.augassign.value);
        set_loc(c, s);
        emit(c, OP_BINARY_OP, op);
        set_loc(c, t);
        emit(c, OP_SWAP, 2);
        emit(c, OP_STORE_ATTR, name);
        break;
    }
    case N_SUBSCRIPT:
        compile_expr(c, t->u.subscript.value);
        compile_expr(c, t->u.subscript.slice);
        set_loc(c, t);
        emit(c, OP_COPY, 2);
        emit(c, OP_COPY, 2);
        emit(c, OP_BINARY_SUBSCR, 0);
        compile_expr(c, s->u.augassign.value);
        set_loc(c, s);
        emit(c, OP_BINARY_OP, op);
        set_loc(c, t);
        emit(c, OP_SWAP, 3);
        emit(c, OP_SWAP, 2);
        emit(c, OP_STORE_SUBSCR, 0);
        break;
    default:
        error_at(c, t, "'%s' is an illegal expression for augmented assignment",
                 ast_node_names[t->kind]);
        break;
    }
}

/* ================================================================ blocks and unwinding */

static bool push_fblock(Compiler *c, FBlock fb) {
    Unit *u = c->u;
    if (u->nfblocks >= MAX_FBLOCKS) {
        Node n = {.line = u->loc.line, .end_line = u->loc.end_line, .col = 0, .end_col = 0};
        return error_at(c, &n, "too many statically nested blocks");
    }
    u->fblocks[u->nfblocks++] = fb;
    return true;
}

static void pop_fblock(Compiler *c) {
    if (c->u->nfblocks > 0)
        c->u->nfblocks--;
}

/* __exit__(None, None, None) with [exit] below: the CALL sees None as its `self`. */
static void call_exit_with_nones(Compiler *c) {
    load_none(c);
    load_none(c);
    load_none(c);
    emit(c, OP_CALL, 2);
}

static void unwind_fblock_stack(Compiler *c, bool preserve_tos, FBlock **loop);

/* Emits what leaving block `fb` early requires (CPython's compiler_unwind_fblock). With
 * preserve_tos the value on top (a return value) stays on top. */
static void unwind_fblock(Compiler *c, FBlock *fb, bool preserve_tos) {
    switch (fb->kind) {
    case FB_WHILE:
    case FB_EXCEPTION_HANDLER:
    case FB_ASYNC_COMPREHENSION:
        break;
    case FB_FOR:
    case FB_POP_VALUE:
        if (preserve_tos)
            emit(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP, 0);
        break;
    case FB_TRY_EXCEPT:
        pop_handler(c);
        break;
    case FB_FINALLY_TRY:
        pop_handler(c);
        if (preserve_tos && !push_fblock(c, (FBlock){.kind = FB_POP_VALUE}))
            return;
        compile_stmts(c, fb->body);
        if (preserve_tos)
            pop_fblock(c);
        break;
    case FB_FINALLY_END:
        if (preserve_tos)
            emit(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP, 0); /* the exception */
        if (preserve_tos)
            emit(c, OP_SWAP, 2);
        pop_handler(c);
        emit(c, OP_POP_EXCEPT, 0);
        break;
    case FB_WITH:
    case FB_ASYNC_WITH:
        set_loc(c, fb->node);
        pop_handler(c);
        if (preserve_tos)
            emit(c, OP_SWAP, 2);
        call_exit_with_nones(c);
        if (fb->kind == FB_ASYNC_WITH)
            compile_await_value(c, 2);
        emit(c, OP_POP_TOP, 0);
        break;
    case FB_HANDLER_CLEANUP:
        if (fb->name)
            pop_handler(c);
        if (preserve_tos)
            emit(c, OP_SWAP, 2);
        pop_handler(c);
        emit(c, OP_POP_EXCEPT, 0);
        if (fb->name) {
            load_none(c);
            compile_name(c, fb->name, CTX_STORE);
            compile_name(c, fb->name, CTX_DEL);
        }
        break;
    }
}

/* Unwinds every block (or up to the innermost loop when `loop` is given). */
static void unwind_fblock_stack(Compiler *c, bool preserve_tos, FBlock **loop) {
    Unit *u = c->u;
    if (u->nfblocks == 0 || c->failed)
        return;
    FBlock *top = &u->fblocks[u->nfblocks - 1];
    if (loop && (top->kind == FB_WHILE || top->kind == FB_FOR)) {
        *loop = top;
        return;
    }
    FBlock copy = *top;
    u->nfblocks--;
    unwind_fblock(c, &copy, preserve_tos);
    unwind_fblock_stack(c, preserve_tos, loop);
    u->fblocks[u->nfblocks++] = copy;
}

/* ================================================================ statements */

static void compile_return(Compiler *c, const Node *s) {
    Unit *u = c->u;
    if (!in_function(c)) {
        error_at(c, s, "'return' outside function");
        return;
    }
    if (s->u.ret.value && u->scope->is_coroutine && u->scope->is_generator) {
        error_at(c, s, "'return' with value in async generator");
        return;
    }
    if (s->u.ret.value)
        compile_expr(c, s->u.ret.value);
    else
        load_none(c);
    set_loc(c, s);
    int hstate = u->hcur; /* unwinding pops handlers only for the path that leaves */
    unwind_fblock_stack(c, true, NULL);
    set_loc(c, s);
    emit(c, OP_RETURN_VALUE, 0);
    u->hcur = hstate;
}

static void compile_break_continue(Compiler *c, const Node *s, bool is_break) {
    Unit *u = c->u;
    FBlock *loop = NULL;
    int hstate = u->hcur;
    unwind_fblock_stack(c, false, &loop);
    if (!loop) {
        error_at(c, s, is_break ? "'break' outside loop" : "'continue' not properly in loop");
        return;
    }
    set_loc(c, s);
    if (is_break) {
        unwind_fblock(c, loop, false);
        emit(c, OP_JUMP, loop->exit);
    } else {
        emit(c, OP_JUMP, loop->start);
    }
    u->hcur = hstate;
}

static void compile_if(Compiler *c, const Node *s) {
    int end = new_label(c);
    bool has_else = s->u.if_.orelse.len > 0;
    int next = has_else ? new_label(c) : end;
    compile_jump_if(c, s->u.if_.test, next, false);
    compile_stmts(c, &s->u.if_.body);
    if (has_else) {
        emit(c, OP_JUMP, end);
        bind_label(c, next);
        compile_stmts(c, &s->u.if_.orelse);
    }
    bind_label(c, end);
}

static bool is_true_constant(const Node *e) {
    return e->kind == N_CONSTANT && e->u.constant.kind == CONST_TRUE;
}

static void compile_while(Compiler *c, const Node *s) {
    int start = new_label(c), body = new_label(c), anchor = new_label(c), end = new_label(c);
    bind_label(c, start);
    if (!push_fblock(c, (FBlock){.kind = FB_WHILE, .start = start, .exit = end}))
        return;
    if (is_true_constant(s->u.while_.test))
        emit(c, OP_NOP, 0);
    else
        compile_jump_if(c, s->u.while_.test, anchor, false);
    bind_label(c, body);
    compile_stmts(c, &s->u.while_.body);
    emit(c, OP_JUMP, start);
    pop_fblock(c);
    bind_label(c, anchor);
    compile_stmts(c, &s->u.while_.orelse);
    bind_label(c, end);
}

static bool async_allowed(Compiler *c) {
    return c->u->kind == UNIT_ASYNC_FUNCTION;
}

static void compile_for(Compiler *c, const Node *s) {
    int start = new_label(c), cleanup = new_label(c), end = new_label(c);
    compile_expr(c, s->u.for_.iter);
    set_loc(c, s); /* CPython: GET_ITER and FOR_ITER carry the whole statement's position */
    emit(c, OP_GET_ITER, 0);
    bind_label(c, start);
    if (!push_fblock(c, (FBlock){.kind = FB_FOR, .start = start, .exit = end}))
        return;
    set_loc(c, s);
    emit(c, OP_FOR_ITER, cleanup);
    compile_store(c, s->u.for_.target);
    compile_stmts(c, &s->u.for_.body);
    emit(c, OP_JUMP, start);
    pop_fblock(c);
    bind_label(c, cleanup);
    compile_stmts(c, &s->u.for_.orelse);
    bind_label(c, end);
}

/* async for (CPython's compiler_async_for): __anext__ awaited under a handler that ends the
 * loop on StopAsyncIteration. */
static void compile_async_for(Compiler *c, const Node *s) {
    if (!async_allowed(c)) {
        error_at(c, s, "'async for' outside async function");
        return;
    }
    int start = new_label(c), except = new_label(c), end = new_label(c);
    compile_expr(c, s->u.for_.iter);
    set_loc(c, s->u.for_.iter);
    emit(c, OP_GET_AITER, 0);
    bind_label(c, start);
    if (!push_fblock(c, (FBlock){.kind = FB_FOR, .start = start, .exit = end}))
        return;
    push_handler(c, except, c->u->depth);
    emit(c, OP_GET_ANEXT, 0);
    load_none(c);
    compile_yield_from_loop(c);
    pop_handler(c);
    compile_store(c, s->u.for_.target);
    compile_stmts(c, &s->u.for_.body);
    emit(c, OP_JUMP, start);
    pop_fblock(c);
    bind_label(c, except);
    set_loc(c, s->u.for_.iter);
    emit(c, OP_END_ASYNC_FOR, 0);
    compile_stmts(c, &s->u.for_.orelse);
    bind_label(c, end);
}

/* The cleanup handler shared by except/finally/with: restore the previously handled
 * exception, then re-raise (CPython's POP_EXCEPT_AND_RERAISE). Stack: [prev, exc]. */
static void pop_except_and_reraise(Compiler *c) {
    emit(c, OP_SWAP, 2);
    emit(c, OP_POP_EXCEPT, 0);
    emit(c, OP_RERAISE, 0);
}

/* One `except [T [as name]]:` clause; `next` is where a non-matching exception goes. */
static void compile_handler(Compiler *c, const Node *h, int end) {
    const char *name = h->u.handler.name;
    if (!name) {
        emit(c, OP_POP_TOP, 0);
        if (!push_fblock(c, (FBlock){.kind = FB_HANDLER_CLEANUP}))
            return;
        compile_stmts(c, &h->u.handler.body);
        pop_fblock(c);
        pop_handler(c);
        emit(c, OP_POP_EXCEPT, 0);
        emit(c, OP_JUMP, end);
        return;
    }
    int cleanup_end = new_label(c);
    set_loc(c, h);
    compile_name(c, name, CTX_STORE);
    push_handler(c, cleanup_end, c->u->depth);
    if (!push_fblock(c, (FBlock){.kind = FB_HANDLER_CLEANUP, .name = name}))
        return;
    compile_stmts(c, &h->u.handler.body);
    pop_fblock(c);
    pop_handler(c);
    pop_handler(c);
    emit(c, OP_POP_EXCEPT, 0);
    load_none(c);
    compile_name(c, name, CTX_STORE);
    compile_name(c, name, CTX_DEL);
    emit(c, OP_JUMP, end);
    /* the handler body raised: e = None; del e; re-raise */
    bind_label(c, cleanup_end);
    load_none(c);
    compile_name(c, name, CTX_STORE);
    compile_name(c, name, CTX_DEL);
    emit(c, OP_RERAISE, 0);
}

/* try/except/else (CPython's compiler_try_except). */
static void compile_try_except(Compiler *c, const Node *s) {
    Unit *u = c->u;
    int except = new_label(c), cleanup = new_label(c), end = new_label(c);
    push_handler(c, except, u->depth);
    if (!push_fblock(c, (FBlock){.kind = FB_TRY_EXCEPT}))
        return;
    compile_stmts(c, &s->u.try_.body);
    pop_fblock(c);
    pop_handler(c);
    compile_stmts(c, &s->u.try_.orelse);
    emit(c, OP_JUMP, end);
    bind_label(c, except);
    push_handler(c, cleanup, u->depth);
    emit(c, OP_PUSH_EXC_INFO, 0);
    if (!push_fblock(c, (FBlock){.kind = FB_EXCEPTION_HANDLER}))
        return;
    const NodeList *hs = &s->u.try_.handlers;
    for (int i = 0; i < hs->len; i++) {
        const Node *h = hs->items[i];
        set_loc(c, h);
        if (!h->u.handler.type && i < hs->len - 1) {
            error_at(c, h, "default 'except:' must be last");
            return;
        }
        int next = new_label(c);
        if (h->u.handler.type) {
            compile_expr(c, h->u.handler.type);
            set_loc(c, h);
            emit(c, OP_CHECK_EXC_MATCH, 0);
            emit(c, OP_POP_JUMP_IF_FALSE, next);
        }
        compile_handler(c, h, end);
        bind_label(c, next);
    }
    pop_fblock(c);
    emit(c, OP_RERAISE, 0);
    bind_label(c, cleanup);
    pop_except_and_reraise(c);
    bind_label(c, end);
}

/* try/finally (CPython's compiler_try_finally): the finally body is emitted twice, for the
 * normal path and for the exceptional one (and again by each return/break that leaves). */
static void compile_try_finally(Compiler *c, const Node *s) {
    Unit *u = c->u;
    int end = new_label(c), exit = new_label(c), cleanup = new_label(c);
    push_handler(c, end, u->depth);
    if (!push_fblock(c, (FBlock){.kind = FB_FINALLY_TRY, .body = &s->u.try_.finalbody}))
        return;
    if (s->u.try_.handlers.len)
        compile_try_except(c, s);
    else
        compile_stmts(c, &s->u.try_.body);
    pop_handler(c);
    pop_fblock(c);
    compile_stmts(c, &s->u.try_.finalbody);
    emit(c, OP_JUMP, exit);
    bind_label(c, end);
    push_handler(c, cleanup, u->depth);
    emit(c, OP_PUSH_EXC_INFO, 0);
    if (!push_fblock(c, (FBlock){.kind = FB_FINALLY_END}))
        return;
    compile_stmts(c, &s->u.try_.finalbody);
    pop_fblock(c);
    emit(c, OP_RERAISE, 0);
    bind_label(c, cleanup);
    pop_except_and_reraise(c);
    bind_label(c, exit);
}

static void compile_try(Compiler *c, const Node *s) {
    emit(c, OP_NOP, 0); /* the `try:` line is a statement of its own (line events) */
    if (s->u.try_.finalbody.len)
        compile_try_finally(c, s);
    else
        compile_try_except(c, s);
}

/* The exceptional exit of a with block: [exit, prev, exc, res] (CPython's
 * compiler_with_except_finish). */
static void with_except_finish(Compiler *c) {
    int suppress = new_label(c);
    emit(c, OP_POP_JUMP_IF_TRUE, suppress);
    emit(c, OP_RERAISE, 0);
    bind_label(c, suppress);
    emit(c, OP_POP_TOP, 0); /* the exception */
    pop_handler(c);
    emit(c, OP_POP_EXCEPT, 0);
    emit(c, OP_POP_TOP, 0); /* __exit__ */
}

/* with / async with, one item at a time (CPython's compiler_with/compiler_async_with). */
static void compile_with(Compiler *c, const Node *s, int pos) {
    Unit *u = c->u;
    bool is_async = s->u.with.is_async;
    const Node *item = s->u.with.items.items[pos];
    int final = new_label(c), exit = new_label(c), cleanup = new_label(c);
    compile_expr(c, item->u.withitem.context_expr);
    set_loc(c, s);
    if (is_async) {
        emit(c, OP_BEFORE_ASYNC_WITH, 0);
        compile_await_value(c, 1);
    } else {
        emit(c, OP_BEFORE_WITH, 0);
    }
    push_handler(c, final, u->depth - 1);
    FBlock fb = {.kind = is_async ? FB_ASYNC_WITH : FB_WITH, .node = s};
    if (!push_fblock(c, fb))
        return;
    if (item->u.withitem.optional_vars)
        compile_store(c, item->u.withitem.optional_vars);
    else
        emit(c, OP_POP_TOP, 0);
    if (pos + 1 == s->u.with.items.len)
        compile_stmts(c, &s->u.with.body);
    else
        compile_with(c, s, pos + 1);
    pop_handler(c);
    pop_fblock(c);
    set_loc(c, s);
    call_exit_with_nones(c);
    if (is_async)
        compile_await_value(c, 2);
    emit(c, OP_POP_TOP, 0);
    emit(c, OP_JUMP, exit);
    bind_label(c, final);
    push_handler(c, cleanup, u->depth);
    emit(c, OP_PUSH_EXC_INFO, 0);
    emit(c, OP_WITH_EXCEPT_START, 0);
    if (is_async)
        compile_await_value(c, 2);
    with_except_finish(c);
    emit(c, OP_JUMP, exit);
    bind_label(c, cleanup);
    pop_except_and_reraise(c);
    bind_label(c, exit);
}

static void compile_raise(Compiler *c, const Node *s) {
    int n = 0;
    if (s->u.raise.exc) {
        compile_expr(c, s->u.raise.exc);
        n++;
        if (s->u.raise.cause) {
            compile_expr(c, s->u.raise.cause);
            n++;
        }
    }
    set_loc(c, s);
    emit(c, OP_RAISE_VARARGS, n);
}

static void compile_assert(Compiler *c, const Node *s) {
    int end = new_label(c);
    compile_jump_if(c, s->u.assert_.test, end, true);
    set_loc(c, s);
    emit(c, OP_LOAD_ASSERTION_ERROR, 0);
    if (s->u.assert_.msg) {
        compile_expr(c, s->u.assert_.msg);
        set_loc(c, s);
        emit(c, OP_CALL, 0);
    }
    emit(c, OP_RAISE_VARARGS, 1);
    bind_label(c, end);
}

static void compile_import(Compiler *c, const Node *s) {
    for (int i = 0; i < s->u.import.names.len; i++) {
        const Node *a = s->u.import.names.items[i];
        const char *full = a->u.alias.name;
        const char *dot = strchr(full, '.');
        set_loc(c, s);
        if (dot && !a->u.alias.asname) {
            emit(c, OP_IMPORT_NAME, add_name(c, full));
            emit(c, OP_POP_TOP, 0);
            const char *first = pool_str(c, full, (size_t)(dot - full));
            emit(c, OP_IMPORT_NAME, add_name(c, first));
            compile_name(c, first, CTX_STORE);
        } else {
            emit(c, OP_IMPORT_NAME, add_name(c, full));
            compile_name(c, a->u.alias.asname ? a->u.alias.asname : full, CTX_STORE);
        }
    }
}

static void compile_import_from(Compiler *c, const Node *s) {
    if (s->u.import.level > 0 || !s->u.import.module) {
        unsupported(c, s, "relative imports are not supported by loopscope");
        return;
    }
    for (int i = 0; i < s->u.import.names.len; i++)
        if (strcmp(s->u.import.names.items[i]->u.alias.name, "*") == 0) {
            unsupported(c, s, "'from %s import *' is not supported by loopscope",
                        s->u.import.module);
            return;
        }
    set_loc(c, s);
    emit(c, OP_IMPORT_NAME, add_name(c, s->u.import.module));
    for (int i = 0; i < s->u.import.names.len; i++) {
        const Node *a = s->u.import.names.items[i];
        emit(c, OP_IMPORT_FROM, add_name(c, a->u.alias.name));
        compile_name(c, a->u.alias.asname ? a->u.alias.asname : a->u.alias.name, CTX_STORE);
    }
    emit(c, OP_POP_TOP, 0);
}

static void compile_decorators(Compiler *c, const NodeList *decs) {
    for (int i = 0; i < decs->len; i++) {
        compile_expr(c, decs->items[i]);
        emit(c, OP_PUSH_NULL, 0);
    }
}

static void apply_decorators(Compiler *c, const NodeList *decs) {
    for (int i = decs->len - 1; i >= 0; i--) {
        set_loc(c, decs->items[i]);
        emit(c, OP_CALL, 1);
    }
}

static void compile_funcdef(Compiler *c, const Node *s) {
    compile_decorators(c, &s->u.funcdef.decorators);
    set_loc(c, s);
    int flags = compile_defaults(c, s->u.funcdef.args);
    CodeObj *co = compile_function_code(c, s, scope_of(c, s));
    set_loc(c, s);
    make_function(c, co, flags);
    apply_decorators(c, &s->u.funcdef.decorators);
    set_loc(c, s);
    compile_name(c, s->u.funcdef.name, CTX_STORE);
}

static bool docstring(const NodeList *body, const Node **doc) {
    if (body->len == 0)
        return false;
    const Node *first = body->items[0];
    if (first->kind != N_EXPR || first->u.expr.value->kind != N_CONSTANT ||
        first->u.expr.value->u.constant.kind != CONST_STR)
        return false;
    *doc = first->u.expr.value;
    return true;
}

/* The body of a class statement: a function that fills its namespace (frame->locals) and
 * returns the __class__ cell (or None) for BUILD_CLASS. */
static CodeObj *compile_class_body(Compiler *c, const Node *s) {
    int firstline =
        s->u.classdef.decorators.len ? s->u.classdef.decorators.items[0]->line : s->line;
    if (!enter_unit(c, scope_of(c, s), UNIT_CLASS, s->u.classdef.name, firstline))
        return NULL;
    Unit *u = c->u;
    u->flags = CO_CLASSBODY;
    set_loc(c, s);
    load_global(c, "__name__");
    emit(c, OP_STORE_NAME, add_name(c, "__module__"));
    emit(c, OP_LOAD_CONST, add_str_const(c, u->qualname, strlen(u->qualname)));
    emit(c, OP_STORE_NAME, add_name(c, "__qualname__"));
    const Node *doc;
    if (docstring(&s->u.classdef.body, &doc)) {
        set_loc(c, doc);
        emit(c, OP_LOAD_CONST, add_str_const(c, doc->u.constant.s, doc->u.constant.len));
        emit(c, OP_STORE_NAME, add_name(c, "__doc__"));
    }
    compile_stmts(c, &s->u.classdef.body);
    if (u->scope->needs_class_closure)
        emit(c, OP_LOAD_CLOSURE, find_name(u->cellnames, u->ncells, "__class__"));
    else
        load_none(c);
    emit(c, OP_RETURN_VALUE, 0);
    return exit_unit(c);
}

static void compile_classdef(Compiler *c, const Node *s) {
    for (int i = 0; i < s->u.classdef.keywords.len; i++) {
        unsupported(c, s->u.classdef.keywords.items[i],
                    "keyword arguments in a class statement are not supported by loopscope");
        return;
    }
    for (int i = 0; i < s->u.classdef.bases.len; i++)
        if (s->u.classdef.bases.items[i]->kind == N_STARRED) {
            unsupported(c, s->u.classdef.bases.items[i],
                        "starred base classes are not supported by loopscope");
            return;
        }
    compile_decorators(c, &s->u.classdef.decorators);
    CodeObj *co = compile_class_body(c, s);
    set_loc(c, s);
    make_function(c, co, 0);
    emit(c, OP_LOAD_CONST, add_str_const(c, s->u.classdef.name, strlen(s->u.classdef.name)));
    compile_exprs(c, &s->u.classdef.bases);
    set_loc(c, s);
    emit(c, OP_BUILD_CLASS, s->u.classdef.bases.len);
    apply_decorators(c, &s->u.classdef.decorators);
    set_loc(c, s);
    compile_name(c, s->u.classdef.name, CTX_STORE);
}

static void compile_annassign(Compiler *c, const Node *s) {
    if (!s->u.annassign.value)
        return;
    compile_expr(c, s->u.annassign.value);
    compile_store(c, s->u.annassign.target);
}

static void compile_assign(Compiler *c, const Node *s) {
    const NodeList *targets = &s->u.assign.targets;
    compile_expr(c, s->u.assign.value);
    for (int i = 0; i < targets->len; i++) {
        if (i < targets->len - 1) {
            set_loc(c, s);
            emit(c, OP_COPY, 1);
        }
        compile_store(c, targets->items[i]);
    }
}

static void compile_stmt(Compiler *c, const Node *s) {
    Unit *u = c->u;
    if (c->failed)
        return;
    set_loc(c, s);
    u->stmt_pending = true;
    int depth = u->depth, hstate = u->hcur;
    switch (s->kind) {
    case N_FUNCTIONDEF:
        compile_funcdef(c, s);
        break;
    case N_CLASSDEF:
        compile_classdef(c, s);
        break;
    case N_RETURN:
        compile_return(c, s);
        break;
    case N_DELETE:
        for (int i = 0; i < s->u.del.targets.len; i++)
            compile_delete(c, s->u.del.targets.items[i]);
        break;
    case N_ASSIGN:
        compile_assign(c, s);
        break;
    case N_AUGASSIGN:
        compile_augassign(c, s);
        break;
    case N_ANNASSIGN:
        compile_annassign(c, s);
        break;
    case N_FOR:
        if (s->u.for_.is_async)
            compile_async_for(c, s);
        else
            compile_for(c, s);
        break;
    case N_WHILE:
        compile_while(c, s);
        break;
    case N_IF:
        compile_if(c, s);
        break;
    case N_WITH:
        if (s->u.with.is_async && !async_allowed(c))
            error_at(c, s, "'async with' outside async function");
        else
            compile_with(c, s, 0);
        break;
    case N_RAISE:
        compile_raise(c, s);
        break;
    case N_TRY:
        compile_try(c, s);
        break;
    case N_ASSERT:
        compile_assert(c, s);
        break;
    case N_IMPORT:
        compile_import(c, s);
        break;
    case N_IMPORTFROM:
        compile_import_from(c, s);
        break;
    case N_EXPR:
        if (s->u.expr.value->kind == N_CONSTANT) {
            emit(c, OP_NOP, 0);
        } else {
            compile_expr(c, s->u.expr.value);
            set_loc(c, s);
            emit(c, OP_POP_TOP, 0);
        }
        break;
    case N_BREAK:
    case N_CONTINUE:
        compile_break_continue(c, s, s->kind == N_BREAK);
        break;
    case N_GLOBAL:
    case N_NONLOCAL:
    case N_PASS:
        emit(c, OP_NOP, 0);
        break;
    default:
        unsupported(c, s, "this statement (%s) is not supported by loopscope",
                    ast_node_names[s->kind]);
        break;
    }
    if (u->stmt_pending) { /* a statement that emitted nothing still marks its start */
        set_loc(c, s);
        emit(c, OP_NOP, 0);
    }
    u->depth = depth;
    u->hcur = hstate;
}

static void compile_stmts(Compiler *c, const NodeList *l) {
    for (int i = 0; i < l->len && !c->failed; i++)
        compile_stmt(c, l->items[i]);
}

/* ================================================================ code objects */

static int count_args(const Node *args, Unit *u) {
    if (!args)
        return 0;
    u->posonlyargcount = args->u.arguments.posonlyargs.len;
    u->argcount = u->posonlyargcount + args->u.arguments.args.len;
    u->kwonlyargcount = args->u.arguments.kwonlyargs.len;
    if (args->u.arguments.vararg)
        u->flags |= CO_VARARGS;
    if (args->u.arguments.kwarg)
        u->flags |= CO_VARKEYWORDS;
    return u->argcount;
}

static UnitKind function_unit_kind(const Node *n) {
    switch (n->kind) {
    case N_FUNCTIONDEF:
        return n->u.funcdef.is_async ? UNIT_ASYNC_FUNCTION : UNIT_FUNCTION;
    case N_LAMBDA:
        return UNIT_LAMBDA;
    default:
        return UNIT_COMPREHENSION;
    }
}

static void set_generator_flags(Unit *u) {
    Scope *s = u->scope;
    if (s->is_generator && s->is_coroutine)
        u->flags |= CO_ASYNC_GENERATOR;
    else if (s->is_generator)
        u->flags |= CO_GENERATOR;
    else if (s->is_coroutine)
        u->flags |= CO_COROUTINE;
}

static void compile_comp_body(Compiler *c, const Node *n) {
    Unit *u = c->u;
    u->argcount = 1;
    u->flags |= CO_COMPREHENSION;
    set_loc(c, n);
    switch (n->kind) {
    case N_LISTCOMP:
        emit(c, OP_BUILD_LIST, 0);
        break;
    case N_SETCOMP:
        emit(c, OP_BUILD_SET, 0);
        break;
    case N_DICTCOMP:
        emit(c, OP_BUILD_MAP, 0);
        break;
    default:
        break;
    }
    compile_comp_generator(c, n, 0, 0);
    set_loc(c, n);
    if (n->kind == N_GENERATOREXP)
        load_none(c);
    emit(c, OP_RETURN_VALUE, 0);
}

/* Compiles a def, lambda or comprehension body into its code object (new reference). */
static CodeObj *compile_function_code(Compiler *c, const Node *n, Scope *s) {
    const char *name = n->kind == N_FUNCTIONDEF ? n->u.funcdef.name
                       : n->kind == N_LAMBDA    ? "<lambda>"
                                                : comp_name(n->kind);
    int firstline = n->line;
    if (n->kind == N_FUNCTIONDEF && n->u.funcdef.decorators.len)
        firstline = n->u.funcdef.decorators.items[0]->line;
    if (c->failed || !enter_unit(c, s, function_unit_kind(n), name, firstline))
        return NULL;
    Unit *u = c->u;
    set_generator_flags(u);
    if (n->kind == N_FUNCTIONDEF) {
        count_args(n->u.funcdef.args, u);
        const Node *doc;
        if (docstring(&n->u.funcdef.body, &doc)) {
            StrObj *d = str_new(c->vm, doc->u.constant.s, doc->u.constant.len);
            if (!d)
                nomem(c);
            else
                u->doc = VOBJ(d);
        }
        compile_stmts(c, &n->u.funcdef.body);
        load_none(c);
        emit(c, OP_RETURN_VALUE, 0);
    } else if (n->kind == N_LAMBDA) {
        count_args(n->u.lambda.args, u);
        compile_expr(c, n->u.lambda.body);
        set_loc(c, n->u.lambda.body);
        emit(c, OP_RETURN_VALUE, 0);
    } else {
        compile_comp_body(c, n);
    }
    return exit_unit(c);
}

static CodeObj *compile_module_code(Compiler *c, const Node *root) {
    if (!enter_unit(c, scope_of(c, root), UNIT_MODULE, "<module>", 1))
        return NULL;
    c->u->flags = CO_MODULE;
    const Node *doc;
    if (docstring(&root->u.module.body, &doc)) {
        set_loc(c, doc);
        emit(c, OP_LOAD_CONST, add_str_const(c, doc->u.constant.s, doc->u.constant.len));
        emit(c, OP_STORE_GLOBAL, add_name(c, "__doc__"));
    }
    compile_stmts(c, &root->u.module.body);
    load_none(c);
    emit(c, OP_RETURN_VALUE, 0);
    return exit_unit(c);
}

CodeObj *compile_module(VM *vm, const Node *root, const char *filename, const char *source,
                        size_t len, Diag *diag) {
    Compiler c = {.vm = vm, .filename = filename, .source = source, .srclen = len, .diag = diag};
    memset(diag, 0, sizeof *diag);
    CodeObj *co = NULL;
    if (build_symtable(&c, root))
        co = compile_module_code(&c, root);
    while (c.u) { /* units left open by an error */
        Unit *u = c.u;
        c.u = u->parent;
        unit_free(&c, u);
    }
    for (int i = 0; i < c.nscopes; i++)
        scope_free(&c, c.scopes[i]);
    if (c.scopes)
        ls_free(vm, c.scopes, (size_t)c.capscopes * sizeof *c.scopes);
    for (int i = 0; i < c.npool; i++)
        ls_free(vm, c.pool[i], strlen(c.pool[i]) + 1);
    if (c.pool)
        ls_free(vm, c.pool, (size_t)c.cappool * sizeof *c.pool);
    if (c.failed && co) {
        obj_decref(vm, &co->hdr);
        co = NULL;
    }
    if (c.nomem)
        diag->kind = DIAG_NONE;
    return co;
}

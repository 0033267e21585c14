/*
 * ast.h - the syntax tree the parser builds and the compiler reads. It mirrors CPython's
 * ast module (same node names and fields) so that CPython's documentation describes it.
 *
 * Nodes live in an arena owned by the Ast and are freed together with ast_free().
 * Not for: semantics (scopes, bytecode) - that is compiler.c.
 */
#ifndef LS_AST_H
#define LS_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

/* Node kinds: one list gives the enum and the display names (for tests and dumps). */
/* clang-format off */
#define LS_NODES(X)                                                                            \
    /* statements */                                                                           \
    X(N_MODULE) X(N_FUNCTIONDEF) X(N_CLASSDEF) X(N_RETURN) X(N_DELETE) X(N_ASSIGN)             \
    X(N_AUGASSIGN) X(N_ANNASSIGN) X(N_FOR) X(N_WHILE) X(N_IF) X(N_WITH) X(N_RAISE) X(N_TRY)    \
    X(N_ASSERT) X(N_IMPORT) X(N_IMPORTFROM) X(N_GLOBAL) X(N_NONLOCAL) X(N_EXPR) X(N_PASS)      \
    X(N_BREAK) X(N_CONTINUE)                                                                   \
    /* expressions */                                                                          \
    X(N_BOOLOP) X(N_BINOP) X(N_UNARYOP) X(N_LAMBDA) X(N_IFEXP) X(N_DICT) X(N_SET)              \
    X(N_LISTCOMP) X(N_SETCOMP) X(N_DICTCOMP) X(N_GENERATOREXP) X(N_AWAIT) X(N_YIELD)           \
    X(N_YIELDFROM) X(N_COMPARE) X(N_CALL) X(N_FORMATTEDVALUE) X(N_JOINEDSTR) X(N_CONSTANT)     \
    X(N_ATTRIBUTE) X(N_SUBSCRIPT) X(N_STARRED) X(N_NAME) X(N_LIST) X(N_TUPLE) X(N_SLICE)       \
    /* helpers */                                                                              \
    X(N_ARGUMENTS) X(N_ARG) X(N_KEYWORD) X(N_ALIAS) X(N_WITHITEM) X(N_EXCEPTHANDLER)           \
    X(N_COMPREHENSION)
/* clang-format on */

typedef enum {
#define X(k) k,
    LS_NODES(X)
#undef X
        N_COUNT
} NodeKind;

extern const char *const ast_node_names[N_COUNT];

typedef enum { CTX_LOAD, CTX_STORE, CTX_DEL } ExprCtx;

/* Operators reuse object.h's BinOp (for N_BINOP and N_AUGASSIGN), UnOp and CmpOp values,
 * plus these for comparisons that are not rich comparisons: */
/* clang-format off */
typedef enum {
    CMPX_LT, CMPX_LE, CMPX_EQ, CMPX_NE, CMPX_GT, CMPX_GE, /* == CmpOp values */
    CMPX_IN, CMPX_NOT_IN, CMPX_IS, CMPX_IS_NOT
} CompareOp;
/* clang-format on */

typedef enum { BOOL_AND, BOOL_OR } BoolOpKind;

/* clang-format off */
typedef enum {
    CONST_NONE, CONST_TRUE, CONST_FALSE, CONST_ELLIPSIS, CONST_INT, CONST_FLOAT, CONST_STR
} ConstKind;
/* clang-format on */

typedef struct Node Node;

/* A growable array of nodes (NULL entries allowed where the field says so). */
typedef struct {
    Node **items;
    int len, cap;
} NodeList;

/* Positions: line 1-based; col/end_col 0-based BYTE offsets into the line (CPython's
 * col_offset/end_col_offset), end_col exclusive. */
struct Node {
    NodeKind kind;
    int line, col, end_line, end_col;
    /* clang-format off */
    union {
        /* N_MODULE */
        struct { NodeList body; } module;
        /* N_FUNCTIONDEF (also async def; decorators in source order) */
        struct {
            const char *name;
            Node *args; /* N_ARGUMENTS */
            NodeList body, decorators;
            bool is_async;
            Node *returns; /* the `-> T` annotation, or NULL (never evaluated by loopscope) */
        } funcdef;
        /* N_CLASSDEF */
        struct { const char *name; NodeList bases, keywords, body, decorators; } classdef;
        /* N_RETURN: value may be NULL */
        struct { Node *value; } ret;
        /* N_DELETE */
        struct { NodeList targets; } del;
        /* N_ASSIGN: a = b = value */
        struct { NodeList targets; Node *value; } assign;
        /* N_AUGASSIGN: op is a BinOp */
        struct { Node *target; int op; Node *value; } augassign;
        /* N_ANNASSIGN: value may be NULL; annotation kept but not evaluated in functions */
        struct { Node *target; Node *annotation; Node *value; bool simple; } annassign;
        /* N_FOR (async for too) */
        struct { Node *target, *iter; NodeList body, orelse; bool is_async; } for_;
        /* N_WHILE */
        struct { Node *test; NodeList body, orelse; } while_;
        /* N_IF: elif chains are nested N_IF in orelse, as in CPython */
        struct { Node *test; NodeList body, orelse; } if_;
        /* N_WITH (async with too): items are N_WITHITEM */
        struct { NodeList items, body; bool is_async; } with;
        /* N_RAISE: both may be NULL */
        struct { Node *exc, *cause; } raise;
        /* N_TRY: handlers are N_EXCEPTHANDLER */
        struct { NodeList body, handlers, orelse, finalbody; } try_;
        /* N_ASSERT: msg may be NULL */
        struct { Node *test, *msg; } assert_;
        /* N_IMPORT / N_IMPORTFROM: names are N_ALIAS; module NULL only for relative */
        struct { const char *module; NodeList names; int level; } import;
        /* N_GLOBAL / N_NONLOCAL */
        struct { const char **names; int count; } names;
        /* N_EXPR */
        struct { Node *value; } expr;

        /* N_BOOLOP */
        struct { BoolOpKind op; NodeList values; } boolop;
        /* N_BINOP: op is a BinOp */
        struct { Node *left; int op; Node *right; } binop;
        /* N_UNARYOP: op is a UnOp */
        struct { int op; Node *operand; } unaryop;
        /* N_LAMBDA */
        struct { Node *args; Node *body; } lambda;
        /* N_IFEXP: body if test else orelse */
        struct { Node *test, *body, *orelse; } ifexp;
        /* N_DICT: keys[i] == NULL means {**values[i]} */
        struct { NodeList keys, values; } dict;
        /* N_SET, N_LIST, N_TUPLE */
        struct { NodeList elts; ExprCtx ctx; } seq;
        /* N_LISTCOMP, N_SETCOMP, N_GENERATOREXP (elt), N_DICTCOMP (elt=key, value) */
        struct { Node *elt, *value; NodeList generators; } comp;
        /* N_AWAIT, N_YIELD (value may be NULL), N_YIELDFROM */
        struct { Node *value; } unary_value;
        /* N_COMPARE: ops are CompareOp, one per comparator */
        struct { Node *left; int *ops; NodeList comparators; } compare;
        /* N_CALL: args may contain N_STARRED; keywords are N_KEYWORD */
        struct { Node *func; NodeList args, keywords; } call;
        /* N_FORMATTEDVALUE: conversion -1, 's', 'r' or 'a'; format_spec NULL or N_JOINEDSTR */
        struct { Node *value; int conversion; Node *format_spec; } formatted;
        /* N_JOINEDSTR: N_CONSTANT strings and N_FORMATTEDVALUEs */
        struct { NodeList values; } joined;
        /* N_CONSTANT: s is UTF-8 (len bytes, NUL-terminated) for CONST_STR */
        struct {
            ConstKind kind;
            int64_t i;
            double f;
            const char *s;
            size_t len;
        } constant;
        /* N_ATTRIBUTE */
        struct { Node *value; const char *attr; ExprCtx ctx; } attribute;
        /* N_SUBSCRIPT: slice is an expression or N_SLICE */
        struct { Node *value, *slice; ExprCtx ctx; } subscript;
        /* N_STARRED */
        struct { Node *value; ExprCtx ctx; } starred;
        /* N_NAME */
        struct { const char *id; ExprCtx ctx; } name;
        /* N_SLICE: any may be NULL */
        struct { Node *lower, *upper, *step; } slice;

        /* N_ARGUMENTS: defaults align with the LAST len(defaults) of posonly+args;
         * kw_defaults has one entry (maybe NULL) per kwonly arg; vararg/kwarg may be NULL */
        struct {
            NodeList posonlyargs, args, kwonlyargs, kw_defaults, defaults;
            Node *vararg, *kwarg;
        } arguments;
        /* N_ARG: annotation may be NULL (never evaluated by loopscope) */
        struct { const char *arg; Node *annotation; } arg;
        /* N_KEYWORD: arg NULL means **value */
        struct { const char *arg; Node *value; } keyword;
        /* N_ALIAS: asname may be NULL; name may be dotted ("a.b") */
        struct { const char *name, *asname; } alias;
        /* N_WITHITEM: optional_vars may be NULL */
        struct { Node *context_expr, *optional_vars; } withitem;
        /* N_EXCEPTHANDLER: type and name may be NULL */
        struct { Node *type; const char *name; NodeList body; } handler;
        /* N_COMPREHENSION */
        struct { Node *target, *iter; NodeList ifs; bool is_async; } comprehension;
    } u;
    /* clang-format on */
};

/* The result of parsing: the tree (or a diagnostic) and the arena that holds it. */
typedef struct Ast {
    Node *root;  /* N_MODULE, or NULL when diag.kind != DIAG_NONE */
    Diag diag;   /* the first error, if any (parsing stops there, like CPython) */
    void *arena; /* private to the parser */
} Ast;

/*
 * Parses `source` (UTF-8, `len` bytes, need not be NUL-terminated) into `ast`. Returns
 * true on success; on failure ast->diag holds CPython's error (or an "unsupported
 * construct" diagnostic). Identifier and string storage is in the arena. Never aborts on
 * bad input. Always call ast_free afterwards.
 */
bool ast_parse(Ast *ast, const char *source, size_t len);
void ast_free(Ast *ast);

/* Debug dump in the style of Python's ast.dump (for tests); returns a malloc'd string. */
char *ast_dump(const Node *node);

#endif

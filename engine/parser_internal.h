/*
 * parser_internal.h - what the parser's files (parser.c, parser_string.c, ast.c) share: the
 * arena that holds a tree, and the parser state that string and f-string decoding need.
 *
 * Not for: the compiler or anything outside the parser; they use ast.h and diag.h.
 */
#ifndef LS_PARSER_INTERNAL_H
#define LS_PARSER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "lexer.h"

/* A bump allocator: nodes, lists and strings of one tree, freed together. */
typedef struct ArenaChunk ArenaChunk;
typedef struct {
    ArenaChunk *head;
} Arena;

void *arena_alloc(Arena *a, size_t size); /* zeroed; aborts with file:line if out of memory */
char *arena_strndup(Arena *a, const char *s, size_t n);
void arena_release(Arena *a);

/* Appends to a list whose storage lives in the arena. */
void nodelist_push(Arena *a, NodeList *list, Node *n);

/* The parser's state (parser.c). */
typedef struct Parser {
    const char *src; /* the source being parsed (newlines normalized to '\n') */
    size_t len;
    TokenList tl;
    int pos;  /* index of the next token */
    int fill; /* one past the furthest token looked at (CPython's p->fill) */
    Arena *arena;
    Diag *diag;        /* where the first error goes */
    bool failed;       /* the parse failed: unwind */
    bool generic;      /* the recorded error is the generic "invalid syntax" kind */
    bool call_invalid; /* second pass: check CPython's invalid_ patterns */
    int spec_budget;   /* speculative parses the second pass may still make */
    Diag unsupported;  /* the first construct outside the subset (reported if no error) */
    int depth;         /* recursion depth, against stack overflow */
    int fstring_depth; /* nesting of f-strings inside f-string expressions */
    bool in_fstring;   /* parsing an f-string replacement field: errors get "f-string: " */
} Parser;

/* Records the first error (later ones are ignored). col/end_col as in Diag. */
void parser_error_at(Parser *p, DiagKind kind, int line, int col, int end_line, int end_col,
                     const char *fmt, ...);
/* Notes construct `what` (outside loopscope's subset) at a token's position; parsing goes on
 * and it is reported only if the file has no syntax error, as CPython would run it. */
void parser_unsupported(Parser *p, const Token *t, const char *what);

/* Decodes the STRING tokens toks[first..last] (adjacent literals) into an N_CONSTANT or
 * N_JOINEDSTR (parser_string.c). Returns NULL with an error recorded on failure. */
Node *parser_strings(Parser *p, int first, int last);

/* Parses the expression source [start, end) of an f-string replacement field: the bytes
 * are a slice of p->src, so positions come out as in the file (parser.c). */
Node *parser_fstring_expr(Parser *p, size_t start, size_t end, const Token *string_tok);

/* ast_dump, optionally with positions as ast.dump(include_attributes=True) prints them. */
char *ast_dump_ex(const Node *node, bool positions);

#endif

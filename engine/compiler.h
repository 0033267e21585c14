/*
 * compiler.h - turns a syntax tree (ast.h) into code objects (code.h).
 *
 * Two passes, as in CPython: a symbol table decides the scope of every name (local, global,
 * free, cell; class bodies; comprehensions as nested functions), then code generation emits
 * bytecode with an exception table, positions for tracebacks and statement-start flags.
 * Errors found here are SyntaxErrors with CPython's messages and positions, returned as a
 * Diag like the parser's.
 *
 * Not for: parsing (parser.c) or running code (vm.c).
 */
#ifndef LS_COMPILER_H
#define LS_COMPILER_H

#include "ast.h"
#include "code.h"
#include "diag.h"

/*
 * Compiles a module. `source` (len bytes) is the text `root` was parsed from: it converts
 * byte columns into the character columns of diagnostics. Returns the module's code (new
 * reference). On a SyntaxError returns NULL with *diag filled (kind DIAG_SYNTAX) and no
 * exception pending; on MemoryError returns NULL with diag->kind DIAG_NONE and vm->exc set.
 */
CodeObj *compile_module(VM *vm, const Node *root, const char *filename, const char *source,
                        size_t len, Diag *diag);

/* Writes a readable listing of `code` (and its nested code objects) for tests and debugging;
 * returns a string allocated with ls_alloc of *size bytes (free with ls_free). */
char *code_dump(VM *vm, CodeObj *code, size_t *size);

#endif

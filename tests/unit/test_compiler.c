/*
 * test_compiler.c - the compiler (engine/compiler.c): compile-time SyntaxErrors with
 * CPython's messages and positions, and the scopes, names and flags of code objects.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "compiler.h"

static LsEngine *engine;
static VM *vm;

/* The engine struct begins with its VM (engine.c), which tests may use directly. */
static void setup(void) {
    LsConfig config;
    ls_config_init(&config);
    engine = ls_engine_new(&config);
    cr_assert_not_null(engine);
    vm = (VM *)engine;
}

static void teardown(void) {
    ls_engine_delete(engine);
}

TestSuite(compiler, .init = setup, .fini = teardown);

static Diag diag;

/* Compiles src; returns the module code (caller releases) or NULL with `diag` set. */
static CodeObj *compile(const char *src) {
    Ast ast;
    memset(&ast, 0, sizeof ast);
    cr_assert(ast_parse(&ast, src, strlen(src)), "parse failed: %s", ast.diag.message);
    CodeObj *co = compile_module(vm, ast.root, "t.py", src, strlen(src), &diag);
    ast_free(&ast);
    return co;
}

static void expect_error(const char *src, const char *msg, int line, int col, int end_col) {
    CodeObj *co = compile(src);
    cr_assert_null(co, "compiled: %s", src);
    cr_expect_eq(diag.kind, DIAG_SYNTAX);
    cr_expect_str_eq(diag.message, msg);
    cr_expect_eq(diag.line, line, "%s: line %d", msg, diag.line);
    cr_expect_eq(diag.col, col, "%s: col %d", msg, diag.col);
    cr_expect_eq(diag.end_col, end_col, "%s: end_col %d", msg, diag.end_col);
}

/* The first code constant of co (a nested function, class body or comprehension). */
static CodeObj *nested(CodeObj *co, int k) {
    for (int i = 0; i < co->nconsts; i++)
        if (IS_OBJ(co->consts[i]) && AS_OBJ(co->consts[i])->type == vm->types.code && k-- == 0)
            return (CodeObj *)AS_OBJ(co->consts[i]);
    cr_assert_fail("no nested code");
    return NULL;
}

Test(compiler, return_outside_function_is_reported_at_the_statement) {
    expect_error("x = 1\nreturn 5\n", "'return' outside function", 2, 1, 9);
}

Test(compiler, loop_control_outside_loop) {
    expect_error("for x in y:\n    pass\nbreak\n", "'break' outside loop", 3, 1, 6);
    expect_error("continue\n", "'continue' not properly in loop", 1, 1, 9);
}

Test(compiler, await_and_async_statements_need_an_async_function) {
    expect_error("await x\n", "'await' outside function", 1, 1, 8);
    expect_error("def f():\n    await x\n", "'await' outside async function", 2, 5, 12);
    expect_error("def f():\n    async with x: pass\n", "'async with' outside async function", 2, 5,
                 23);
}

Test(compiler, global_and_nonlocal_rules_come_from_the_symbol_table) {
    expect_error("def f():\n    print(x)\n    global x\n",
                 "name 'x' is used prior to global declaration", 3, 5, 13);
    expect_error("nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1, 11);
    expect_error("def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5, 15);
    /* symbol table errors win over later code generation errors */
    expect_error("return 1\ndef f(x):\n    global x\n", "name 'x' is parameter and global", 3, 5,
                 13);
}

Test(compiler, yield_inside_comprehension_points_at_the_yield) {
    expect_error("[(yield 1) for x in y]\n", "'yield' inside list comprehension", 1, 3, 10);
}

Test(compiler, repeated_keyword_points_at_the_second) {
    expect_error("f(x=1, x=2)\n", "keyword argument repeated: x", 1, 8, 11);
}

Test(compiler, closure_variable_is_cell_outside_and_free_inside) {
    CodeObj *co = compile("def outer():\n    y = 1\n    def inner():\n        return y\n"
                          "    return inner\n");
    cr_assert_not_null(co);
    CodeObj *outer = nested(co, 0);
    cr_expect_eq(outer->ncells, 1);
    cr_expect_str_eq(outer->cellnames[0]->data, "y");
    CodeObj *inner = nested(outer, 0);
    cr_expect_eq(inner->nfrees, 1);
    cr_expect_str_eq(inner->qualname->data, "outer.<locals>.inner");
    obj_decref(vm, &co->hdr);
}

Test(compiler, comprehensions_and_methods_have_cpython_names) {
    CodeObj *co = compile("class A:\n    def m(self):\n        return [x for x in self]\n");
    cr_assert_not_null(co);
    CodeObj *body = nested(co, 0);
    cr_expect(body->flags & CO_CLASSBODY);
    CodeObj *m = nested(body, 0);
    cr_expect_str_eq(m->qualname->data, "A.m");
    CodeObj *comp = nested(m, 0);
    cr_expect_str_eq(comp->name->data, "<listcomp>");
    cr_expect_str_eq(comp->qualname->data, "A.m.<locals>.<listcomp>");
    cr_expect(comp->flags & CO_COMPREHENSION);
    obj_decref(vm, &co->hdr);
}

Test(compiler, super_gives_the_class_a_class_cell) {
    CodeObj *co = compile("class B:\n    def m(self):\n        return super().m()\n");
    cr_assert_not_null(co);
    CodeObj *body = nested(co, 0);
    cr_expect_eq(body->ncells, 1);
    cr_expect_str_eq(body->cellnames[0]->data, "__class__");
    cr_expect_eq(nested(body, 0)->nfrees, 1);
    obj_decref(vm, &co->hdr);
}

Test(compiler, generator_and_coroutine_flags) {
    CodeObj *co = compile("def g():\n    yield 1\nasync def c():\n    await x\n"
                          "async def ag():\n    yield 1\n");
    cr_assert_not_null(co);
    cr_expect(nested(co, 0)->flags & CO_GENERATOR);
    cr_expect(nested(co, 1)->flags & CO_COROUTINE);
    cr_expect(nested(co, 2)->flags & CO_ASYNC_GENERATOR);
    obj_decref(vm, &co->hdr);
}

Test(compiler, try_gets_an_exception_table_and_statements_are_marked) {
    CodeObj *co = compile("try:\n    x = 1\nexcept E:\n    pass\n");
    cr_assert_not_null(co);
    cr_expect_gt(co->nexc, 0);
    cr_expect_eq(co->stmt_start[0], 1);
    cr_expect_eq(co->pos[0].line, 1);
    obj_decref(vm, &co->hdr);
}

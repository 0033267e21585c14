/*
 * library_test.h - fixture and helpers shared by the library's unit tests (test_errors.c,
 * test_builtins.c, test_strmethods.c, test_modules.c): a fresh VM per test with a leak
 * check, and calls of builtins/methods whose result is shown as repr or "Type: message".
 */
#ifndef LS_LIBRARY_TEST_H
#define LS_LIBRARY_TEST_H

#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code.h"
#include "library.h"
#include "objimpl.h"

void vm_free_frames(VM *vm); /* vm.c */

static VM *vm;
static ExcInfo handled; /* the exception handled outside any generator (none) */

/* The whole built-in world as ls_engine_new makes it: some modules run Python code. */
static void setup(void) {
    vm = calloc(1, sizeof(VM));
    handled.exc = VNONE;
    vm->exc_info = &handled;
    cr_assert(objects_init(vm));
    cr_assert(interp_types_init(vm));
    cr_assert(builtins_init(vm));
    cr_assert(modules_init(vm));
}

static void teardown(void) {
    objects_free(vm);
    vm_free_frames(vm);
    cr_expect_eq(vm->bytes_allocated, 0, "leaked %zu bytes", vm->bytes_allocated);
    free(vm);
}

/* repr(v) (str contents when as_str), or "Type: message" when v is V_NULL; consumes v. */
static inline const char *show_as(Value v, bool as_str) {
    static char buf[512];
    if (IS_NULL(v)) {
        Value e = vm_exc_take(vm);
        StrObj *m = obj_str(vm, e);
        snprintf(buf, sizeof buf, "%s: %s", val_type_name(vm, e), m->data);
        obj_decref(vm, (Obj *)m);
        v_decref(vm, e);
        return buf;
    }
    StrObj *r = as_str ? obj_str(vm, v) : obj_repr(vm, v);
    snprintf(buf, sizeof buf, "%s", r->data);
    obj_decref(vm, (Obj *)r);
    v_decref(vm, v);
    return buf;
}

static inline const char *show(Value v) {
    return show_as(v, false);
}

/* A new str value. */
static inline Value S(const char *s) {
    return VOBJ(str_from_cstr(vm, s));
}

/* Calls builtin `name` with n positional arguments (consumed). */
static inline Value call_builtin(const char *name, int n, Value *args) {
    StrObj *k = str_from_cstr(vm, name);
    Value f = dict_get_str(vm->builtins, k);
    obj_decref(vm, (Obj *)k);
    cr_assert(!IS_NULL(f), "no builtin %s", name);
    Value r = vm_call(vm, f, args, n, NULL);
    for (int i = 0; i < n; i++)
        v_decref(vm, args[i]);
    return r;
}

/* Calls method `name` of self with n positional arguments (all consumed). */
static inline Value call_method(Value self, const char *name, int n, Value *args) {
    Value r = vm_call_method(vm, self, name, args, n);
    v_decref(vm, self);
    for (int i = 0; i < n; i++)
        v_decref(vm, args[i]);
    return r;
}

#define ARGS(...) ((Value[]){__VA_ARGS__})
#define B(name, ...)                                                                               \
    show(call_builtin(name, sizeof ARGS(__VA_ARGS__) / sizeof(Value), ARGS(__VA_ARGS__)))
#define M(self, name, ...)                                                                         \
    show(call_method(self, name, sizeof ARGS(__VA_ARGS__) / sizeof(Value), ARGS(__VA_ARGS__)))
#define M0(self, name) show(call_method(self, name, 0, (Value[]){VNONE}))

#endif

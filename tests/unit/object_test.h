/*
 * object_test.h - fixture and helper shared by the object-model and container suites
 * (test_num.c, test_str.c, test_list.c, test_dict.c, test_tuple.c): a fresh VM per test with
 * a leak check, and show(), which renders a result as its repr or as "Type: message" when it
 * is an error.
 */
#ifndef LS_OBJECT_TEST_H
#define LS_OBJECT_TEST_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

#include "objimpl.h"

bool builtins_init(VM *vm);

static VM *vm;

static void setup(void) {
    vm = calloc(1, sizeof(VM));
    ls_config_init(&vm->config); /* call depth limit for vm_call */
    cr_assert(objects_init(vm));
    cr_assert(builtins_init(vm));
}

static void teardown(void) {
    objects_free(vm);
    cr_expect_eq(vm->bytes_allocated, 0, "leaked %zu bytes", vm->bytes_allocated);
    free(vm);
}

/* repr(v), or "Type: message" when v is V_NULL; consumes v. */
static char *show(Value v) {
    static char buf[512];
    if (IS_NULL(v)) {
        Value e = vm_exc_take(vm);
        StrObj *s = obj_str(vm, e);
        snprintf(buf, sizeof buf, "%s: %s", val_type_name(vm, e), s->data);
        obj_decref(vm, &s->hdr);
        v_decref(vm, e);
        return buf;
    }
    StrObj *r = obj_repr(vm, v);
    snprintf(buf, sizeof buf, "%s", r ? r->data : "<repr failed>");
    obj_xdecref(vm, r ? &r->hdr : NULL);
    v_decref(vm, v);
    return buf;
}

#endif

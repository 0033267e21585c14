/*
 * test_errors.c - exceptions (engine/errors.c): raising, the pending exception, str/repr of
 * the built-in exception types, the derived attributes and ExceptionGroup.
 */
#include "library_test.h"

TestSuite(errors, .init = setup, .fini = teardown);

/* An instance of `type` with the given arguments (consumed). */
static Value make(TypeObj *type, int n, Value *args) {
    Value e = exc_new(vm, type, args, n);
    for (int i = 0; i < n; i++)
        v_decref(vm, args[i]);
    return e;
}

static const char *str_of(Value v) {
    return show_as(v, true);
}

Test(errors, vm_raise_makes_message_the_only_arg) {
    cr_assert(IS_NULL(vm_raise(vm, vm->exc_types.ValueError, "bad %s %d", "thing", 3)));
    cr_assert(vm_exc_matches(vm, vm->exc_types.ValueError));
    cr_assert(vm_exc_matches(vm, vm->exc_types.Exception));
    cr_assert(!vm_exc_matches(vm, vm->exc_types.KeyError));
    Value e = vm_exc_take(vm);
    cr_assert(IS_NULL(vm->exc));
    cr_expect_str_eq(show(obj_getattr_cstr(vm, e, "args")), "('bad thing 3',)");
    cr_expect_str_eq(show(e), "ValueError('bad thing 3')");
}

Test(errors, str_and_repr_follow_the_number_of_args) {
    TypeObj *ve = vm->exc_types.ValueError, *ke = vm->exc_types.KeyError;
    cr_expect_str_eq(str_of(make(ve, 0, NULL)), "");
    cr_expect_str_eq(show(make(ve, 0, NULL)), "ValueError()");
    cr_expect_str_eq(str_of(make(ve, 2, ARGS(S("a"), VINT(1)))), "('a', 1)");
    cr_expect_str_eq(show(make(ve, 2, ARGS(S("a"), VINT(1)))), "ValueError('a', 1)");
    cr_expect_str_eq(str_of(make(ke, 1, ARGS(S("k")))), "'k'");
    cr_expect_str_eq(show(make(ke, 1, ARGS(S("k")))), "KeyError('k')");
    cr_expect_str_eq(str_of(make(ke, 2, ARGS(S("k"), VINT(2)))), "('k', 2)");
}

Test(errors, stop_iteration_value_and_system_exit_code) {
    Value s = make(vm->exc_types.StopIteration, 2, ARGS(VINT(1), VINT(2)));
    cr_expect_str_eq(show(obj_getattr_cstr(vm, s, "value")), "1");
    v_decref(vm, s);
    s = make(vm->exc_types.StopIteration, 0, NULL);
    cr_expect_str_eq(show(obj_getattr_cstr(vm, s, "value")), "None");
    v_decref(vm, s);
    s = make(vm->exc_types.SystemExit, 2, ARGS(VINT(1), VINT(2)));
    cr_expect_str_eq(show(obj_getattr_cstr(vm, s, "code")), "(1, 2)");
    v_decref(vm, s);
}

Test(errors, chaining_attributes_check_their_types) {
    Value e = make(vm->exc_types.ValueError, 0, NULL);
    Value k = make(vm->exc_types.KeyError, 0, NULL);
    cr_expect_str_eq(show(obj_getattr_cstr(vm, e, "__cause__")), "None");
    cr_assert_eq(obj_setattr(vm, e, vm->names.__cause__, k), 0);
    cr_expect_str_eq(show(obj_getattr_cstr(vm, e, "__cause__")), "KeyError()");
    cr_expect_str_eq(show(obj_getattr_cstr(vm, e, "__suppress_context__")), "True");
    cr_assert_eq(obj_setattr(vm, e, vm->names.__context__, VINT(1)), -1);
    cr_expect_str_eq(show(VNULL),
                     "TypeError: exception context must be None or derive from BaseException");
    cr_assert_eq(obj_setattr(vm, e, vm->names.__traceback__, VINT(1)), -1);
    cr_expect_str_eq(show(VNULL), "TypeError: __traceback__ must be a traceback or None");
    v_decref(vm, k);
    v_decref(vm, e);
}

Test(errors, raise_value_accepts_classes_and_rejects_others) {
    vm_raise_value(vm, VOBJ(vm->exc_types.KeyError));
    cr_expect_str_eq(show(VNULL), "KeyError: ");
    vm_raise_value(vm, VINT(5));
    cr_expect_str_eq(show(VNULL), "TypeError: exceptions must derive from BaseException");
}

Test(errors, hierarchy_matches_cpython) {
    ExcTypes *x = &vm->exc_types;
    cr_assert(type_is_subtype(x->ZeroDivisionError, x->ArithmeticError));
    cr_assert(type_is_subtype(x->ModuleNotFoundError, x->ImportError));
    cr_assert(type_is_subtype(x->TimeoutError, x->OSError));
    cr_assert(!type_is_subtype(x->KeyboardInterrupt, x->Exception));
    cr_assert(x->ValueError->flags & TF_BASETYPE);
}

Test(errors, exception_group_validates_and_describes_itself) {
    ExcTypes *x = &vm->exc_types;
    ListObj *l = list_new(vm, 0);
    Value inner = make(x->ValueError, 1, ARGS(VINT(1)));
    list_append(vm, l, inner);
    v_decref(vm, inner);
    Value g = make(x->ExceptionGroup, 2, ARGS(S("msg"), VOBJ(l)));
    cr_expect_str_eq(show(g), "ExceptionGroup('msg', [ValueError(1)])");
    g = make(x->ExceptionGroup, 2, ARGS(S("msg"), VOBJ(list_new(vm, 0))));
    cr_expect_str_eq(show(g),
                     "ValueError: second argument (exceptions) must be a non-empty sequence");
    cr_expect_str_eq(show(make(x->ExceptionGroup, 1, ARGS(S("m")))),
                     "TypeError: BaseExceptionGroup.__new__() takes exactly 2 arguments (1 given)");
}

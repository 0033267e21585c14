/*
 * test_modules.c - the native modules (engine/modules.c): import, time on the virtual
 * clock, sys, functools.partial/wraps/reduce and collections.deque.
 */
#include "library_test.h"

TestSuite(modules, .init = setup, .fini = teardown);

/* module.name (a new reference). */
static Value attr(const char *module, const char *name) {
    Value m = vm_import(vm, module);
    cr_assert(!IS_NULL(m), "import %s failed", module);
    Value v = obj_getattr_cstr(vm, m, name);
    v_decref(vm, m);
    return v;
}

/* Calls module.name(args...) (args consumed). */
static const char *mcall(const char *module, const char *name, int n, Value *args) {
    Value f = attr(module, name);
    Value r = vm_call(vm, f, args, n, NULL);
    v_decref(vm, f);
    for (int i = 0; i < n; i++)
        v_decref(vm, args[i]);
    return show(r);
}

#define MC(module, name, ...)                                                                      \
    mcall(module, name, sizeof ARGS(__VA_ARGS__) / sizeof(Value), ARGS(__VA_ARGS__))
#define MC0(module, name) mcall(module, name, 0, (Value[]){VNONE})

Test(modules, unknown_module_is_module_not_found) {
    cr_expect_str_eq(show(vm_import(vm, "nope")), "ModuleNotFoundError: No module named 'nope'");
    Value a = vm_import(vm, "time"), b = vm_import(vm, "time");
    cr_expect(AS_OBJ(a) == AS_OBJ(b), "a module is created once");
    v_decref(vm, a);
    v_decref(vm, b);
}

Test(modules, time_runs_on_the_virtual_clock) {
    cr_expect_str_eq(MC0("time", "monotonic"), "0.0");
    cr_expect_str_eq(MC("time", "sleep", VFLOAT(1.5)), "None");
    cr_expect_str_eq(MC0("time", "perf_counter"), "1.5");
    cr_expect_str_eq(MC0("time", "time"), "1700000001.5");
    cr_expect_str_eq(MC("time", "sleep", VINT(-1)),
                     "ValueError: sleep length must be non-negative");
    cr_expect_str_eq(MC("time", "sleep", S("a")),
                     "TypeError: 'str' object cannot be interpreted as an integer");
}

Test(modules, sys_exit_version_and_recursion_limit) {
    cr_expect_str_eq(MC("sys", "exit", VINT(3)), "SystemExit: 3");
    cr_expect_str_eq(
        show(attr("sys", "version_info")),
        "sys.version_info(major=3, minor=11, micro=7, releaselevel='final', serial=0)");
    Value vi = attr("sys", "version_info");
    cr_expect_str_eq(show(obj_getattr_cstr(vm, vi, "minor")), "11");
    Value four = VOBJ(tuple_pack(vm, 1, VINT(4)));
    cr_expect_str_eq(show(obj_richcompare(vm, vi, four, CMP_LT)), "True");
    v_decref(vm, four);
    v_decref(vm, vi);
    cr_expect_str_eq(MC("sys", "setrecursionlimit", VINT(0)),
                     "ValueError: recursion limit must be greater or equal than 1");
    cr_expect_str_eq(MC("sys", "setrecursionlimit", VINT(50)), "None");
    cr_expect_str_eq(MC0("sys", "getrecursionlimit"), "50");
}

Test(modules, partial_merges_and_flattens) {
    Value p = attr("functools", "partial");
    Value max = attr("builtins", "max");
    Value inner = vm_call(vm, p, ARGS(max, VINT(5)), 2, NULL);
    v_decref(vm, max);
    Value outer = vm_call(vm, p, ARGS(inner, VINT(9)), 2, NULL);
    cr_expect_str_eq(show(obj_getattr_cstr(vm, outer, "args")), "(5, 9)");
    cr_expect_str_eq(show(vm_call(vm, outer, ARGS(VINT(7)), 1, NULL)), "9");
    cr_expect_str_eq(show(vm_call(vm, p, ARGS(VINT(1)), 1, NULL)),
                     "TypeError: the first argument must be callable");
    v_decref(vm, outer);
    v_decref(vm, inner);
    v_decref(vm, p);
}

Test(modules, reduce_folds_left) {
    Value add = attr("builtins", "max");
    cr_expect_str_eq(MC("functools", "reduce", add, VOBJ(list_new(vm, 0))),
                     "TypeError: reduce() of empty iterable with no initial value");
}

/* deque(items) with maxlen (-1: none). */
static Value deque_of(int n, int64_t maxlen) {
    Value d = vm_call(vm, VOBJ(vm->types.deque), NULL, 0, NULL);
    cr_assert(!IS_NULL(d));
    for (int i = 0; i < n; i++)
        v_decref(vm, vm_call_method(vm, d, "append", ARGS(VINT(i)), 1));
    if (maxlen >= 0) {
        Value r = vm_call_method(vm, d, "__init__",
                                 ARGS(VOBJ(list_from_iterable(vm, d)), VINT(maxlen)), 2);
        v_decref(vm, r);
    }
    return d;
}

Test(modules, deque_ends_rotation_and_repr) {
    Value d = deque_of(4, -1);
    cr_expect_str_eq(show(v_incref(d)), "deque([0, 1, 2, 3])");
    cr_expect_str_eq(M(v_incref(d), "rotate", VINT(1)), "None");
    cr_expect_str_eq(show(v_incref(d)), "deque([3, 0, 1, 2])");
    cr_expect_str_eq(M0(v_incref(d), "popleft"), "3");
    cr_expect_str_eq(M(v_incref(d), "appendleft", VINT(9)), "None");
    cr_expect_str_eq(show(v_incref(d)), "deque([9, 0, 1, 2])");
    cr_expect_str_eq(show(obj_getitem(vm, d, VINT(-1))), "2");
    cr_expect_str_eq(show(obj_getitem(vm, d, VINT(9))), "IndexError: deque index out of range");
    cr_expect_str_eq(M(v_incref(d), "remove", VINT(7)), "ValueError: 7 is not in deque");
    v_decref(vm, d);
    Value e = deque_of(0, -1);
    cr_expect_str_eq(M0(e, "pop"), "IndexError: pop from an empty deque");
}

/*
 * test_builtins.c - the built-in functions (engine/builtins.c) against CPython 3.11.7's
 * results and messages.
 */
#include "library_test.h"

TestSuite(builtins, .init = setup, .fini = teardown);

/* A list of ints. */
static Value ints(int n, const int64_t *v) {
    ListObj *l = list_new(vm, 0);
    for (int i = 0; i < n; i++)
        list_append(vm, l, VINT(v[i]));
    return VOBJ(l);
}

#define INTS(...) ints(sizeof((int64_t[]){__VA_ARGS__}) / sizeof(int64_t), (int64_t[]){__VA_ARGS__})

Test(builtins, min_max_sum_with_cpython_errors) {
    cr_expect_str_eq(B("max", INTS(3, 9, 2)), "9");
    cr_expect_str_eq(B("min", VINT(4), VINT(1), VINT(7)), "1");
    cr_expect_str_eq(B("max", VOBJ(list_new(vm, 0))), "ValueError: max() arg is an empty sequence");
    cr_expect_str_eq(show(call_builtin("max", 0, NULL)),
                     "TypeError: max expected at least 1 argument, got 0");
    cr_expect_str_eq(B("sum", INTS(1, 2, 3)), "6");
    cr_expect_str_eq(B("sum", INTS(1), S("")),
                     "TypeError: sum() can't sum strings [use ''.join(seq) instead]");
}

Test(builtins, rounding_is_half_even_and_exact) {
    cr_expect_str_eq(B("round", VFLOAT(2.5)), "2");
    cr_expect_str_eq(B("round", VFLOAT(-0.5)), "0");
    cr_expect_str_eq(B("round", VFLOAT(2.675), VINT(2)), "2.67");
    cr_expect_str_eq(B("round", VFLOAT(1350.0), VINT(-2)), "1400.0");
    cr_expect_str_eq(B("round", VINT(1250), VINT(-2)), "1200");
    cr_expect_str_eq(B("round", VINT(5), VNONE), "5");
    cr_expect_str_eq(B("round", VFLOAT(INFINITY)),
                     "OverflowError: cannot convert float infinity to integer");
    cr_expect_str_eq(B("round", S("a")), "TypeError: type str doesn't define __round__ method");
}

Test(builtins, divmod_pow_abs) {
    cr_expect_str_eq(B("divmod", VINT(-7), VINT(2)), "(-4, 1)");
    cr_expect_str_eq(B("divmod", VFLOAT(7.5), VINT(-2)), "(-4.0, -0.5)");
    cr_expect_str_eq(B("divmod", VINT(1), VINT(0)),
                     "ZeroDivisionError: integer division or modulo by zero");
    cr_expect_str_eq(B("divmod", VFLOAT(1.0), VINT(0)), "ZeroDivisionError: float divmod()");
    cr_expect_str_eq(B("divmod", S("a"), VINT(1)),
                     "TypeError: unsupported operand type(s) for divmod(): 'str' and 'int'");
    cr_expect_str_eq(B("pow", VINT(3), VINT(-1), VINT(7)), "5");
    cr_expect_str_eq(B("pow", VINT(2), VINT(10), VINT(-7)), "-5");
    cr_expect_str_eq(B("pow", VINT(2), VINT(-1), VINT(4)),
                     "ValueError: base is not invertible for the given modulus");
    cr_expect_str_eq(B("abs", VINT(-3)), "3");
    cr_expect_str_eq(B("abs", S("a")), "TypeError: bad operand type for abs(): 'str'");
}

Test(builtins, chr_ord_and_bases) {
    cr_expect_str_eq(B("chr", VINT(20013)), "'\xe4\xb8\xad'");
    cr_expect_str_eq(B("chr", VINT(-1)), "ValueError: chr() arg not in range(0x110000)");
    cr_expect_str_eq(B("ord", S("\xe4\xb8\xad")), "20013");
    cr_expect_str_eq(B("ord", S("ab")),
                     "TypeError: ord() expected a character, but string of length 2 found");
    cr_expect_str_eq(B("hex", VINT(-31)), "'-0x1f'");
    cr_expect_str_eq(B("bin", VINT(5)), "'0b101'");
    cr_expect_str_eq(B("oct", VINT(8)), "'0o10'");
    cr_expect_str_eq(B("hex", VFLOAT(1.5)),
                     "TypeError: 'float' object cannot be interpreted as an integer");
}

Test(builtins, types_attributes_and_iteration) {
    cr_expect_str_eq(B("isinstance", VBOOL(true), VOBJ(vm->types.int_)), "True");
    obj_incref((Obj *)vm->types.int_);
    cr_expect_str_eq(B("isinstance", VINT(1), VINT(1)),
                     "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
    cr_expect_str_eq(B("getattr", VINT(1), VINT(2)),
                     "TypeError: attribute name must be string, not 'int'");
    cr_expect_str_eq(B("getattr", VINT(1), S("nope"), S("dflt")), "'dflt'");
    cr_expect_str_eq(B("hasattr", VINT(1), S("nope")), "False");
    cr_expect_str_eq(B("next", VOBJ(list_new(vm, 0))),
                     "TypeError: 'list' object is not an iterator");
    cr_expect_str_eq(B("any", INTS(0, 0, 3)), "True");
    cr_expect_str_eq(B("all", INTS(1, 0)), "False");
    cr_expect_str_eq(B("sorted", INTS(3, 1, 2)), "[1, 2, 3]");
    cr_expect_str_eq(B("len", VINT(1)), "TypeError: object of type 'int' has no len()");
}

Test(builtins, format_and_callable) {
    cr_expect_str_eq(B("format", VFLOAT(3.14159), S(".2f")), "'3.14'");
    cr_expect_str_eq(B("format", VINT(1), VINT(3)),
                     "TypeError: format() argument 2 must be str, not int");
    cr_expect_str_eq(B("callable", VINT(1)), "False");
    cr_expect_str_eq(B("repr", S("a")), "\"'a'\"");
}

/* Collects what the engine writes. */
static char out_buf[256];
static void capture(void *user, LsStream stream, const char *text, size_t len) {
    (void)user;
    size_t n = strlen(out_buf);
    snprintf(out_buf + n, sizeof out_buf - n, "%d:%.*s|", (int)stream, (int)len, text);
}

Test(builtins, print_uses_sep_end_and_file) {
    vm->config.write = capture;
    out_buf[0] = 0;
    StrObj *k = str_from_cstr(vm, "print");
    Value print = dict_get_str(vm->builtins, k);
    obj_decref(vm, (Obj *)k);
    Value names[] = {S("sep"), S("end"), S("file")};
    TupleObj *kw = tuple_from(vm, names, 3);
    Value args[] = {VINT(1), S("a"), S("-"), S("!\n"), vm->sys_stderr};
    Value r = vm_call(vm, print, args, 2, kw);
    cr_expect_str_eq(show(r), "None");
    cr_expect_str_eq(out_buf, "2:1|2:-|2:a|2:!\n|");
    for (int i = 0; i < 3; i++)
        v_decref(vm, names[i]);
    for (int i = 1; i < 4; i++)
        v_decref(vm, args[i]);
    obj_decref(vm, (Obj *)kw);
}

/*
 * test_num.c - int, bool and float (engine/numobj.c): Python's arithmetic, exact mixed
 * comparisons, CPython's hashes and float repr, the int()/float() constructors, round().
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "object_test.h"

TestSuite(num, .init = setup, .fini = teardown);

static char *binop(BinOp op, Value a, Value b) {
    return show(obj_binop(vm, op, a, b));
}

/* Calls type(arg) with a str argument made from s. */
static char *construct(TypeObj *type, const char *s) {
    Value arg = VOBJ(str_from_cstr(vm, s));
    Value r = vm_call(vm, VOBJ(type), &arg, 1, NULL);
    v_decref(vm, arg);
    return show(r);
}

static char *method(Value self, const char *name, Value *args, int nargs) {
    return show(vm_call_method(vm, self, name, args, nargs));
}

Test(num, floor_division_and_modulo_take_the_divisor_sign) {
    cr_assert_str_eq(binop(BINOP_FLOORDIV, VINT(7), VINT(-2)), "-4");
    cr_assert_str_eq(binop(BINOP_MOD, VINT(-7), VINT(3)), "2");
    cr_assert_str_eq(binop(BINOP_MOD, VFLOAT(7.5), VINT(-2)), "-0.5");
    cr_assert_str_eq(binop(BINOP_FLOORDIV, VFLOAT(-7.0), VINT(2)), "-4.0");
    cr_assert_str_eq(binop(BINOP_MOD, VFLOAT(-0.0), VINT(1)), "0.0");
}

Test(num, zero_division_messages_match_cpython) {
    cr_assert_str_eq(binop(BINOP_TRUEDIV, VINT(1), VINT(0)), "ZeroDivisionError: division by zero");
    cr_assert_str_eq(binop(BINOP_FLOORDIV, VINT(1), VINT(0)),
                     "ZeroDivisionError: integer division or modulo by zero");
    cr_assert_str_eq(binop(BINOP_MOD, VINT(1), VINT(0)),
                     "ZeroDivisionError: integer modulo by zero");
    cr_assert_str_eq(binop(BINOP_TRUEDIV, VFLOAT(1), VINT(0)),
                     "ZeroDivisionError: float division by zero");
    cr_assert_str_eq(binop(BINOP_FLOORDIV, VFLOAT(1), VINT(0)),
                     "ZeroDivisionError: float floor division by zero");
    cr_assert_str_eq(binop(BINOP_MOD, VFLOAT(1), VINT(0)), "ZeroDivisionError: float modulo");
    cr_assert_str_eq(binop(BINOP_POW, VINT(0), VINT(-1)),
                     "ZeroDivisionError: 0.0 cannot be raised to a negative power");
}

Test(num, int_overflow_raises_instead_of_wrapping) {
    const char *msg = "OverflowError: integer overflow: loopscope integers are 64-bit";
    cr_assert_str_eq(binop(BINOP_POW, VINT(2), VINT(63)), msg);
    cr_assert_str_eq(binop(BINOP_ADD, VINT(INT64_MAX), VINT(1)), msg);
    cr_assert_str_eq(binop(BINOP_MUL, VINT(1ll << 40), VINT(1ll << 40)), msg);
    cr_assert_str_eq(binop(BINOP_LSHIFT, VINT(1), VINT(64)), msg);
    cr_assert_str_eq(show(obj_unop(vm, UNOP_NEG, VINT(INT64_MIN))), msg);
    cr_assert_str_eq(binop(BINOP_POW, VINT(2), VINT(62)), "4611686018427387904");
}

Test(num, negative_exponent_gives_float) {
    cr_assert_str_eq(binop(BINOP_POW, VINT(2), VINT(-1)), "0.5");
    cr_assert_str_eq(binop(BINOP_POW, VINT(10), VINT(-2)), "0.01");
    cr_assert_str_eq(binop(BINOP_TRUEDIV, VINT(7), VINT(2)), "3.5");
}

Test(num, bools_are_ints_but_bitops_stay_bool) {
    cr_assert_str_eq(binop(BINOP_ADD, VBOOL(1), VBOOL(1)), "2");
    cr_assert_str_eq(binop(BINOP_AND, VBOOL(1), VBOOL(0)), "False");
    cr_assert_str_eq(show(obj_unop(vm, UNOP_INVERT, VBOOL(1))), "-2");
}

Test(num, float_repr_is_shortest_round_trip) {
    cr_assert_str_eq(binop(BINOP_ADD, VFLOAT(0.1), VFLOAT(0.2)), "0.30000000000000004");
    cr_assert_str_eq(show(VFLOAT(1e16)), "1e+16");
    cr_assert_str_eq(show(VFLOAT(1e15)), "1000000000000000.0");
    cr_assert_str_eq(show(VFLOAT(1.5e-7)), "1.5e-07");
    cr_assert_str_eq(show(VFLOAT(0.0001)), "0.0001");
    cr_assert_str_eq(show(VFLOAT(0.00001)), "1e-05");
    cr_assert_str_eq(show(VFLOAT(-0.0)), "-0.0");
    cr_assert_str_eq(show(VFLOAT(100.0)), "100.0");
    cr_assert_str_eq(show(VFLOAT(1.0 / 0.0)), "inf");
    cr_assert_str_eq(show(VFLOAT(123456789012345678.0)), "1.2345678901234568e+17");
}

Test(num, mixed_comparisons_are_exact) {
    cr_assert_str_eq(show(obj_richcompare(vm, VINT(1), VFLOAT(1.0), CMP_EQ)), "True");
    cr_assert_str_eq(
        show(obj_richcompare(vm, VINT((1ll << 53) + 1), VFLOAT(9007199254740992.0), CMP_GT)),
        "True");
    cr_assert_str_eq(show(obj_richcompare(vm, VFLOAT(0.0 / 0.0), VFLOAT(0.0 / 0.0), CMP_NE)),
                     "True");
    cr_assert_str_eq(show(obj_richcompare(vm, VBOOL(1), VINT(1), CMP_EQ)), "True");
}

Test(num, hashes_match_cpython) {
    int64_t h;
    obj_hash(vm, VINT(-1), &h);
    cr_assert_eq(h, -2);
    obj_hash(vm, VFLOAT(1.5), &h);
    cr_assert_eq(h, 1152921504606846977ll);
    obj_hash(vm, VFLOAT(-1.5), &h);
    cr_assert_eq(h, -1152921504606846977ll);
    obj_hash(vm, VFLOAT(1e300), &h);
    cr_assert_eq(h, 1224995262755759164ll);
    obj_hash(vm, VFLOAT(2.0), &h);
    cr_assert_eq(h, 2);
    obj_hash(vm, VINT(1ll << 61), &h);
    cr_assert_eq(h, 1);
}

Test(num, int_parses_python_literals) {
    cr_assert_str_eq(construct(vm->types.int_, " 42 "), "42");
    cr_assert_str_eq(construct(vm->types.int_, "-1_000"), "-1000");
    cr_assert_str_eq(construct(vm->types.int_, "abc"),
                     "ValueError: invalid literal for int() with base 10: 'abc'");
    cr_assert_str_eq(construct(vm->types.int_, "1e3"),
                     "ValueError: invalid literal for int() with base 10: '1e3'");
    cr_assert_str_eq(construct(vm->types.int_, "1__0"),
                     "ValueError: invalid literal for int() with base 10: '1__0'");
    Value args[2] = {VOBJ(str_from_cstr(vm, "0x1f")), VINT(16)};
    cr_assert_str_eq(show(vm_call(vm, VOBJ(vm->types.int_), args, 2, NULL)), "31");
    args[1] = VINT(0);
    cr_assert_str_eq(show(vm_call(vm, VOBJ(vm->types.int_), args, 2, NULL)), "31");
    v_decref(vm, args[0]);
}

Test(num, int_of_float_truncates_and_rejects_inf_nan) {
    Value x = VFLOAT(-3.9);
    cr_assert_str_eq(show(vm_call(vm, VOBJ(vm->types.int_), &x, 1, NULL)), "-3");
    x = VFLOAT(1.0 / 0.0);
    cr_assert_str_eq(show(vm_call(vm, VOBJ(vm->types.int_), &x, 1, NULL)),
                     "OverflowError: cannot convert float infinity to integer");
}

Test(num, float_parses_and_rejects_like_cpython) {
    cr_assert_str_eq(construct(vm->types.float_, " 1e3 "), "1000.0");
    cr_assert_str_eq(construct(vm->types.float_, "-Infinity"), "-inf");
    cr_assert_str_eq(construct(vm->types.float_, "1_0.5"), "10.5");
    cr_assert_str_eq(construct(vm->types.float_, "0x1p3"),
                     "ValueError: could not convert string to float: '0x1p3'");
    cr_assert_str_eq(construct(vm->types.float_, "x"),
                     "ValueError: could not convert string to float: 'x'");
}

Test(num, round_is_half_even_and_correctly_rounded) {
    cr_assert_str_eq(method(VFLOAT(2.5), "__round__", NULL, 0), "2");
    cr_assert_str_eq(method(VFLOAT(-0.5), "__round__", NULL, 0), "0");
    Value nd = VINT(2);
    cr_assert_str_eq(method(VFLOAT(2.675), "__round__", &nd, 1), "2.67");
    nd = VINT(-2);
    cr_assert_str_eq(method(VINT(1250), "__round__", &nd, 1), "1200");
    cr_assert_str_eq(method(VINT(1350), "__round__", &nd, 1), "1400");
    cr_assert_str_eq(method(VFLOAT(1250.0), "__round__", &nd, 1), "1200.0");
}

Test(num, divmod_and_pow_with_modulus) {
    Value b = VINT(2);
    cr_assert_str_eq(method(VINT(-7), "__divmod__", &b, 1), "(-4, 1)");
    b = VINT(0);
    cr_assert_str_eq(method(VFLOAT(1.0), "__divmod__", &b, 1), "ZeroDivisionError: float divmod()");
    Value args[2] = {VINT(2), VINT(5)};
    cr_assert_str_eq(method(VINT(3), "__pow__", args, 2), "4");
}

Test(num, bit_length_ignores_sign) {
    cr_assert_str_eq(method(VINT(-5), "bit_length", NULL, 0), "3");
    cr_assert_str_eq(method(VINT(0), "bit_length", NULL, 0), "0");
}

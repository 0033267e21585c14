/*
 * test_format.c - the format-spec mini-language (engine/format.c): format(value, spec) for
 * int, bool, float, str and None against outputs and messages taken from CPython 3.11.7.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "library.h"
#include "objimpl.h"

static VM *vm;

static void setup(void) {
    vm = calloc(1, sizeof(VM));
    cr_assert(objects_init(vm));
    cr_assert(builtins_init(vm));
    cr_assert(modules_init(vm));
}

static void teardown(void) {
    objects_free(vm);
    cr_expect_eq(vm->bytes_allocated, 0, "leaked %zu bytes", vm->bytes_allocated);
    free(vm);
}

TestSuite(format, .init = setup, .fini = teardown);

/* format(v, spec) as text, or "Type: message" for an error. */
static const char *fmt(Value v, const char *spec) {
    static char buf[512];
    StrObj *s = str_from_cstr(vm, spec);
    Value r = format_value(vm, v, s);
    obj_decref(vm, (Obj *)s);
    if (IS_NULL(r)) {
        Value e = vm_exc_take(vm);
        StrObj *m = obj_str(vm, e);
        snprintf(buf, sizeof buf, "%s: %s", val_type_name(vm, e), m->data);
        obj_decref(vm, (Obj *)m);
        v_decref(vm, e);
    } else {
        snprintf(buf, sizeof buf, "%s", AS_STR(r)->data);
        v_decref(vm, r);
    }
    return buf;
}

static const char *fmt_text(const char *text, const char *spec) {
    Value s = VOBJ(str_from_cstr(vm, text));
    const char *r = fmt(s, spec);
    v_decref(vm, s);
    return r;
}

Test(format, int_alignment_fill_and_sign) {
    cr_expect_str_eq(fmt(VINT(42), ">5"), "   42");
    cr_expect_str_eq(fmt(VINT(3), "=^5"), "==3==");
    cr_expect_str_eq(fmt(VINT(3), "x<5"), "3xxxx");
    cr_expect_str_eq(fmt(VINT(-3), "05"), "-0003");
    cr_expect_str_eq(fmt(VINT(5), "<05"), "50000");
    cr_expect_str_eq(fmt(VINT(5), "+"), "+5");
    cr_expect_str_eq(fmt(VINT(5), " "), " 5");
    cr_expect_str_eq(fmt(VINT(5), "\xe4\xb8\xad>4"), "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad"
                                                     "5");
}

Test(format, int_bases_prefixes_and_grouping) {
    cr_expect_str_eq(fmt(VINT(255), "#X"), "0XFF");
    cr_expect_str_eq(fmt(VINT(255), "#o"), "0o377");
    cr_expect_str_eq(fmt(VINT(-255), "#b"), "-0b11111111");
    cr_expect_str_eq(fmt(VINT(12345678), "_x"), "bc_614e");
    cr_expect_str_eq(fmt(VINT(12345678), "#_b"), "0b1011_1100_0110_0001_0100_1110");
    cr_expect_str_eq(fmt(VINT(INT64_MAX), ","), "9,223,372,036,854,775,807");
    cr_expect_str_eq(fmt(VINT(-1234), "=+12,"), "-      1,234");
    cr_expect_str_eq(fmt(VINT(1234), "^12_"), "   1_234    ");
}

Test(format, zero_padding_is_grouped_like_cpython) {
    cr_expect_str_eq(fmt(VINT(1234), "08,"), "0,001,234");
    cr_expect_str_eq(fmt(VINT(1234), "09,"), "0,001,234");
    cr_expect_str_eq(fmt(VINT(1234), "0=10,"), "00,001,234");
    cr_expect_str_eq(fmt(VFLOAT(1234.5), "010,.1f"), "0,001,234.5");
}

Test(format, int_char_and_float_types) {
    cr_expect_str_eq(fmt(VINT(65), "c"), "A");
    cr_expect_str_eq(fmt(VINT(65), "<5c"), "A    ");
    cr_expect_str_eq(fmt(VINT(5), ".2%"), "500.00%");
    cr_expect_str_eq(fmt(VINT(5), "e"), "5.000000e+00");
    cr_expect_str_eq(fmt(VBOOL(true), ">5"), "    1");
    cr_expect_str_eq(fmt(VBOOL(true), ""), "True");
    cr_expect_str_eq(fmt(VBOOL(true), "f"), "1.000000");
}

Test(format, float_repr_and_general_forms) {
    cr_expect_str_eq(fmt(VFLOAT(1e16), "g"), "1e+16");
    cr_expect_str_eq(fmt(VFLOAT(1e16), ""), "1e+16");
    cr_expect_str_eq(fmt(VFLOAT(1e16), "#"), "1.e+16");
    cr_expect_str_eq(fmt(VFLOAT(1.0 / 3), ""), "0.3333333333333333");
    cr_expect_str_eq(fmt(VFLOAT(1.0 / 3), ".5"), "0.33333");
    cr_expect_str_eq(fmt(VFLOAT(100.0), ".3"), "1e+02");
    cr_expect_str_eq(fmt(VFLOAT(1.0), ".2"), "1.0");
    cr_expect_str_eq(fmt(VFLOAT(12.0), ".2"), "1.2e+01");
    cr_expect_str_eq(fmt(VFLOAT(1e-5), ""), "1e-05");
    cr_expect_str_eq(fmt(VFLOAT(0.0001), ""), "0.0001");
    cr_expect_str_eq(fmt(VFLOAT(123456789012345678.0), ""), "1.2345678901234568e+17");
    cr_expect_str_eq(fmt(VFLOAT(2.0), "#.3"), "2.00");
    cr_expect_str_eq(fmt(VFLOAT(1.5), "#g"), "1.50000");
}

Test(format, float_fixed_rounds_half_even_on_exact_ties) {
    cr_expect_str_eq(fmt(VFLOAT(0.5), ".0f"), "0");
    cr_expect_str_eq(fmt(VFLOAT(0.125), ".2f"), "0.12");
    cr_expect_str_eq(fmt(VFLOAT(3.14159), ".2f"), "3.14");
    cr_expect_str_eq(fmt(VFLOAT(1.5), "#.0f"), "2.");
    cr_expect_str_eq(fmt(VFLOAT(0.1), ".20f"), "0.10000000000000000555");
    cr_expect_str_eq(fmt(VFLOAT(1234567.891), ","), "1,234,567.891");
    cr_expect_str_eq(fmt(VFLOAT(12345.678), ",.2f"), "12,345.68");
    cr_expect_str_eq(fmt(VFLOAT(12345678.9), "_"), "12_345_678.9");
    cr_expect_str_eq(fmt(VFLOAT(123.0), ".0%"), "12300%");
}

Test(format, float_signs_zero_and_specials) {
    cr_expect_str_eq(fmt(VFLOAT(-0.0), ""), "-0.0");
    cr_expect_str_eq(fmt(VFLOAT(-0.0001), "z.2f"), "0.00");
    cr_expect_str_eq(fmt(VFLOAT(-1e-30), "z.3e"), "-1.000e-30");
    cr_expect_str_eq(fmt(VFLOAT(-INFINITY), "E"), "-INF");
    cr_expect_str_eq(fmt(VFLOAT(NAN), "%"), "nan%");
    cr_expect_str_eq(fmt(VFLOAT(INFINITY), "010,"), "0000000inf");
    cr_expect_str_eq(fmt(VFLOAT(1.5), "=+10"), "+      1.5");
    cr_expect_str_eq(fmt(VFLOAT(1.5), " 08.2f"), " 0001.50");
    cr_expect_str_eq(fmt(VFLOAT(1.5), "^08.2f"), "001.5000");
    cr_expect_str_eq(fmt(VFLOAT(-1.5), "*=8.2f"), "-***1.50");
}

Test(format, str_alignment_precision_and_wide_fill) {
    cr_expect_str_eq(fmt_text("x", "*^7"), "***x***");
    cr_expect_str_eq(fmt_text("ab", "05"), "ab000");
    cr_expect_str_eq(fmt_text("\xe4\xb8\xad\xe6\x96\x87", "*^6"), "**\xe4\xb8\xad\xe6\x96\x87**");
    cr_expect_str_eq(fmt_text("\xe4\xb8\xad\xe6\x96\x87"
                              "abc",
                              ".2"),
                     "\xe4\xb8\xad\xe6\x96\x87");
}

Test(format, errors_use_cpython_messages) {
    cr_expect_str_eq(fmt(VINT(1), "abc"),
                     "ValueError: Invalid format specifier 'abc' for object of type 'int'");
    cr_expect_str_eq(fmt(VINT(1), "."), "ValueError: Format specifier missing precision");
    cr_expect_str_eq(fmt(VINT(1), ",x"), "ValueError: Cannot specify ',' with 'x'.");
    cr_expect_str_eq(fmt(VINT(1), ",_"), "ValueError: Cannot specify both ',' and '_'.");
    cr_expect_str_eq(fmt(VINT(1), ",,"), "ValueError: Cannot specify ',' with ','.");
    cr_expect_str_eq(fmt(VINT(1), ".2"),
                     "ValueError: Precision not allowed in integer format specifier");
    cr_expect_str_eq(fmt(VINT(1), "+c"),
                     "ValueError: Sign not allowed with integer format specifier 'c'");
    cr_expect_str_eq(fmt(VINT(1), "s"),
                     "ValueError: Unknown format code 's' for object of type 'int'");
    cr_expect_str_eq(fmt(VBOOL(true), "s"),
                     "ValueError: Unknown format code 's' for object of type 'bool'");
    cr_expect_str_eq(fmt(VFLOAT(1.5), "d"),
                     "ValueError: Unknown format code 'd' for object of type 'float'");
    cr_expect_str_eq(fmt_text("a", "+"), "ValueError: Sign not allowed in string format specifier");
    cr_expect_str_eq(fmt_text("a", "=5"),
                     "ValueError: '=' alignment not allowed in string format specifier");
    cr_expect_str_eq(fmt(VINT(0x110000), "c"), "OverflowError: %c arg not in range(0x110000)");
    cr_expect_str_eq(fmt(VNONE, ">5"),
                     "TypeError: unsupported format string passed to NoneType.__format__");
    cr_expect_str_eq(fmt(VINT(1), "99999999999999999999"),
                     "ValueError: Too many decimal digits in format string");
}

Test(format, float_repr_is_shortest_round_trip) {
    char buf[40];
    double cases[] = {0.1, 1e16, 1e15, 1.5e-7, 123.456, 5e-324, 1.7976931348623157e308};
    const char *want[] = {"0.1",     "1e+16",  "1000000000000000.0",     "1.5e-07",
                          "123.456", "5e-324", "1.7976931348623157e+308"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fmt_float_repr(cases[i], buf, sizeof buf);
        cr_expect_str_eq(buf, want[i]);
    }
}

/*
 * test_strmethods.c - the str methods (engine/strmethods.c), str.format and the % operator,
 * against CPython 3.11.7's results and messages.
 */
#include "library_test.h"

TestSuite(strmethods, .init = setup, .fini = teardown);

static const char *mod(const char *fmt, Value args) {
    Value f = S(fmt);
    Value r = str_mod(vm, f, args);
    v_decref(vm, f);
    v_decref(vm, args);
    return show_as(r, true);
}

static Value tup(int n, Value *items) {
    TupleObj *t = tuple_from(vm, items, (size_t)n);
    for (int i = 0; i < n; i++)
        v_decref(vm, items[i]);
    return VOBJ(t);
}

Test(strmethods, split_whitespace_and_separator) {
    cr_expect_str_eq(M0(S("  a  b  "), "split"), "['a', 'b']");
    cr_expect_str_eq(M(S("  a  b  "), "rsplit", VNONE, VINT(1)), "['  a', 'b']");
    cr_expect_str_eq(M(S("a,b,,c"), "split", S(","), VINT(2)), "['a', 'b', ',c']");
    cr_expect_str_eq(M(S("a,b,,c"), "rsplit", S(","), VINT(2)), "['a,b', '', 'c']");
    cr_expect_str_eq(M(S("a"), "split", S("")), "ValueError: empty separator");
    cr_expect_str_eq(M(S("a"), "split", VINT(1)), "TypeError: must be str or None, not int");
}

Test(strmethods, splitlines_and_join) {
    cr_expect_str_eq(M0(S("a\r\nb\rc\n"), "splitlines"), "['a', 'b', 'c']");
    cr_expect_str_eq(M(S("a\r\nb\rc\n"), "splitlines", VBOOL(true)), "['a\\r\\n', 'b\\r', 'c\\n']");
    Value l = VOBJ(list_new(vm, 0));
    list_append(vm, AS_LIST(l), VINT(1));
    cr_expect_str_eq(M(S("x"), "join", l),
                     "TypeError: sequence item 0: expected str instance, int found");
    cr_expect_str_eq(M(S("x"), "join", VINT(5)), "TypeError: can only join an iterable");
}

Test(strmethods, strip_case_and_padding) {
    cr_expect_str_eq(M(S("xxhixx"), "strip", S("x")), "'hi'");
    cr_expect_str_eq(M0(S("\xe3\x80\x80 hi \n"), "strip"), "'hi'");
    cr_expect_str_eq(M0(S("they're bill's"), "title"), "\"They'Re Bill'S\"");
    cr_expect_str_eq(M0(S("hello WORLD"), "capitalize"), "'Hello world'");
    cr_expect_str_eq(M0(S("AbC"), "swapcase"), "'aBc'");
    cr_expect_str_eq(M(S("ab"), "center", VINT(5), S("*")), "'**ab*'");
    cr_expect_str_eq(M(S("abc"), "center", VINT(6), S("*")), "'*abc**'");
    cr_expect_str_eq(M(S("ab"), "ljust", VINT(5), S("\xe4\xb8\xad")),
                     "'ab\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad'");
    cr_expect_str_eq(M(S("-42"), "zfill", VINT(6)), "'-00042'");
    cr_expect_str_eq(M(S("a"), "center", VINT(5), S("ab")),
                     "TypeError: The fill character must be exactly one character long");
}

Test(strmethods, searching_uses_code_point_indices) {
    cr_expect_str_eq(M(S("\xe4\xb8\xad\xe6\x96\x87"
                         "abc"),
                       "find", S("b")),
                     "3");
    cr_expect_str_eq(M(S("abc"), "find", S(""), VINT(5)), "-1");
    cr_expect_str_eq(M(S("abc"), "find", S(""), VINT(3)), "3");
    cr_expect_str_eq(M(S("abcabc"), "count", S("")), "7");
    cr_expect_str_eq(M(S("a"), "index", S("b")), "ValueError: substring not found");
    cr_expect_str_eq(M(S("abc"), "endswith", tup(2, ARGS(S("x"), S("c"))), VINT(1), VINT(3)),
                     "True");
    cr_expect_str_eq(M(S("a"), "startswith", VINT(1)),
                     "TypeError: startswith first arg must be str or a tuple of str, not int");
}

Test(strmethods, replace_partition_predicates) {
    cr_expect_str_eq(M(S("abcabc"), "replace", S(""), S("-")), "'-a-b-c-a-b-c-'");
    cr_expect_str_eq(M(S("abcabc"), "replace", S(""), S("-"), VINT(2)), "'-a-bcabc'");
    cr_expect_str_eq(M(S("aXbXc"), "replace", S("X"), S("--"), VINT(1)), "'a--bXc'");
    cr_expect_str_eq(M(S("a=b=c"), "rpartition", S("=")), "('a=b', '=', 'c')");
    cr_expect_str_eq(M(S("abc"), "partition", S("=")), "('abc', '', '')");
    cr_expect_str_eq(M0(S("\xe4\xb8\xad"), "isalpha"), "True");
    cr_expect_str_eq(M0(S("\xe4\xba\x94"), "isnumeric"), "True");
    cr_expect_str_eq(M0(S("A1"), "isupper"), "True");
    cr_expect_str_eq(M0(S("x"), "isidentifier"), "True");
    cr_expect_str_eq(M(S("x"), "upper", VINT(1)),
                     "TypeError: str.upper() takes no arguments (1 given)");
}

Test(strmethods, format_fields_conversions_and_nesting) {
    cr_expect_str_eq(M(S("{} {}"), "format", VINT(1), S("a")), "'1 a'");
    cr_expect_str_eq(M(S("{1}{0}{1}"), "format", VINT(1), VINT(2)), "'212'");
    cr_expect_str_eq(M(S("{0!r:>5}"), "format", S("a")), "\"  'a'\"");
    cr_expect_str_eq(M(S("{:{}}"), "format", VINT(1), VINT(5)), "'    1'");
    cr_expect_str_eq(M(S("{{}}{:.2f}"), "format", VFLOAT(3.14159)), "'{}3.14'");
    cr_expect_str_eq(M(S("{0[1]}"), "format", tup(2, ARGS(VINT(7), VINT(8)))), "'8'");
    cr_expect_str_eq(M(S("{!a}"), "format", S("\xc3\xa9")), "\"'\\\\xe9'\"");
}

Test(strmethods, format_errors) {
    cr_expect_str_eq(M(S("{} {}"), "format", VINT(1)),
                     "IndexError: Replacement index 1 out of range for positional args tuple");
    cr_expect_str_eq(M(S("{0} {}"), "format", VINT(1), VINT(2)),
                     "ValueError: cannot switch from manual field specification to automatic "
                     "field numbering");
    cr_expect_str_eq(M(S("}"), "format", VINT(1)),
                     "ValueError: Single '}' encountered in format string");
    cr_expect_str_eq(M(S("{0"), "format", VINT(1)),
                     "ValueError: expected '}' before end of string");
    cr_expect_str_eq(M(S("{0!x}"), "format", VINT(1)),
                     "ValueError: Unknown conversion specifier x");
    cr_expect_str_eq(M(S("{:{:{}}}"), "format", VINT(1), VINT(2), VINT(3)),
                     "ValueError: Max string recursion exceeded");
    cr_expect_str_eq(M(S("{a}"), "format", VINT(1)), "KeyError: 'a'");
}

Test(strmethods, percent_formatting) {
    cr_expect_str_eq(mod("%5.1f|%-5d|%05d|%+d|% d",
                         tup(5, ARGS(VFLOAT(3.14159), VINT(4), VINT(-42), VINT(5), VINT(6)))),
                     "  3.1|4    |-0042|+5| 6");
    cr_expect_str_eq(mod("%x|%#x|%o|%#o|%e|%g|%%|%c",
                         tup(7, ARGS(VINT(255), VINT(255), VINT(8), VINT(8), VFLOAT(12345.678),
                                     VFLOAT(0.00001234), VINT(65)))),
                     "ff|0xff|10|0o10|1.234568e+04|1.234e-05|%|A");
    cr_expect_str_eq(mod("%s %r", tup(2, ARGS(S("a"), S("a")))), "a 'a'");
    cr_expect_str_eq(mod("%.3d|%d", tup(2, ARGS(VINT(5), VFLOAT(3.7)))), "005|3");
    cr_expect_str_eq(mod("%*d|%-*d", tup(4, ARGS(VINT(5), VINT(1), VINT(4), VINT(2)))),
                     "    1|2   ");
    cr_expect_str_eq(mod("%.2f%%", VFLOAT(12.345)), "12.35%");
    cr_expect_str_eq(mod("%05f", VFLOAT(INFINITY)), "00inf");
}

Test(strmethods, percent_errors) {
    cr_expect_str_eq(mod("%s", tup(2, ARGS(VINT(1), VINT(2)))),
                     "TypeError: not all arguments converted during string formatting");
    cr_expect_str_eq(mod("%s %s", tup(1, ARGS(VINT(1)))),
                     "TypeError: not enough arguments for format string");
    cr_expect_str_eq(mod("%d", S("3")), "TypeError: %d format: a real number is required, not str");
    cr_expect_str_eq(mod("%x", VFLOAT(3.5)),
                     "TypeError: %x format: an integer is required, not float");
    cr_expect_str_eq(mod("%z", VINT(1)),
                     "ValueError: unsupported format character 'z' (0x7a) at index 1");
    cr_expect_str_eq(mod("%", VINT(1)), "ValueError: incomplete format");
    cr_expect_str_eq(mod("%(a)s", VINT(1)), "TypeError: format requires a mapping");
    cr_expect_str_eq(mod("%c", S("ab")), "TypeError: %c requires int or char");
    cr_expect_str_eq(mod("abc", VINT(5)),
                     "TypeError: not all arguments converted during string formatting");
}

Test(strmethods, percent_with_mapping) {
    DictObj *d = dict_new(vm);
    Value one = S("x");
    dict_set_cstr(vm, d, "a", one);
    v_decref(vm, one);
    cr_expect_str_eq(mod("%(a)s %(a)r", VOBJ(d)), "x 'x'");
}

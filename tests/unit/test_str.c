/*
 * test_str.c - the str core (engine/strobj.c): repr quoting and escapes, indexing and
 * slicing by code point, interning, comparison, concatenation and repetition, StrBuf.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "object_test.h"

TestSuite(str, .init = setup, .fini = teardown);

static Value S(const char *s) {
    return VOBJ(str_from_cstr(vm, s));
}

/* s[key] for a str made from cs; consumes key. */
static char *index_str(const char *cs, Value key) {
    Value s = S(cs);
    Value r = obj_getitem(vm, s, key);
    v_decref(vm, s);
    v_decref(vm, key);
    return show(r);
}

Test(str, repr_prefers_single_quotes) {
    cr_assert_str_eq(show(S("abc")), "'abc'");
    cr_assert_str_eq(show(S("it's")), "\"it's\"");
    cr_assert_str_eq(show(S("it's \"x\"")), "'it\\'s \"x\"'");
}

Test(str, repr_escapes_controls_but_keeps_printable_unicode) {
    cr_assert_str_eq(show(S("a\nb\t\\\x01\x7f")), "'a\\nb\\t\\\\\\x01\\x7f'");
    cr_assert_str_eq(show(S("中文 é")), "'中文 é'");
    cr_assert_str_eq(show(S("\xc2\xa0\xe2\x80\x8b")), "'\\xa0\\u200b'");
}

Test(str, indexing_counts_code_points) {
    cr_assert_str_eq(index_str("中文字", VINT(-1)), "'字'");
    cr_assert_str_eq(index_str("abc", VINT(1)), "'b'");
    cr_assert_str_eq(index_str("abc", VINT(3)), "IndexError: string index out of range");
    cr_assert_str_eq(index_str("abc", S("a")),
                     "TypeError: string indices must be integers, not 'str'");
}

Test(str, slicing_with_steps) {
    cr_assert_str_eq(index_str("abcdef", slice_new(vm, VINT(1), VNONE, VNONE)), "'bcdef'");
    cr_assert_str_eq(index_str("abcdef", slice_new(vm, VNONE, VNONE, VINT(-2))), "'fdb'");
    cr_assert_str_eq(index_str("中文字x", slice_new(vm, VINT(1), VINT(3), VNONE)), "'文字'");
    cr_assert_str_eq(index_str("中文字x", slice_new(vm, VNONE, VNONE, VINT(-1))), "'x字文中'");
}

Test(str, len_counts_code_points) {
    Value s = S("héllo");
    cr_assert_eq(obj_len(vm, s), 5);
    cr_assert_eq(AS_STR(s)->len, 6);
    cr_assert_not(AS_STR(s)->ascii);
    v_decref(vm, s);
}

Test(str, interning_returns_one_object) {
    StrObj *a = str_intern(vm, "hello_world");
    StrObj *b = str_intern_obj(vm, str_from_cstr(vm, "hello_world"));
    cr_assert_eq(a, b);
    cr_assert(a->interned);
    obj_decref(vm, &a->hdr);
    obj_decref(vm, &b->hdr);
}

Test(str, comparison_is_code_point_order) {
    Value a = S("abc"), b = S("abd"), c = S("é");
    cr_assert_str_eq(show(obj_richcompare(vm, a, b, CMP_LT)), "True");
    cr_assert_str_eq(show(obj_richcompare(vm, c, a, CMP_GT)), "True");
    cr_assert_str_eq(show(obj_richcompare(vm, a, VINT(1), CMP_LT)),
                     "TypeError: '<' not supported between instances of 'str' and 'int'");
    cr_assert_eq(obj_eq(vm, a, a), 1);
    v_decref(vm, a);
    v_decref(vm, b);
    v_decref(vm, c);
}

Test(str, concat_and_repeat) {
    Value a = S("ab"), b = S("中");
    cr_assert_str_eq(show(obj_binop(vm, BINOP_ADD, a, b)), "'ab中'");
    cr_assert_str_eq(show(obj_binop(vm, BINOP_MUL, a, VINT(3))), "'ababab'");
    cr_assert_str_eq(show(obj_binop(vm, BINOP_MUL, VINT(2), b)), "'中中'");
    cr_assert_str_eq(show(obj_binop(vm, BINOP_ADD, a, VINT(1))),
                     "TypeError: can only concatenate str (not \"int\") to str");
    cr_assert_str_eq(show(obj_binop(vm, BINOP_MUL, a, a)),
                     "TypeError: can't multiply sequence by non-int of type 'str'");
    v_decref(vm, a);
    v_decref(vm, b);
}

Test(str, contains_requires_str) {
    Value s = S("hello");
    Value sub = S("ell");
    cr_assert_eq(obj_contains(vm, s, sub), 1);
    cr_assert_eq(obj_contains(vm, s, VINT(1)), -1);
    cr_assert_str_eq(show(VNULL),
                     "TypeError: 'in <string>' requires string as left operand, not int");
    v_decref(vm, s);
    v_decref(vm, sub);
}

Test(str, iteration_yields_characters) {
    Value s = S("a中b"), it = obj_iter(vm, s), x;
    char out[32] = "";
    while (obj_next(vm, it, &x) == 1) {
        strcat(out, AS_STR(x)->data);
        strcat(out, "|");
        v_decref(vm, x);
    }
    cr_assert_str_eq(out, "a|中|b|");
    v_decref(vm, it);
    v_decref(vm, s);
}

Test(str, strbuf_builds_reprs) {
    StrBuf sb;
    sb_init(&sb);
    Value s = S("x");
    cr_assert(sb_adds(vm, &sb, "["));
    cr_assert(sb_add_repr(vm, &sb, s));
    cr_assert(sb_printf(vm, &sb, ", %d]", 42));
    StrObj *r = sb_finish(vm, &sb);
    cr_assert_str_eq(r->data, "['x', 42]");
    obj_decref(vm, &r->hdr);
    v_decref(vm, s);
}

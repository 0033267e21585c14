/*
 * test_range.c - engine/rangeobj.c (range, slice objects, CPython's slice index rules) and
 * the lazy iterators of engine/iterobj.c (enumerate, zip, map, filter, reversed): reprs,
 * lengths, indexing, O(1) membership, argument errors with CPython's messages.
 */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

TestSuite(range, .init = setup, .fini = teardown);
TestSuite(iter, .init = setup, .fini = teardown);

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

/* type(args...) for a built-in type (borrowed args). */
static Value make(TypeObj *type, int n, ...) {
    Value args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        args[i] = va_arg(ap, Value);
    va_end(ap);
    return vm_call(vm, VOBJ(type), args, n, NULL);
}

/* list(it), consuming it; V_NULL passes through. */
static Value listed(Value it) {
    if (IS_NULL(it))
        return it;
    ListObj *l = list_from_iterable(vm, it);
    v_decref(vm, it);
    return l ? VOBJ(l) : VNULL;
}

static Value str(const char *s) {
    return VOBJ(str_from_cstr(vm, s));
}

Test(range, reprs_lengths_and_items) {
    Value r = make(vm->types.range, 3, VINT(10), VINT(0), VINT(-3));
    cr_expect_eq(obj_len(vm, r), 4);
    cr_expect_str_eq(show(obj_getitem(vm, r, VINT(-1))), "1");
    cr_expect_str_eq(show(obj_getitem(vm, r, VINT(4))),
                     "IndexError: range object index out of range");
    cr_expect_str_eq(show(listed(obj_iter(vm, r))), "[10, 7, 4, 1]");
    cr_expect_str_eq(show(v_incref(r)), "range(10, 0, -3)");
    cr_expect_str_eq(show(make(vm->types.range, 1, VINT(5))), "range(0, 5)");
    cr_expect_str_eq(show(make(vm->types.range, 2, VINT(5), VINT(1))), "range(5, 1)");
    v_decref(vm, r);
}

Test(range, slicing_gives_a_range) {
    Value r = make(vm->types.range, 1, VINT(10));
    Value s = slice_new(vm, VINT(2), VINT(8), VINT(2));
    cr_expect_str_eq(show(obj_getitem(vm, r, s)), "range(2, 8, 2)");
    v_decref(vm, s);
    s = slice_new(vm, VNONE, VNONE, VINT(-1));
    cr_expect_str_eq(show(obj_getitem(vm, r, s)), "range(9, -1, -1)");
    v_decref(vm, s);
    v_decref(vm, r);
}

Test(range, membership_of_ints_is_arithmetic) {
    Value r = make(vm->types.range, 3, VINT(0), VINT(INT64_MAX), VINT(3));
    cr_expect_eq(obj_contains(vm, r, VINT(3 * 1000000000000LL)), 1);
    cr_expect_eq(obj_contains(vm, r, VINT(3 * 1000000000000LL + 1)), 0);
    cr_expect_eq(obj_contains(vm, r, VINT(-3)), 0);
    v_decref(vm, r);
    r = make(vm->types.range, 1, VINT(10));
    cr_expect_eq(obj_contains(vm, r, VFLOAT(6.0)), 1); /* other types: compared item by item */
    v_decref(vm, r);
}

Test(range, argument_errors_use_cpython_messages) {
    cr_expect_str_eq(show(make(vm->types.range, 3, VINT(1), VINT(2), VINT(0))),
                     "ValueError: range() arg 3 must not be zero");
    cr_expect_str_eq(show(make(vm->types.range, 1, VFLOAT(1.5))),
                     "TypeError: 'float' object cannot be interpreted as an integer");
    cr_expect_str_eq(show(make(vm->types.range, 0)),
                     "TypeError: range expected at least 1 argument, got 0");
}

Test(range, equal_ranges_produce_equal_sequences) {
    Value a = make(vm->types.range, 1, VINT(0)), b = make(vm->types.range, 2, VINT(3), VINT(1));
    cr_expect_str_eq(show(obj_richcompare(vm, a, b, CMP_EQ)), "True");
    int64_t h;
    Value five = make(vm->types.range, 1, VINT(5));
    cr_expect_eq(obj_hash(vm, five, &h), 0);
    cr_expect_eq(h, 5795932985296280846LL); /* hash(range(5)) in CPython */
    v_decref(vm, a);
    v_decref(vm, b);
    v_decref(vm, five);
}

Test(range, slice_objects_resolve_like_cpython) {
    Value s = make(vm->types.slice, 3, VNONE, VNONE, VINT(-1));
    int64_t start, stop, step, n;
    cr_assert(slice_indices(vm, (SliceObj *)s.as.o, 10, &start, &stop, &step, &n));
    cr_expect(start == 9 && stop == -1 && step == -1 && n == 10);
    cr_expect_str_eq(show(v_incref(s)), "slice(None, None, -1)");
    v_decref(vm, s);
    Value bad = str("a");
    s = make(vm->types.slice, 1, bad);
    cr_expect(!slice_indices(vm, (SliceObj *)s.as.o, 3, &start, &stop, &step, &n));
    cr_expect_str_eq(show(VNULL), "TypeError: slice indices must be integers or None or have an "
                                  "__index__ method");
    int64_t hash;
    cr_expect_eq(obj_hash(vm, s, &hash), -1);
    cr_expect_str_eq(show(VNULL), "TypeError: unhashable type: 'slice'");
    v_decref(vm, s);
    v_decref(vm, bad);
}

/* ---------------------------------------------------------------- iterators */

Test(iter, enumerate_counts_from_start) {
    Value ab = str("ab");
    StrObj *kw = str_intern(vm, "start");
    TupleObj *kwnames = tuple_pack(vm, 1, VOBJ(kw));
    Value args[2] = {ab, VINT(5)};
    Value e = vm_call(vm, VOBJ(vm->types.enumerate), args, 1, kwnames);
    cr_expect_str_eq(show(listed(e)), "[(5, 'a'), (6, 'b')]");
    cr_expect_str_eq(show(make(vm->types.enumerate, 0)),
                     "TypeError: enumerate() missing required argument 'iterable'");
    obj_decref(vm, &kwnames->hdr);
    obj_decref(vm, &kw->hdr);
    v_decref(vm, ab);
}

Test(iter, zip_stops_at_the_shortest) {
    Value a = str("ab"), b = str("xyz");
    cr_expect_str_eq(show(listed(make(vm->types.zip, 2, a, b))), "[('a', 'x'), ('b', 'y')]");
    cr_expect_str_eq(show(listed(make(vm->types.zip, 0))), "[]");
    cr_expect_str_eq(show(make(vm->types.zip, 1, VINT(1))),
                     "TypeError: 'int' object is not iterable");
    v_decref(vm, a);
    v_decref(vm, b);
}

Test(iter, filter_with_none_keeps_truthy_items) {
    ListObj *l = list_new(vm, 0);
    Value items[] = {VINT(0), VINT(1), VNONE, VINT(2), VBOOL(false)};
    for (int i = 0; i < 5; i++)
        list_append(vm, l, items[i]);
    cr_expect_str_eq(show(listed(make(vm->types.filter, 2, VNONE, VOBJ(l)))), "[1, 2]");
    cr_expect_str_eq(show(make(vm->types.filter, 1, VNONE)),
                     "TypeError: filter expected 2 arguments, got 1");
    cr_expect_str_eq(show(make(vm->types.map, 1, VNONE)),
                     "TypeError: map() must have at least two arguments.");
    obj_decref(vm, &l->hdr);
}

Test(iter, reversed_uses_the_sequence_protocol_or_dunder) {
    Value s = str("abc"), r = make(vm->types.range, 1, VINT(4));
    cr_expect_str_eq(show(listed(make(vm->types.reversed, 1, s))), "['c', 'b', 'a']");
    cr_expect_str_eq(show(listed(make(vm->types.reversed, 1, r))), "[3, 2, 1, 0]");
    SetObj *set = set_new(vm, false);
    cr_expect_str_eq(show(make(vm->types.reversed, 1, VOBJ(set))),
                     "TypeError: 'set' object is not reversible");
    obj_decref(vm, &set->hdr);
    v_decref(vm, s);
    v_decref(vm, r);
}

Test(iter, default_repr_has_a_deterministic_address) {
    Value l = VOBJ(list_new(vm, 0));
    Value e = make(vm->types.enumerate, 1, l);
    char *text = show(e);
    cr_expect(strncmp(text, "<enumerate object at 0x", 23) == 0, "%s", text);
    v_decref(vm, l);
}

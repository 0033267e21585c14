/*
 * test_object.c - the object model (engine/object.c, abstract.c, typeobj.c, descrobj.c):
 * allocation accounting and budget, classes built with type_new_class (methods here are
 * native, so no interpreter is needed), slot wrappers, reflected operators, attribute
 * access, default reprs with deterministic addresses, argument checking, and a leak-free
 * teardown even with reference cycles.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objimpl.h"

bool builtins_init(VM *vm);

static VM *vm;

static void setup(void) {
    vm = calloc(1, sizeof(VM));
    cr_assert(objects_init(vm));
    cr_assert(builtins_init(vm));
}

static void teardown(void) {
    objects_free(vm);
    cr_expect_eq(vm->bytes_allocated, 0, "leaked %zu bytes", vm->bytes_allocated);
    free(vm);
}

TestSuite(object, .init = setup, .fini = teardown);

/* repr(v), or "Type: message" when v is V_NULL; consumes v. */
static char *show(Value v) {
    static char buf[256];
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

static Value native_repr(VM *vm, Value *args, int nargs, TupleObj *kw) {
    (void)args, (void)nargs, (void)kw;
    return VOBJ(str_from_cstr(vm, "<Foo!>"));
}

static Value native_eq(VM *vm, Value *args, int nargs, TupleObj *kw) {
    (void)vm, (void)nargs, (void)kw;
    return VBOOL(args[1].kind == V_INT);
}

static Value native_radd(VM *vm, Value *args, int nargs, TupleObj *kw) {
    (void)vm, (void)args, (void)nargs, (void)kw;
    return VOBJ(str_from_cstr(vm, "radd"));
}

static Value native_init_returns_int(VM *vm, Value *args, int nargs, TupleObj *kw) {
    (void)vm, (void)args, (void)nargs, (void)kw;
    return VINT(1);
}

static Value native_len(VM *vm, Value *args, int nargs, TupleObj *kw) {
    (void)vm, (void)args, (void)nargs, (void)kw;
    return VINT(3);
}

/* A class `name` (base NULL = object) whose dict holds the given native methods. */
static Value make_class(const char *name, TypeObj *base, const char *m1, NativeFn f1) {
    DictObj *ns = dict_new(vm);
    if (m1) {
        Value fn = builtin_new(vm, m1, f1, VNULL);
        ((BuiltinObj *)fn.as.o)->is_method = true;
        dict_set_cstr(vm, ns, m1, fn);
        v_decref(vm, fn);
    }
    StrObj *n = str_from_cstr(vm, name);
    TupleObj *bases = base ? tuple_pack(vm, 1, VOBJ(base)) : tuple_new(vm, 0);
    Value cls = type_new_class(vm, n, bases, ns);
    obj_decref(vm, &n->hdr);
    obj_decref(vm, &bases->hdr);
    obj_decref(vm, &ns->hdr);
    cr_assert(!IS_NULL(cls));
    return cls;
}

static Value instance(Value cls) {
    return vm_call(vm, cls, NULL, 0, NULL);
}

Test(object, allocation_is_counted_and_budgeted) {
    size_t before = vm->bytes_allocated;
    StrObj *s = str_from_cstr(vm, "some text that is long enough");
    cr_assert_gt(vm->bytes_allocated, before);
    obj_decref(vm, &s->hdr);
    cr_assert_eq(vm->bytes_allocated, before);
    vm->bytes_limit = vm->bytes_allocated + 16;
    cr_assert_null(str_from_cstr(vm, "this string does not fit in sixteen bytes"));
    vm->bytes_limit = 0;
    cr_assert_str_eq(show(VNULL), "MemoryError: ");
}

Test(object, default_repr_uses_stable_fake_address) {
    Value cls = make_class("Foo", NULL, NULL, NULL);
    Value a = instance(cls), b = instance(cls);
    char first[64];
    strcpy(first, show(v_incref(a)));
    cr_assert_str_eq(first, "<__main__.Foo object at 0x7f0000001000>");
    cr_assert_str_eq(show(v_incref(b)), "<__main__.Foo object at 0x7f0000001010>");
    cr_assert_str_eq(show(v_incref(a)), first);
    cr_assert_eq(obj_id(vm, a), 0x7f0000001000);
    v_decref(vm, a);
    v_decref(vm, b);
    cr_assert_str_eq(show(cls), "<class '__main__.Foo'>");
}

Test(object, dunder_repr_is_used_by_repr_and_str) {
    Value cls = make_class("Foo", NULL, "__repr__", native_repr);
    Value a = instance(cls);
    StrObj *s = obj_str(vm, a);
    cr_assert_str_eq(s->data, "<Foo!>");
    obj_decref(vm, &s->hdr);
    cr_assert_str_eq(show(a), "<Foo!>");
    v_decref(vm, cls);
}

Test(object, eq_without_hash_makes_class_unhashable) {
    Value cls = make_class("Foo", NULL, "__eq__", native_eq);
    Value a = instance(cls);
    int64_t h;
    cr_assert_eq(obj_hash(vm, a, &h), -1);
    cr_assert_str_eq(show(VNULL), "TypeError: unhashable type: 'Foo'");
    cr_assert_eq(obj_eq(vm, a, VINT(5)), 1);
    cr_assert_eq(obj_eq(vm, VINT(5), a), 1); /* reflected */
    cr_assert_str_eq(show(obj_richcompare(vm, a, VOBJ(vm->types.int_), CMP_NE)), "True");
    v_decref(vm, a);
    v_decref(vm, cls);
}

Test(object, reflected_operator_runs_when_left_declines) {
    Value cls = make_class("Foo", NULL, "__radd__", native_radd);
    Value a = instance(cls);
    cr_assert_str_eq(show(obj_binop(vm, BINOP_ADD, VINT(1), a)), "'radd'");
    cr_assert_str_eq(show(obj_binop(vm, BINOP_SUB, VINT(1), a)),
                     "TypeError: unsupported operand type(s) for -: 'int' and 'Foo'");
    cr_assert_str_eq(show(obj_inplace_binop(vm, BINOP_SUB, a, VINT(1))),
                     "TypeError: unsupported operand type(s) for -=: 'Foo' and 'int'");
    v_decref(vm, a);
    v_decref(vm, cls);
}

Test(object, comparison_error_names_both_types) {
    Value cls = make_class("Foo", NULL, NULL, NULL);
    Value a = instance(cls);
    cr_assert_str_eq(show(obj_richcompare(vm, a, a, CMP_LT)),
                     "TypeError: '<' not supported between instances of 'Foo' and 'Foo'");
    cr_assert_str_eq(show(obj_richcompare(vm, a, VINT(1), CMP_EQ)), "False");
    v_decref(vm, a);
    v_decref(vm, cls);
}

Test(object, construction_errors_match_cpython) {
    Value cls = make_class("Foo", NULL, NULL, NULL);
    Value arg = VINT(1);
    cr_assert_str_eq(show(vm_call(vm, cls, &arg, 1, NULL)), "TypeError: Foo() takes no arguments");
    v_decref(vm, cls);
    cls = make_class("Bar", NULL, "__init__", native_init_returns_int);
    cr_assert_str_eq(show(instance(cls)), "TypeError: __init__() should return None, not 'int'");
    v_decref(vm, cls);
}

Test(object, instance_attributes_live_in_the_dict) {
    Value cls = make_class("Foo", NULL, NULL, NULL);
    Value a = instance(cls);
    StrObj *x = str_intern(vm, "x");
    cr_assert_eq(obj_setattr(vm, a, x, VINT(42)), 0);
    cr_assert_str_eq(show(obj_getattr(vm, a, x)), "42");
    cr_assert_str_eq(show(obj_getattr_cstr(vm, a, "y")),
                     "AttributeError: 'Foo' object has no attribute 'y'");
    cr_assert_str_eq(show(obj_getattr_cstr(vm, cls, "y")),
                     "AttributeError: type object 'Foo' has no attribute 'y'");
    cr_assert_str_eq(show(obj_getattr(vm, a, vm->names.__dict__)), "{'x': 42}");
    cr_assert_eq(obj_setattr(vm, VINT(1), x, VINT(2)), -1);
    cr_assert_str_eq(show(VNULL), "AttributeError: 'int' object has no attribute 'x'");
    obj_decref(vm, &x->hdr);
    v_decref(vm, a);
    v_decref(vm, cls);
}

Test(object, len_slot_drives_len_and_truth) {
    Value cls = make_class("Foo", NULL, "__len__", native_len);
    Value a = instance(cls);
    cr_assert_eq(obj_len(vm, a), 3);
    cr_assert_eq(obj_truthy(vm, a), 1);
    cr_assert_eq(obj_len(vm, VINT(1)), -1);
    cr_assert_str_eq(show(VNULL), "TypeError: object of type 'int' has no len()");
    v_decref(vm, a);
    v_decref(vm, cls);
}

Test(object, subclass_inherits_dunders) {
    Value base = make_class("Base", NULL, "__repr__", native_repr);
    Value sub = make_class("Sub", (TypeObj *)base.as.o, NULL, NULL);
    cr_assert_str_eq(show(instance(sub)), "<Foo!>");
    TupleObj *t = tuple_pack(vm, 2, VOBJ(vm->types.int_), base);
    Value x = instance(sub);
    cr_assert_eq(obj_isinstance(vm, x, base), 1);
    cr_assert_eq(obj_isinstance(vm, x, VOBJ(t)), 1);
    cr_assert_eq(obj_isinstance(vm, VINT(1), VOBJ(t)), 1);
    cr_assert_eq(obj_isinstance(vm, VNONE, VOBJ(t)), 0);
    cr_assert_eq(obj_isinstance(vm, x, VINT(1)), -1);
    cr_assert_str_eq(show(VNULL),
                     "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
    obj_decref(vm, &t->hdr);
    v_decref(vm, x);
    v_decref(vm, sub);
    v_decref(vm, base);
}

Test(object, teardown_breaks_reference_cycles) {
    Value cls = make_class("Node", NULL, NULL, NULL);
    Value a = instance(cls), b = instance(cls);
    StrObj *next = str_intern(vm, "next");
    obj_setattr(vm, a, next, b);
    obj_setattr(vm, b, next, a);
    obj_decref(vm, &next->hdr);
    v_decref(vm, a);
    v_decref(vm, b);
    v_decref(vm, cls); /* the fixture's teardown checks that nothing is left */
}

Test(object, builtin_reprs) {
    Value len = builtin_new(vm, "len", native_len, VNULL);
    cr_assert_str_eq(show(len), "<built-in function len>");
    ListObj *l = list_new(vm, 0);
    Value append = obj_getattr_cstr(vm, VOBJ(l), "append");
    char expect[80];
    snprintf(expect, sizeof expect, "<built-in method append of list object at 0x%llx>",
             (unsigned long long)obj_fake_address(vm, &l->hdr));
    cr_assert_str_eq(show(append), expect);
    obj_decref(vm, &l->hdr);
}

Test(object, module_attribute_errors) {
    Value m = module_new(vm, "sys");
    cr_assert_str_eq(show(v_incref(m)), "<module 'sys' (built-in)>");
    cr_assert_str_eq(show(obj_getattr_cstr(vm, m, "nope")),
                     "AttributeError: module 'sys' has no attribute 'nope'");
    cr_assert_str_eq(show(obj_getattr_cstr(vm, m, "__name__")), "'sys'");
    v_decref(vm, m);
}

Test(object, args_bind_reports_cpython_messages) {
    static const char *const names[] = {"a", "b"};
    Value out[2], args[3] = {VINT(1), VINT(2), VINT(3)};
    cr_assert_not(args_bind(vm, "f", args, 3, NULL, names, 2, 2, 1, out));
    cr_assert_str_eq(show(VNULL), "TypeError: f() takes at most 2 arguments (3 given)");
    cr_assert_not(args_bind(vm, "f", args, 0, NULL, names, 2, 2, 1, out));
    cr_assert_str_eq(show(VNULL), "TypeError: f() missing required argument 'a' (pos 1)");
    TupleObj *kw = tuple_pack(vm, 1, VOBJ(vm->names.value));
    cr_assert_not(args_bind(vm, "f", args, 1, kw, names, 2, 2, 1, out));
    cr_assert_str_eq(show(VNULL), "TypeError: f() got an unexpected keyword argument 'value'");
    obj_decref(vm, &kw->hdr);
    cr_assert(args_bind(vm, "f", args, 1, NULL, names, 2, 2, 1, out));
    cr_assert(IS_NULL(out[1]));
    cr_assert_not(args_count(vm, "len", 2, NULL, 1, 1));
    cr_assert_str_eq(show(VNULL), "TypeError: len() takes exactly one argument (2 given)");
}

Test(object, singletons_repr) {
    cr_assert_str_eq(show(VNONE), "None");
    cr_assert_str_eq(show(v_incref(vm->not_implemented)), "NotImplemented");
    cr_assert_str_eq(show(v_incref(vm->ellipsis)), "Ellipsis");
    cr_assert_str_eq(show(vm_call(vm, VOBJ(vm->types.type), (Value[]){VNONE}, 1, NULL)),
                     "<class 'NoneType'>");
}

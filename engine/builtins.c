/*
 * builtins.c - the builtins module: the dict vm->builtins with the built-in functions of
 * LANGUAGE.md (print, len, min/max, sorted, isinstance, getattr, round, divmod, pow, chr,
 * hex, format, id ...), the built-in types (bound from vm->types), the exception classes and
 * the NotImplemented/Ellipsis singletons. builtins_init also creates the exception types and
 * the str methods, which must exist before any program runs.
 *
 * Each built-in checks its arguments with CPython 3.11's messages, then uses the generic
 * protocol of object.h (obj_len, obj_richcompare, vm_call ...) so that user classes with
 * dunder methods work.
 *
 * Not for: the types themselves (int(), list(), range() ... are their tp_new slots in the
 * object-model and container files) nor the native modules (modules.c).
 */
#include <inttypes.h>
#include <stddef.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "library.h"
#include "objimpl.h"

/* ---------------------------------------------------------------- argument helpers */

/* Argument-clinic style count check: "divmod expected 2 arguments, got 1". */
static bool clinic_count(VM *vm, const char *name, int nargs, TupleObj *kwnames, int min, int max) {
    TypeObj *te = vm->exc_types.TypeError;
    if (kwnames && kwnames->len > 0)
        vm_raise(vm, te, "%s() takes no keyword arguments", name);
    else if (min == max && (nargs != min))
        vm_raise(vm, te, "%s expected %d argument%s, got %d", name, min, min == 1 ? "" : "s",
                 nargs);
    else if (nargs < min)
        vm_raise(vm, te, "%s expected at least %d argument%s, got %d", name, min,
                 min == 1 ? "" : "s", nargs);
    else if (nargs > max)
        vm_raise(vm, te, "%s expected at most %d argument%s, got %d", name, max,
                 max == 1 ? "" : "s", nargs);
    else
        return true;
    return false;
}

/* METH_O functions: "len() takes exactly one argument (0 given)". */
static bool one_arg(VM *vm, const char *name, int nargs, TupleObj *kwnames) {
    return args_count(vm, name, nargs, kwnames, 1, 1);
}

/* An attribute-name argument of getattr & co. */
static StrObj *attr_name(VM *vm, Value v) {
    if (val_isinstance(vm, v, vm->types.str))
        return AS_STR(v);
    vm_raise(vm, vm->exc_types.TypeError, "attribute name must be string, not '%s'",
             val_type_name(vm, v));
    return NULL;
}

/* An integer argument: TypeError "'float' object cannot be interpreted as an integer". */
static bool index_arg(VM *vm, Value v, int64_t *out) {
    int r = val_index(vm, v, out);
    if (r == 0)
        vm_raise(vm, vm->exc_types.TypeError, "'%s' object cannot be interpreted as an integer",
                 val_type_name(vm, v));
    return r == 1;
}

static Value str_result(StrObj *s) {
    return s ? VOBJ(s) : VNULL;
}

/* Calls method `name` of v with no arguments when its type defines it; V_NULL with no
 * exception pending when it does not. */
static Value call_dunder(VM *vm, Value v, StrObj *name, Value *args, int nargs) {
    if (IS_NULL(type_lookup(val_type(vm, v), name)))
        return VNULL;
    Value meth;
    int self_first = obj_load_method(vm, v, name, &meth);
    if (self_first < 0)
        return VNULL;
    Value all[3] = {v, nargs > 0 ? args[0] : VNONE, nargs > 1 ? args[1] : VNONE};
    Value r = self_first ? vm_call(vm, meth, all, nargs + 1, NULL)
                         : vm_call(vm, meth, all + 1, nargs, NULL);
    v_decref(vm, meth);
    return r;
}

static Value call_dunder_cstr(VM *vm, Value v, const char *name, Value *args, int nargs) {
    StrObj *n = str_intern(vm, name);
    if (!n)
        return VNULL;
    Value r = call_dunder(vm, v, n, args, nargs);
    obj_decref(vm, (Obj *)n);
    return r;
}

/* ---------------------------------------------------------------- print */

/* print's keyword arguments. */
typedef struct {
    Value sep, end, file, flush; /* V_NULL when not given */
} PrintOpts;

static bool print_opts(VM *vm, Value *kwvals, TupleObj *kwnames, PrintOpts *o) {
    *o = (PrintOpts){VNULL, VNULL, VNULL, VNULL};
    for (size_t i = 0; kwnames && i < kwnames->len; i++) {
        StrObj *k = AS_STR(kwnames->items[i]);
        Value *slot = str_eq_cstr(k, "sep")     ? &o->sep
                      : str_eq_cstr(k, "end")   ? &o->end
                      : str_eq_cstr(k, "file")  ? &o->file
                      : str_eq_cstr(k, "flush") ? &o->flush
                                                : NULL;
        if (!slot) {
            vm_raise(vm, vm->exc_types.TypeError, "'%s' is an invalid keyword argument for print()",
                     k->data);
            return false;
        }
        *slot = kwvals[i];
    }
    const char *names[] = {"sep", "end"};
    Value *vals[] = {&o->sep, &o->end};
    for (int i = 0; i < 2; i++) {
        if (!IS_NULL(*vals[i]) && !IS_NONE(*vals[i]) &&
            !val_isinstance(vm, *vals[i], vm->types.str)) {
            vm_raise(vm, vm->exc_types.TypeError, "%s must be None or a string, not %s", names[i],
                     val_type_name(vm, *vals[i]));
            return false;
        }
    }
    return true;
}

/* Writes one piece: directly for loopscope's streams, else through file.write(s). */
static bool print_piece(VM *vm, Value file, Value s) {
    if (is_textio(vm, file)) {
        text_write(vm, file, AS_STR(s)->data, AS_STR(s)->len);
        return true;
    }
    Value r = vm_call_method(vm, file, "write", &s, 1);
    v_decref(vm, r);
    return !IS_NULL(r);
}

static bool print_cstr(VM *vm, Value file, Value given, const char *dflt) {
    if (!IS_NULL(given) && !IS_NONE(given))
        return print_piece(vm, file, given);
    StrObj *s = str_from_cstr(vm, dflt);
    bool ok = s && print_piece(vm, file, VOBJ(s));
    obj_xdecref(vm, (Obj *)s);
    return ok;
}

/* print(*objects, sep=' ', end='\n', file=None, flush=False) */
static Value bi_print(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    PrintOpts o;
    if (!print_opts(vm, args + nargs, kwnames, &o))
        return VNULL;
    Value file = IS_NULL(o.file) || IS_NONE(o.file) ? sys_stream(vm, LS_STDOUT) : o.file;
    if (IS_NULL(file) || IS_NONE(file))
        return VNONE; /* sys.stdout = None: print does nothing, as in CPython */
    for (int i = 0; i < nargs; i++) {
        if (i > 0 && !print_cstr(vm, file, o.sep, " "))
            return VNULL;
        StrObj *s = obj_str(vm, args[i]);
        bool ok = s && print_piece(vm, file, VOBJ(s));
        obj_xdecref(vm, (Obj *)s);
        if (!ok)
            return VNULL;
    }
    if (!print_cstr(vm, file, o.end, "\n"))
        return VNULL;
    int flush = IS_NULL(o.flush) ? 0 : obj_truthy(vm, o.flush);
    if (flush < 0)
        return VNULL;
    if (flush && !is_textio(vm, file)) {
        Value r = vm_call_method(vm, file, "flush", NULL, 0);
        if (IS_NULL(r))
            return VNULL;
        v_decref(vm, r);
    }
    return VNONE;
}

/* ---------------------------------------------------------------- simple functions */

static Value bi_len(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!one_arg(vm, "len", nargs, kwnames))
        return VNULL;
    int64_t n = obj_len(vm, args[0]);
    return n < 0 ? VNULL : VINT(n);
}

static Value bi_repr(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!one_arg(vm, "repr", nargs, kwnames))
        return VNULL;
    return str_result(obj_repr(vm, args[0]));
}

static Value bi_ascii(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!one_arg(vm, "ascii", nargs, kwnames))
        return VNULL;
    return str_result(str_ascii(vm, args[0]));
}

static Value bi_hash(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    int64_t h;
    if (!one_arg(vm, "hash", nargs, kwnames) || obj_hash(vm, args[0], &h) < 0)
        return VNULL;
    return VINT(h);
}

/* id(): the deterministic fake address for objects; inline values get stable numbers in a
 * range no object address uses. */
static Value bi_id(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!one_arg(vm, "id", nargs, kwnames))
        return VNULL;
    Value v = args[0];
    switch (v.kind) {
    case V_OBJ:
        return VINT((int64_t)obj_fake_address(vm, AS_OBJ(v)));
    case V_NONE:
        return VINT(0x7e0000000010);
    case V_BOOL:
        return VINT(0x7e0000000020 + 16 * v.as.i);
    case V_INT:
        return VINT(0x7d0000000000 + (v.as.i & 0xFFFFFFFFFF) * 32);
    default: {
        uint64_t bits;
        memcpy(&bits, &v.as.f, sizeof bits);
        return VINT((int64_t)(0x7c0000000000 + (bits >> 24) % 0xFFFFFFFFFF * 16));
    }
    }
}

static Value bi_callable(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!one_arg(vm, "callable", nargs, kwnames))
        return VNULL;
    return VBOOL(val_type(vm, args[0])->call != NULL);
}

static Value bi_format(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!clinic_count(vm, "format", nargs, kwnames, 1, 2))
        return VNULL;
    if (nargs == 2 && !val_isinstance(vm, args[1], vm->types.str))
        return vm_raise(vm, vm->exc_types.TypeError, "format() argument 2 must be str, not %s",
                        val_type_name(vm, args[1]));
    return format_value(vm, args[0], nargs == 2 ? AS_STR(args[1]) : NULL);
}

/* any() / all(): stops at the first item whose truth is `stop`. */
static Value any_all(VM *vm, const char *name, bool stop, Value *args, int nargs,
                     TupleObj *kwnames) {
    if (!one_arg(vm, name, nargs, kwnames))
        return VNULL;
    Value it = obj_iter(vm, args[0]), item;
    if (IS_NULL(it))
        return VNULL;
    int r, t = 0;
    while ((r = obj_next(vm, it, &item)) == 1) {
        t = obj_truthy(vm, item);
        v_decref(vm, item);
        if (t < 0 || t == stop)
            break;
    }
    v_decref(vm, it);
    if (r < 0 || t < 0)
        return VNULL;
    return VBOOL(r == 1 ? stop : !stop);
}

static Value bi_any(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return any_all(vm, "any", true, args, nargs, kwnames);
}

static Value bi_all(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return any_all(vm, "all", false, args, nargs, kwnames);
}

/* ---------------------------------------------------------------- min, max, sum, sorted */

/* min/max's keyword arguments key= and default=. */
static bool minmax_opts(VM *vm, const char *name, Value *kwvals, TupleObj *kwnames, Value *key,
                        Value *dflt) {
    *key = *dflt = VNULL;
    for (size_t i = 0; kwnames && i < kwnames->len; i++) {
        StrObj *k = AS_STR(kwnames->items[i]);
        if (str_eq_cstr(k, "key"))
            *key = IS_NONE(kwvals[i]) ? VNULL : kwvals[i];
        else if (str_eq_cstr(k, "default"))
            *dflt = kwvals[i];
        else {
            vm_raise(vm, vm->exc_types.TypeError, "'%s' is an invalid keyword argument for %s()",
                     k->data, name);
            return false;
        }
    }
    return true;
}

/* Keeps in *best (and its key in *best_key) the first item that beats the others under op.
 * Steals item. Returns false on error. */
static bool minmax_step(VM *vm, Value item, Value key, CmpOp op, Value *best, Value *best_key) {
    Value k = IS_NULL(key) ? v_incref(item) : vm_call1(vm, key, item);
    if (IS_NULL(k)) {
        v_decref(vm, item);
        return false;
    }
    int better = 1;
    if (!IS_NULL(*best)) {
        Value c = obj_richcompare(vm, k, *best_key, op);
        better = IS_NULL(c) ? -1 : obj_truthy(vm, c);
        v_decref(vm, c);
    }
    if (better > 0) {
        v_decref(vm, *best);
        v_decref(vm, *best_key);
        *best = item;
        *best_key = k;
    } else {
        v_decref(vm, item);
        v_decref(vm, k);
    }
    return better >= 0;
}

static Value minmax(VM *vm, const char *name, CmpOp op, Value *args, int nargs, TupleObj *kwnames) {
    Value key, dflt;
    if (!minmax_opts(vm, name, args + nargs, kwnames, &key, &dflt))
        return VNULL;
    if (nargs == 0)
        return vm_raise(vm, vm->exc_types.TypeError, "%s expected at least 1 argument, got 0",
                        name);
    if (nargs > 1 && !IS_NULL(dflt))
        return vm_raise(vm, vm->exc_types.TypeError,
                        "Cannot specify a default for %s() with multiple positional arguments",
                        name);
    Value best = VNULL, best_key = VNULL, item;
    bool ok = true;
    if (nargs > 1) {
        for (int i = 0; ok && i < nargs; i++)
            ok = minmax_step(vm, v_incref(args[i]), key, op, &best, &best_key);
    } else {
        Value it = obj_iter(vm, args[0]);
        int r = IS_NULL(it) ? -1 : 1;
        while (ok && r == 1 && (r = obj_next(vm, it, &item)) == 1)
            ok = minmax_step(vm, item, key, op, &best, &best_key);
        ok = ok && r == 0;
        v_decref(vm, it);
    }
    v_decref(vm, best_key);
    if (!ok) {
        v_decref(vm, best);
        return VNULL;
    }
    if (IS_NULL(best) && !IS_NULL(dflt))
        return v_incref(dflt);
    if (IS_NULL(best))
        return vm_raise(vm, vm->exc_types.ValueError, "%s() arg is an empty sequence", name);
    return best;
}

static Value bi_min(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return minmax(vm, "min", CMP_LT, args, nargs, kwnames);
}

static Value bi_max(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return minmax(vm, "max", CMP_GT, args, nargs, kwnames);
}

/* sum(iterable, /, start=0) */
static Value bi_sum(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    static const char *const names[] = {"", "start"};
    Value a[2];
    if (nargs < 1)
        return vm_raise(vm, vm->exc_types.TypeError,
                        "sum() takes at least 1 positional argument (0 given)");
    if (!args_bind(vm, "sum", args, nargs, kwnames, names, 2, 2, 1, a))
        return VNULL;
    Value total = IS_NULL(a[1]) ? VINT(0) : v_incref(a[1]);
    if (val_isinstance(vm, total, vm->types.str)) {
        v_decref(vm, total);
        return vm_raise(vm, vm->exc_types.TypeError,
                        "sum() can't sum strings [use ''.join(seq) instead]");
    }
    Value it = obj_iter(vm, a[0]), item;
    int r = IS_NULL(it) ? -1 : 1;
    while (r == 1 && (r = obj_next(vm, it, &item)) == 1) {
        Value t = obj_binop(vm, BINOP_ADD, total, item);
        v_decref(vm, item);
        v_decref(vm, total);
        total = t;
        if (IS_NULL(t))
            r = -1;
    }
    v_decref(vm, it);
    if (r < 0) {
        v_decref(vm, total);
        return VNULL;
    }
    return total;
}

/* sorted(iterable, /, *, key=None, reverse=False): a new list, sorted by list.sort. */
static Value bi_sorted(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (nargs != 1)
        return vm_raise(vm, vm->exc_types.TypeError, "sorted expected 1 argument, got %d", nargs);
    ListObj *l = list_from_iterable(vm, args[0]);
    if (!l)
        return VNULL;
    Value sort = obj_getattr_cstr(vm, VOBJ(l), "sort");
    Value r = IS_NULL(sort) ? VNULL : vm_call(vm, sort, args + 1, 0, kwnames);
    v_decref(vm, sort);
    if (IS_NULL(r)) {
        obj_decref(vm, (Obj *)l);
        return VNULL;
    }
    v_decref(vm, r);
    return VOBJ(l);
}

/* ---------------------------------------------------------------- types and attributes */

static bool is_type(VM *vm, Value v) {
    return val_isinstance(vm, v, vm->types.type);
}

/* Is `cls` a subclass of classinfo (a type or a nested tuple of types)? -1 on error. */
static int subclass_of(VM *vm, TypeObj *cls, Value info, const char *fname, const char *msg) {
    if (is_type(vm, info))
        return type_is_subtype(cls, (TypeObj *)AS_OBJ(info));
    if (!val_isinstance(vm, info, vm->types.tuple)) {
        vm_raise(vm, vm->exc_types.TypeError, "%s() arg 2 must be %s", fname, msg);
        return -1;
    }
    for (size_t i = 0; i < AS_TUPLE(info)->len; i++) {
        int r = subclass_of(vm, cls, AS_TUPLE(info)->items[i], fname, msg);
        if (r != 0)
            return r;
    }
    return 0;
}

static Value bi_isinstance(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!clinic_count(vm, "isinstance", nargs, kwnames, 2, 2))
        return VNULL;
    int r = subclass_of(vm, val_type(vm, args[0]), args[1], "isinstance",
                        "a type, a tuple of types, or a union");
    return r < 0 ? VNULL : VBOOL(r);
}

static Value bi_issubclass(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!clinic_count(vm, "issubclass", nargs, kwnames, 2, 2))
        return VNULL;
    if (!is_type(vm, args[0]))
        return vm_raise(vm, vm->exc_types.TypeError, "issubclass() arg 1 must be a class");
    int r = subclass_of(vm, (TypeObj *)AS_OBJ(args[0]), args[1], "issubclass",
                        "a class, a tuple of classes, or a union");
    return r < 0 ? VNULL : VBOOL(r);
}

static Value bi_getattr(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!clinic_count(vm, "getattr", nargs, kwnames, 2, 3))
        return VNULL;
    StrObj *name = attr_name(vm, args[1]);
    if (!name)
        return VNULL;
    Value r = obj_getattr(vm, args[0], name);
    if (IS_NULL(r) && nargs == 3 && vm_exc_matches(vm, vm->exc_types.AttributeError)) {
        vm_exc_clear(vm);
        return v_incref(args[2]);
    }
    return r;
}

static Value bi_hasattr(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!clinic_count(vm, "hasattr", nargs, kwnames, 2, 2))
        return VNULL;
    StrObj *name = attr_name(vm, args[1]);
    if (!name)
        return VNULL;
    Value r = obj_getattr(vm, args[0], name);
    if (IS_NULL(r) && vm_exc_matches(vm, vm->exc_types.AttributeError)) {
        vm_exc_clear(vm);
        return VBOOL(false);
    }
    if (IS_NULL(r))
        return VNULL;
    v_decref(vm, r);
    return VBOOL(true);
}

static Value bi_setattr(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!clinic_count(vm, "setattr", nargs, kwnames, 3, 3))
        return VNULL;
    StrObj *name = attr_name(vm, args[1]);
    if (!name || obj_setattr(vm, args[0], name, args[2]) < 0)
        return VNULL;
    return VNONE;
}

static Value bi_delattr(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!clinic_count(vm, "delattr", nargs, kwnames, 2, 2))
        return VNULL;
    StrObj *name = attr_name(vm, args[1]);
    if (!name || obj_setattr(vm, args[0], name, VNULL) < 0)
        return VNULL;
    return VNONE;
}

/* ---------------------------------------------------------------- iteration */

static Value bi_iter(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!clinic_count(vm, "iter", nargs, kwnames, 1, 1))
        return VNULL;
    return obj_iter(vm, args[0]);
}

static Value bi_next(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!clinic_count(vm, "next", nargs, kwnames, 1, 2))
        return VNULL;
    TypeObj *t = val_type(vm, args[0]);
    if (!t->next)
        return vm_raise(vm, vm->exc_types.TypeError, "'%s' object is not an iterator",
                        val_type_name(vm, args[0]));
    /* the slot, not obj_next: a generator's StopIteration(value) must reach the caller */
    Value item;
    int r = t->next(vm, args[0], &item);
    if (r > 0)
        return item;
    if (r < 0) {
        if (nargs == 2 && vm_exc_matches(vm, vm->exc_types.StopIteration)) {
            vm_exc_clear(vm);
            return v_incref(args[1]);
        }
        return VNULL;
    }
    if (nargs == 2)
        return v_incref(args[1]);
    Value exc = exc_new(vm, vm->exc_types.StopIteration, NULL, 0);
    if (!IS_NULL(exc))
        vm_raise_value(vm, exc);
    v_decref(vm, exc);
    return VNULL;
}

/* ---------------------------------------------------------------- numbers */

static bool is_num(Value v) {
    return v.kind == V_INT || v.kind == V_BOOL || v.kind == V_FLOAT;
}

static Value bi_abs(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!one_arg(vm, "abs", nargs, kwnames))
        return VNULL;
    Value v = args[0];
    if (v.kind == V_FLOAT)
        return VFLOAT(fabs(v.as.f));
    if (v.kind == V_INT || v.kind == V_BOOL) {
        if (v.as.i == INT64_MIN)
            return int_overflow(vm);
        return VINT(v.as.i < 0 ? -v.as.i : v.as.i);
    }
    Value r = call_dunder_cstr(vm, v, "__abs__", NULL, 0);
    if (IS_NULL(r) && IS_NULL(vm->exc))
        return vm_raise(vm, vm->exc_types.TypeError, "bad operand type for abs(): '%s'",
                        val_type_name(vm, v));
    return r;
}

/* round(x) for a float: half to even, as an int. */
static Value round_to_int(VM *vm, double x) {
    if (isnan(x))
        return vm_raise(vm, vm->exc_types.ValueError, "cannot convert float NaN to integer");
    if (isinf(x))
        return vm_raise(vm, vm->exc_types.OverflowError,
                        "cannot convert float infinity to integer");
    double r = nearbyint(x); /* the default rounding mode rounds half to even */
    if (r >= 9223372036854775808.0 || r < -9223372036854775808.0)
        return int_overflow(vm);
    return VINT((int64_t)r);
}

/* round(x, nd) for a float, correctly rounded like CPython's dtoa-based double_round:
 * printf rounds the exact binary value half to even. */
static Value round_float(VM *vm, double x, int64_t nd) {
    if (!isfinite(x) || x == 0 || nd > 323)
        return VFLOAT(x);
    if (nd < -308)
        return VFLOAT(0.0 * x);
    char buf[400];
    if (nd >= 0) {
        snprintf(buf, sizeof buf, "%.*f", (int)nd, x);
    } else {
        snprintf(buf, sizeof buf, "%.17e", x); /* its decimal exponent, exactly */
        int exp10 = atoi(strchr(buf, 'e') + 1);
        int64_t sig = exp10 + 1 + nd; /* significant digits kept */
        if (sig < 0)
            return VFLOAT(0.0 * x);
        if (sig == 0) {
            double unit = pow(10.0, (double)-nd);
            return VFLOAT(fabs(x) > unit / 2 ? copysign(unit, x) : 0.0 * x);
        }
        snprintf(buf, sizeof buf, "%.*e", (int)sig - 1, x);
    }
    double r = strtod(buf, NULL);
    if (isinf(r))
        return vm_raise(vm, vm->exc_types.OverflowError, "rounded value too large to represent");
    return VFLOAT(r);
}

/* round(n, nd) for an int with nd < 0: to a multiple of 10**-nd, half to even. */
static Value round_int(VM *vm, int64_t n, int64_t nd) {
    if (nd >= 0)
        return VINT(n);
    if (nd < -18)
        return VINT(0);
    int64_t p = 1;
    for (int64_t i = 0; i < -nd; i++)
        p *= 10;
    int64_t q = n / p, r = n % p;
    if (r < 0)
        q -= 1, r += p;
    if (2 * r > p || (2 * r == p && q % 2 != 0))
        q += 1;
    __int128 res = (__int128)q * p;
    if (res > INT64_MAX || res < INT64_MIN)
        return int_overflow(vm);
    return VINT((int64_t)res);
}

static Value bi_round(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    static const char *const names[] = {"number", "ndigits"};
    Value a[2];
    if (!args_bind(vm, "round", args, nargs, kwnames, names, 2, 2, 1, a))
        return VNULL;
    Value x = a[0];
    bool has_nd = !IS_NULL(a[1]) && !IS_NONE(a[1]);
    int64_t nd = 0;
    if (!is_num(x)) {
        Value r = call_dunder_cstr(vm, x, "__round__", a + 1, has_nd ? 1 : 0);
        if (IS_NULL(r) && IS_NULL(vm->exc))
            return vm_raise(vm, vm->exc_types.TypeError, "type %s doesn't define __round__ method",
                            val_type_name(vm, x));
        return r;
    }
    if (has_nd && !index_arg(vm, a[1], &nd))
        return VNULL;
    if (x.kind == V_FLOAT)
        return has_nd ? round_float(vm, x.as.f, nd) : round_to_int(vm, x.as.f);
    return round_int(vm, x.as.i, has_nd ? nd : 0);
}

/* divmod of two floats, CPython's float_divmod (signs follow the divisor). */
static Value float_divmod(VM *vm, double vx, double wx) {
    if (wx == 0)
        return vm_raise(vm, vm->exc_types.ZeroDivisionError, "float divmod()");
    double mod = fmod(vx, wx), div = (vx - mod) / wx, floordiv;
    if (mod) {
        if ((wx < 0) != (mod < 0))
            mod += wx, div -= 1.0;
    } else {
        mod = copysign(0.0, wx);
    }
    if (div) {
        floordiv = floor(div);
        if (div - floordiv > 0.5)
            floordiv += 1.0;
    } else {
        floordiv = copysign(0.0, vx / wx);
    }
    TupleObj *t = tuple_pack(vm, 2, VFLOAT(floordiv), VFLOAT(mod));
    return t ? VOBJ(t) : VNULL;
}

static Value int_divmod(VM *vm, int64_t a, int64_t b) {
    if (b == 0)
        return vm_raise(vm, vm->exc_types.ZeroDivisionError, "integer division or modulo by zero");
    if (a == INT64_MIN && b == -1)
        return int_overflow(vm);
    int64_t q = a / b, r = a % b;
    if (r != 0 && ((r < 0) != (b < 0)))
        q -= 1, r += b;
    TupleObj *t = tuple_pack(vm, 2, VINT(q), VINT(r));
    return t ? VOBJ(t) : VNULL;
}

static Value bi_divmod(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!clinic_count(vm, "divmod", nargs, kwnames, 2, 2))
        return VNULL;
    Value a = args[0], b = args[1];
    if (is_num(a) && is_num(b)) {
        if (a.kind != V_FLOAT && b.kind != V_FLOAT)
            return int_divmod(vm, a.as.i, b.as.i);
        double x = a.kind == V_FLOAT ? a.as.f : (double)a.as.i;
        double y = b.kind == V_FLOAT ? b.as.f : (double)b.as.i;
        return float_divmod(vm, x, y);
    }
    Value r = call_dunder_cstr(vm, a, "__divmod__", &b, 1);
    if (!IS_NULL(r) && (!IS_OBJ(r) || AS_OBJ(r) != AS_OBJ(vm->not_implemented)))
        return r;
    v_decref(vm, r);
    if (!IS_NULL(vm->exc))
        return VNULL;
    r = call_dunder_cstr(vm, b, "__rdivmod__", &a, 1);
    if (!IS_NULL(r) && (!IS_OBJ(r) || AS_OBJ(r) != AS_OBJ(vm->not_implemented)))
        return r;
    v_decref(vm, r);
    if (!IS_NULL(vm->exc))
        return VNULL;
    return vm_raise(vm, vm->exc_types.TypeError,
                    "unsupported operand type(s) for divmod(): '%s' and '%s'", val_type_name(vm, a),
                    val_type_name(vm, b));
}

/* (a * b) mod m for 0 <= a, b < m. */
static int64_t mulmod(int64_t a, int64_t b, int64_t m) {
    return (int64_t)((__int128)a * b % m);
}

/* The inverse of a modulo m (m > 0), or -1 when there is none. */
static int64_t inverse_mod(int64_t a, int64_t m) {
    __int128 t = 0, nt = 1, r = m, nr = a;
    while (nr != 0) {
        __int128 q = r / nr, tmp = t - q * nt;
        t = nt, nt = tmp;
        tmp = r - q * nr;
        r = nr, nr = tmp;
    }
    if (r != 1)
        return -1;
    return (int64_t)(t < 0 ? t + m : t);
}

/* pow(base, exp, mod) for ints: the result has the sign of mod, as in CPython. */
static Value pow_mod(VM *vm, int64_t base, int64_t exp, int64_t mod) {
    if (mod == 0)
        return vm_raise(vm, vm->exc_types.ValueError, "pow() 3rd argument cannot be 0");
    if (mod == INT64_MIN)
        return int_overflow(vm);
    int64_t m = mod < 0 ? -mod : mod;
    int64_t b = (int64_t)(((__int128)base % m + m) % m);
    if (exp < 0) {
        b = inverse_mod(b, m);
        if (b < 0)
            return vm_raise(vm, vm->exc_types.ValueError,
                            "base is not invertible for the given modulus");
        exp = exp == INT64_MIN ? INT64_MAX : -exp; /* INT64_MIN: odd/even parity is kept */
    }
    int64_t r = 1 % m;
    for (; exp > 0; exp >>= 1, b = mulmod(b, b, m))
        if (exp & 1)
            r = mulmod(r, b, m);
    return VINT(mod < 0 && r != 0 ? r + mod : r);
}

static Value bi_pow(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    static const char *const names[] = {"base", "exp", "mod"};
    Value a[3];
    if (!args_bind(vm, "pow", args, nargs, kwnames, names, 3, 3, 2, a))
        return VNULL;
    if (IS_NULL(a[2]) || IS_NONE(a[2]))
        return obj_binop(vm, BINOP_POW, a[0], a[1]);
    int64_t base, exp, mod;
    bool ints = a[0].kind != V_FLOAT && a[1].kind != V_FLOAT && a[2].kind != V_FLOAT;
    if (!ints || val_index(vm, a[0], &base) != 1 || val_index(vm, a[1], &exp) != 1 ||
        val_index(vm, a[2], &mod) != 1) {
        if (!IS_NULL(vm->exc))
            return VNULL;
        return vm_raise(vm, vm->exc_types.TypeError,
                        "pow() 3rd argument not allowed unless all arguments are integers");
    }
    return pow_mod(vm, base, exp, mod);
}

static Value bi_chr(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    int64_t c;
    if (!one_arg(vm, "chr", nargs, kwnames) || !index_arg(vm, args[0], &c))
        return VNULL;
    if (c < 0 || c > 0x10FFFF)
        return vm_raise(vm, vm->exc_types.ValueError, "chr() arg not in range(0x110000)");
    char buf[4];
    return str_result(str_new(vm, buf, utf8_encode((uint32_t)c, buf)));
}

static Value bi_ord(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!one_arg(vm, "ord", nargs, kwnames))
        return VNULL;
    if (!val_isinstance(vm, args[0], vm->types.str))
        return vm_raise(vm, vm->exc_types.TypeError,
                        "ord() expected string of length 1, but %s found",
                        val_type_name(vm, args[0]));
    StrObj *s = AS_STR(args[0]);
    if (s->nchars != 1)
        return vm_raise(vm, vm->exc_types.TypeError,
                        "ord() expected a character, but string of length %zu found", s->nchars);
    uint32_t c;
    utf8_decode(s->data, s->len, &c);
    return VINT(c);
}

/* hex/oct/bin: '-0x1f' for negatives. */
static Value int_to_base(VM *vm, const char *name, char type, Value *args, int nargs,
                         TupleObj *kwnames) {
    int64_t n;
    if (!one_arg(vm, name, nargs, kwnames) || !index_arg(vm, args[0], &n))
        return VNULL;
    FmtSpec spec = {.fill = " ", .width = -1, .prec = -1, .alt = true, .type = type};
    StrBuf sb;
    sb_init(&sb);
    if (!fmt_int(vm, &sb, n, &spec, "int")) {
        sb_free(vm, &sb);
        return VNULL;
    }
    return str_result(sb_finish(vm, &sb));
}

static Value bi_hex(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return int_to_base(vm, "hex", 'x', args, nargs, kwnames);
}
static Value bi_oct(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return int_to_base(vm, "oct", 'o', args, nargs, kwnames);
}
static Value bi_bin(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return int_to_base(vm, "bin", 'b', args, nargs, kwnames);
}

/* ---------------------------------------------------------------- the module */

static const struct {
    const char *name;
    NativeFn fn;
} builtin_functions[] = {
    {"print", bi_print},
    {"len", bi_len},
    {"repr", bi_repr},
    {"ascii", bi_ascii},
    {"hash", bi_hash},
    {"id", bi_id},
    {"callable", bi_callable},
    {"format", bi_format},
    {"any", bi_any},
    {"all", bi_all},
    {"min", bi_min},
    {"max", bi_max},
    {"sum", bi_sum},
    {"sorted", bi_sorted},
    {"isinstance", bi_isinstance},
    {"issubclass", bi_issubclass},
    {"getattr", bi_getattr},
    {"hasattr", bi_hasattr},
    {"setattr", bi_setattr},
    {"delattr", bi_delattr},
    {"iter", bi_iter},
    {"next", bi_next},
    {"abs", bi_abs},
    {"round", bi_round},
    {"divmod", bi_divmod},
    {"pow", bi_pow},
    {"chr", bi_chr},
    {"ord", bi_ord},
    {"hex", bi_hex},
    {"oct", bi_oct},
    {"bin", bi_bin},
};

/* Built-in names of types: Python name, offset of the TypeObj* in vm->types. */
static const struct {
    const char *name;
    size_t offset;
} builtin_types[] = {
    {"object", offsetof(Types, object)},
    {"type", offsetof(Types, type)},
    {"int", offsetof(Types, int_)},
    {"float", offsetof(Types, float_)},
    {"bool", offsetof(Types, bool_)},
    {"str", offsetof(Types, str)},
    {"list", offsetof(Types, list)},
    {"tuple", offsetof(Types, tuple)},
    {"dict", offsetof(Types, dict)},
    {"set", offsetof(Types, set)},
    {"frozenset", offsetof(Types, frozenset)},
    {"range", offsetof(Types, range)},
    {"slice", offsetof(Types, slice)},
    {"enumerate", offsetof(Types, enumerate)},
    {"zip", offsetof(Types, zip)},
    {"map", offsetof(Types, map)},
    {"filter", offsetof(Types, filter)},
    {"reversed", offsetof(Types, reversed)},
    {"property", offsetof(Types, property)},
    {"staticmethod", offsetof(Types, staticmethod)},
    {"classmethod", offsetof(Types, classmethod)},
    {"super", offsetof(Types, super)},
};

bool builtins_bind_types(VM *vm) {
    for (size_t i = 0; i < sizeof builtin_types / sizeof builtin_types[0]; i++) {
        TypeObj *t = *(TypeObj **)((char *)&vm->types + builtin_types[i].offset);
        if (t && dict_set_cstr(vm, vm->builtins, builtin_types[i].name, VOBJ(t)) < 0)
            return false;
    }
    return true;
}

static bool bind_exceptions(VM *vm) {
#define X(name, base)                                                                              \
    if (dict_set_cstr(vm, vm->builtins, #name, VOBJ(vm->exc_types.name)) < 0)                      \
        return false;
    LS_EXCEPTIONS(X)
#undef X
    /* CPython's aliases of OSError */
    return dict_set_cstr(vm, vm->builtins, "IOError", VOBJ(vm->exc_types.OSError)) == 0 &&
           dict_set_cstr(vm, vm->builtins, "EnvironmentError", VOBJ(vm->exc_types.OSError)) == 0;
}

static bool bind_functions(VM *vm) {
    for (size_t i = 0; i < sizeof builtin_functions / sizeof builtin_functions[0]; i++) {
        Value f = builtin_new(vm, builtin_functions[i].name, builtin_functions[i].fn, VNULL);
        if (IS_NULL(f))
            return false;
        int r = dict_set_cstr(vm, vm->builtins, builtin_functions[i].name, f);
        v_decref(vm, f);
        if (r < 0)
            return false;
    }
    return true;
}

bool builtins_init(VM *vm) {
    if (!errors_init(vm) || !format_init(vm) || !strmethods_init(vm))
        return false;
    if (!vm->builtins && !(vm->builtins = dict_new(vm)))
        return false;
    StrObj *name = str_from_cstr(vm, "builtins");
    bool ok = name && dict_set_cstr(vm, vm->builtins, "__name__", VOBJ(name)) == 0;
    obj_xdecref(vm, (Obj *)name);
    return ok && bind_functions(vm) && bind_exceptions(vm) && builtins_bind_types(vm) &&
           dict_set_cstr(vm, vm->builtins, "NotImplemented", vm->not_implemented) == 0 &&
           dict_set_cstr(vm, vm->builtins, "Ellipsis", vm->ellipsis) == 0;
}

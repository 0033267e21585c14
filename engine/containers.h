/*
 * containers.h - helpers shared only by the container files (listobj.c, tupleobj.c,
 * dictobj.c, setobj.c, rangeobj.c, iterobj.c): receiver checks for native methods, index
 * normalisation and the sequence comparison they all use.
 *
 * Not for: anything the rest of the engine calls (the container API is in object.h, the
 * object-model contract in objimpl.h).
 */
#ifndef LS_CONTAINERS_H
#define LS_CONTAINERS_H

#include "objimpl.h"

/* Checks that a method of `type` called through the class got a proper receiver
 * (list.append(5, 1)); raises CPython's "descriptor 'append' for 'list' objects doesn't
 * apply to a 'int' object" and returns false otherwise. Fast when called as x.append(). */
bool cont_check_self(VM *vm, TypeObj *type, const char *name, Value *args, int nargs);

/* cont_check_self, then exactly `n` arguments after self, no keywords:
 * "list.append() takes exactly one argument (0 given)" / "takes no arguments (1 given)". */
bool cont_method_args(VM *vm, TypeObj *type, const char *name, Value *args, int nargs,
                      TupleObj *kwnames, int n);

/* cont_check_self, then between min and max arguments after self, no keywords, with the
 * "get expected at least 1 argument, got 0" wording of CPython's argument-clinic helpers. */
bool cont_method_range(VM *vm, TypeObj *type, const char *name, Value *args, int nargs,
                       TupleObj *kwnames, int min, int max);

/* Converts a subscript to an int64 index. Returns 1 with *out set, 0 when `key` is not
 * integer-like (nothing raised), -1 when __index__ raised. */
static inline int cont_index(VM *vm, Value key, int64_t *out) {
    if (key.kind == V_INT) {
        *out = key.as.i;
        return 1;
    }
    return val_index(vm, key, out);
}

/* Is `v` a slice object? */
static inline bool cont_is_slice(VM *vm, Value v) {
    return is_exact(vm, v, vm->types.slice);
}

/* Clamps the start/stop arguments of index() / count() like CPython's
 * _PyEval_SliceIndexNotNone; raises TypeError for non-integers. */
bool cont_bound_arg(VM *vm, Value v, int64_t len, int64_t *out);

/* Lexicographic rich comparison of two lists or two tuples (the caller checked both are of
 * the same kind), CPython's algorithm: the first pair that is not identical-or-equal
 * decides, else the lengths. Items are re-read each step since a list may change. */
Value cont_seq_compare_obj(VM *vm, Value a, Value b, CmpOp op);

/* Is `other` an instance of a user class that defines the reflected method `name`
 * ("__radd__")? Then a sequence operator returns NotImplemented to let it answer;
 * otherwise it raises CPython's sequence message itself. */
bool cont_has_reflected(VM *vm, Value other, const char *name);

/* `seq * other` where other is not an int: NotImplemented when `other` is on the right and
 * has __rmul__, else TypeError "can't multiply sequence by non-int of type 'float'". */
Value cont_repeat_error(VM *vm, Value other, bool other_right);

/* The repr of `n` items between `open` and `close` ("[1, 2]"), items repr'd with
 * sb_add_repr. A trailing comma is added for a 1-tuple when `one_comma` is set. */
StrObj *cont_items_repr(VM *vm, const Value *items, size_t n, const char *open, const char *close,
                        bool one_comma);

/* Raises KeyError(key) with the key itself as the only argument (a tuple key is not
 * unpacked), as CPython's _PyErr_SetKeyError. */
void cont_key_error(VM *vm, Value key);

/* Raises MemoryError() (no arguments, as CPython) for a failed buffer allocation; returns
 * V_NULL. The memory budget is lifted while the exception itself is made. */
Value cont_no_memory(VM *vm);

/* The hash slot of mutable containers: TypeError "unhashable type: 'list'". */
int cont_unhashable(VM *vm, Value self, int64_t *out);

/* A tuple of n items (V_NONE, to be filled by stealing) for an iterator's next result,
 * reusing *cache when the previous result was dropped (its only reference is the cache),
 * as CPython's dict items, enumerate and zip iterators do. *cache holds one reference. */
TupleObj *cont_result_tuple(VM *vm, TupleObj **cache, size_t n);

/* Adds the dunder methods that mirror the slots `t` fills (__len__, __getitem__,
 * __setitem__, __delitem__, __contains__, __iter__, __next__, __repr__) unless t's dict
 * already has them, so that x.__len__() and super().__getitem__(k) work. Call at the end
 * of a *_types_init, after the slots are set. */
bool cont_add_slot_methods(VM *vm, TypeObj *t);

/* Adds a static __new__(cls, ...) that builds through the tp_new slot of cls's built-in
 * base, for subclasses that override __new__ and call super().__new__(cls, ...). */
bool cont_add_new(VM *vm, TypeObj *t);

/* Returns the new reference to `v` in a value that an "iter" slot can return for self. */
Value cont_self_iter(VM *vm, Value self);

/* Is `v` a set or frozenset (or a subclass)? */
static inline bool cont_is_anyset(VM *vm, Value v) {
    return v.kind == V_OBJ && (type_is_subtype(v.as.o->type, vm->types.set) ||
                               type_is_subtype(v.as.o->type, vm->types.frozenset));
}

#endif

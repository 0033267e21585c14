/*
 * objimpl.h - the internal contract between the object-model files (object.c, abstract.c,
 * typeobj.c, numobj.c, strobj.c) and the container files (tupleobj.c, listobj.c, dictobj.c,
 * setobj.c, rangeobj.c, iterobj.c). Other engine parts use object.h and vm.h only.
 *
 * Bootstrap: the built-in types refer to each other (a type has a dict of str -> builtin,
 * an MRO tuple ...), so objects_init (object.c) does not let each file create its own types.
 * Instead it runs in three phases:
 *   1. it allocates a blank TypeObj for EVERY built-in type of the object model and of the
 *      containers (list below), each with hdr.type = vm->types.type, base = vm->types.object
 *      (NULL for object itself), name/qualname ("list") and module ("builtins") set and an
 *      empty dict. It creates vm->interned and vm->names. dict_new, tuple_new and str_new
 *      therefore work in phase 2 even though no slot of any type is filled yet: they must
 *      only use the vm->types.X POINTER, not its slots.
 *   2. it calls the *_types_init functions below. Each FILLS IN its pre-made types (never
 *      calls type_new_builtin for them): instance_size, flags (TF_BASETYPE for list, dict,
 *      tuple, set, frozenset ...), base when it is not object (none of the containers'),
 *      slots (dealloc, traverse, clear, repr, hash, richcompare, getitem, iter, next, tp_new,
 *      ...) and methods with type_add_method / type_add_static. No Python code runs yet.
 *   3. it calls type_ready on every type (inherits unset slots from the base, builds MROs).
 *
 * Who fills which type (phase 2):
 *   numobj.c   num_types_init:   int_, bool_, float_
 *   strobj.c   str_types_init:   str, str_iter
 *   typeobj.c  core_types_init:  object, type, none, builtin, method, module, property,
 *                                staticmethod, classmethod, super, not_implemented_type,
 *                                ellipsis_type, seq_iter
 *   tupleobj.c tuple_types_init: tuple, tuple_iter
 *   listobj.c  list_types_init:  list, list_iter
 *   dictobj.c  dict_types_init:  dict, dict_iter, dict_keys, dict_values, dict_items
 *                                (dict_iter serves keys/values/items iteration; it may keep
 *                                a kind field in its own struct)
 *   setobj.c   set_types_init:   set, frozenset, set_iter
 *   rangeobj.c range_types_init: range, range_iter, slice
 *   iterobj.c  iter_types_init:  enumerate, zip, map, filter, reversed
 * Types of the VM (function, code, generator ...) and of the library (deque, partial,
 * textio, exceptions) are created later with type_new_builtin, as object.h describes.
 *
 * Teardown: objects_free (object.c) clears every built-in type's dict and MRO before
 * freeing the types, so a dealloc slot may rely on vm->types.X existing until the end.
 */
#ifndef LS_OBJIMPL_H
#define LS_OBJIMPL_H

#include "vm.h"

/* ---------------------------------------------------------------- per-file type init */

bool num_types_init(VM *vm);   /* numobj.c */
bool str_types_init(VM *vm);   /* strobj.c */
bool core_types_init(VM *vm);  /* typeobj.c */
bool tuple_types_init(VM *vm); /* tupleobj.c */
bool list_types_init(VM *vm);  /* listobj.c */
bool dict_types_init(VM *vm);  /* dictobj.c */
bool set_types_init(VM *vm);   /* setobj.c */
bool range_types_init(VM *vm); /* rangeobj.c (range, range_iter and slice) */
bool iter_types_init(VM *vm);  /* iterobj.c */

void seq_iter_type_init(VM *vm); /* abstract.c: the __getitem__ iterator */
bool descr_types_init(VM *vm);   /* descrobj.c: builtin, method, module, property,
                                    staticmethod, classmethod, super */

/* A type flag private to the object model: type_ready has run on this type. */
enum { TF_READY = 1 << 16 };

/* ---------------------------------------------------------------- type tests */

/* Exact-type checks for hot paths (a subclass instance of list is not IS_LIST). */
static inline bool is_exact(VM *vm, Value v, TypeObj *t) {
    (void)vm;
    return v.kind == V_OBJ && v.as.o->type == t;
}
#define IS_STR(vm, v) is_exact((vm), (v), (vm)->types.str)
#define IS_TUPLE(vm, v) is_exact((vm), (v), (vm)->types.tuple)
#define IS_LIST(vm, v) is_exact((vm), (v), (vm)->types.list)
#define IS_DICT(vm, v) is_exact((vm), (v), (vm)->types.dict)
#define AS_STR(v) ((StrObj *)(v).as.o)
#define AS_TUPLE(v) ((TupleObj *)(v).as.o)
#define AS_LIST(v) ((ListObj *)(v).as.o)
#define AS_DICT(v) ((DictObj *)(v).as.o)

/* Python's `a is b` for Values (inline values compare by kind and bits). */
static inline bool val_is(Value a, Value b) {
    return a.kind == b.kind && (a.kind == V_NONE || a.kind == V_NULL || a.as.i == b.as.i);
}

static inline bool is_not_implemented(VM *vm, Value v) {
    return v.kind == V_OBJ && v.as.o == vm->not_implemented.as.o;
}

/* ---------------------------------------------------------------- slices (rangeobj.c) */

typedef struct SliceObj {
    Obj hdr;
    Value start, stop, step; /* V_NONE when omitted */
} SliceObj;

/* The slice object for obj[start:stop:step] (arguments borrowed). */
Value slice_new(VM *vm, Value start, Value stop, Value step);

/* Resolves a slice against a sequence of length `len` exactly as CPython's
 * PySlice_GetIndicesEx: *start, *stop, *step and *count (number of items selected).
 * Raises TypeError("slice indices must be integers or None or have an __index__ method")
 * or ValueError("slice step cannot be zero") and returns false. */
bool slice_indices(VM *vm, SliceObj *s, int64_t len, int64_t *start, int64_t *stop, int64_t *step,
                   int64_t *count);

/* ---------------------------------------------------------------- numbers (numobj.c) */

/* Converts an int, bool or object with __index__ to int64. Returns 1 with *out set, 0 when v
 * is not integer-like (no exception: the caller raises its own "list indices must be
 * integers or slices, not str"), -1 when __index__ raised. */
int val_index(VM *vm, Value v, int64_t *out);

/* Arithmetic and comparison of int/bool/float pairs (the number types' binop/richcompare
 * slots; abstract.c calls them directly on its fast paths). NotImplemented otherwise. */
Value num_binop(VM *vm, BinOp op, Value a, Value b);
Value num_richcompare(VM *vm, Value a, Value b, CmpOp op);

/* repr(d) exactly as CPython: shortest round-trip digits ('0.1', '1e+16', '-0.0', 'inf').
 * buf must hold 32 bytes; returns the length. */
int float_repr_buf(double d, char *buf);

/* The OverflowError raised instead of wrapping past 64 bits. */
Value int_overflow(VM *vm);

/* CPython's hash of an int and of a float (hash(-1) == -2; hash(2.0) == hash(2)). */
int64_t hash_int(int64_t i);
int64_t hash_double(double d);

/* ---------------------------------------------------------------- types (typeobj.c) */

/* staticmethod and classmethod objects: a wrapped callable. */
typedef struct {
    Obj hdr;
    Value func;
} FuncWrapperObj;

/* Is this type-dict entry a plain method (Python function or unbound native method), which
 * binds to the instance on lookup? */
bool is_method_descr(VM *vm, Value d);

/* Calls `f`, found on the type of `self`, as a method of self: functions get self prepended,
 * other descriptors are bound with their descr_get first. */
Value call_method_found(VM *vm, Value f, Value self, Value *args, int nargs, TupleObj *kwnames);

/* Calls callable(self, args...) with self prepended to a vectorcall argument array. */
Value call_prepend(VM *vm, Value callable, Value self, Value *args, int nargs, TupleObj *kwnames);

/* object's attribute slots: descriptors, then the instance dict (TF_HAS_DICT). */
Value generic_getattr(VM *vm, Value o, StrObj *name);
int generic_setattr(VM *vm, Value o, StrObj *name, Value v);

/* ---------------------------------------------------------------- misc (object.c) */

/* Bookkeeping of the object model, hung off vm->memo (object.c owns it). */
typedef struct {
    Obj *obj; /* NULL = empty slot */
    uint64_t addr;
} FakeSlot;

struct ObjMemo {
    FakeSlot *fake;   /* obj -> fake address: open addressing, backward-shift deletion */
    size_t fake_cap;  /* power of two, or 0 */
    size_t fake_len;  /* live entries */
    Obj **repr_stack; /* objects whose repr is in progress (obj_repr_enter) */
    size_t repr_len, repr_cap;
    TypeObj **types; /* built-in types, freed last by objects_free */
    size_t ntypes, cap_types;
    StrObj *chars[128]; /* one-character ASCII strings, made on first use (strobj.c) */
    StrObj *empty;      /* "" */
    Value object_init;  /* object.__init__, to recognise classes that do not override it */
    StrObj *op_names[BINOP_COUNT][3]; /* "__add__", "__radd__", "__iadd__" ... */
    StrObj *name_delete;              /* "__delete__" */
    StrObj *name_set_name;            /* "__set_name__" */
    int dealloc_depth;                /* nesting of obj_dealloc (the trashcan) */
    Obj *trash;                       /* deallocations deferred past that depth */
};

/* Records a built-in type so that objects_free frees it last (type_new_builtin does this). */
bool obj_register_type(VM *vm, TypeObj *type);

/* Instance creation for heap types and `object` (typeobj.c): an InstanceObj/ExcObj of `type`. */
Value object_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames);

/* The deterministic fake address of an object (0x7f0000001000 + 16*n), stable for its
 * lifetime; used by default reprs and id(). */
uint64_t obj_fake_address(VM *vm, Obj *o);

/* Guards the repr of self-containing containers (CPython's Py_ReprEnter): returns 1 when
 * `o` is already being repr'd further up (print "[...]" / "{...}"), 0 after entering (call
 * obj_repr_leave when done), -1 on MemoryError. */
int obj_repr_enter(VM *vm, Obj *o);
void obj_repr_leave(VM *vm, Obj *o);

/* CPython's tuple-hash combiner (xxHash based, 3.8+) so that hash((1, 2)) matches CPython:
 * start with acc = hash_tuple_init(), fold each item hash, finish with the length. */
uint64_t hash_tuple_init(void);
uint64_t hash_tuple_step(uint64_t acc, int64_t item_hash);
int64_t hash_tuple_finish(uint64_t acc, size_t len);

/* ---------------------------------------------------------------- library (format.c, ...) */

/* `fmt % args` for str (strmethods.c): printf-style formatting with CPython's messages. The
 * str type's binop slot calls it for BINOP_MOD when the left operand is a str. */
Value str_mod(VM *vm, Value fmt, Value args);

/* format(v, spec) (format.c): the format-spec mini-language for int/bool/float/str/None,
 * a user class's __format__ otherwise. spec NULL means ''. For f-strings and format(). */
Value format_value(VM *vm, Value v, StrObj *spec);

#endif

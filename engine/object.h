/*
 * object.h - loopscope's value and object model, shared by every engine file.
 *
 * A Value is a small tagged struct: None, bool, int (64-bit) and float live inline;
 * everything else is a heap Obj with a reference count and a type. The conventions are
 * CPython's, so its source is a guide:
 *   - functions that return a Value or an Obj* return a NEW reference;
 *   - Value/Obj* arguments are BORROWED (a container that stores one increfs it itself);
 *     functions that take ownership say "steals" in their comment and have _steal in the name;
 *   - an error is a pending Python exception on the VM (vm->exc) plus an error result:
 *     V_NULL for Values, NULL for pointers, -1 for ints/bools declared "int" here.
 *
 * Memory: reference counting (decided in object.c, explained there). Containers implement
 * the traverse slot so that a cycle collector can find reference cycles.
 *
 * Not for: the bytecode, frames and the interpreter loop (vm.h, code.h), nor parsing.
 */
#ifndef LS_OBJECT_H
#define LS_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct VM VM;
typedef struct Obj Obj;
typedef struct TypeObj TypeObj;
typedef struct StrObj StrObj;
typedef struct TupleObj TupleObj;
typedef struct ListObj ListObj;
typedef struct DictObj DictObj;

/* ---------------------------------------------------------------- values */

typedef enum {
    V_NULL = 0, /* no value: "error pending" as a result, "unset/deleted" as a slot */
    V_NONE,
    V_BOOL, /* as.i is 0 or 1 */
    V_INT,  /* as.i; arithmetic that overflows 64 bits raises OverflowError */
    V_FLOAT,
    V_OBJ, /* as.o, reference counted */
} ValueKind;

typedef struct Value {
    ValueKind kind;
    union {
        int64_t i;
        double f;
        Obj *o;
    } as;
} Value;

#define VNULL ((Value){.kind = V_NULL})
#define VNONE ((Value){.kind = V_NONE})
#define VBOOL(b) ((Value){.kind = V_BOOL, .as.i = (b) ? 1 : 0})
#define VINT(n) ((Value){.kind = V_INT, .as.i = (n)})
#define VFLOAT(x) ((Value){.kind = V_FLOAT, .as.f = (x)})
#define VOBJ(p) ((Value){.kind = V_OBJ, .as.o = (Obj *)(p)})

#define IS_NULL(v) ((v).kind == V_NULL)
#define IS_NONE(v) ((v).kind == V_NONE)
#define IS_INT(v) ((v).kind == V_INT)
#define IS_FLOAT(v) ((v).kind == V_FLOAT)
#define IS_OBJ(v) ((v).kind == V_OBJ)
#define AS_OBJ(v) ((v).as.o)

/* ---------------------------------------------------------------- objects */

/* Header of every heap object. gc_prev/gc_next link every live object of a type with a
 * traverse slot into vm->gc_objects, for the cycle collector. */
struct Obj {
    int64_t refcnt;
    TypeObj *type; /* strong reference for heap types (user classes), borrowed otherwise */
    Obj *gc_prev, *gc_next;
    int64_t gc_refs; /* scratch of the cycle collector (gc.c) */
};

void obj_dealloc(VM *vm, Obj *o); /* refcount reached 0: type->dealloc, then free */

static inline void obj_incref(Obj *o) {
    o->refcnt++;
}
static inline void obj_decref(VM *vm, Obj *o) {
    if (--o->refcnt == 0)
        obj_dealloc(vm, o);
}
static inline void obj_xdecref(VM *vm, Obj *o) {
    if (o)
        obj_decref(vm, o);
}
static inline Value v_incref(Value v) {
    if (v.kind == V_OBJ)
        v.as.o->refcnt++;
    return v;
}
static inline void v_decref(VM *vm, Value v) {
    if (v.kind == V_OBJ && --v.as.o->refcnt == 0)
        obj_dealloc(vm, v.as.o);
}

/* Allocates a zeroed object of `size` bytes with refcnt 1 and the given type (increfed when
 * the type is a heap type). Returns NULL and raises MemoryError when the budget is spent. */
Obj *obj_alloc(VM *vm, TypeObj *type, size_t size);

/* All engine memory goes through these three, so tests can check for leaks and a budget is
 * one check. ls_alloc returns zeroed memory or NULL. */
void *ls_alloc(VM *vm, size_t size);
void *ls_realloc(VM *vm, void *p, size_t old_size, size_t new_size);
void ls_free(VM *vm, void *p, size_t size);

/* ---------------------------------------------------------------- operators */

/* Binary operators: enum name, symbol, dunder, reflected dunder, in-place dunder. */
/* clang-format off */
#define LS_BINOPS(X)                                                                           \
    X(BINOP_ADD, "+", "__add__", "__radd__", "__iadd__")                                       \
    X(BINOP_SUB, "-", "__sub__", "__rsub__", "__isub__")                                       \
    X(BINOP_MUL, "*", "__mul__", "__rmul__", "__imul__")                                       \
    X(BINOP_TRUEDIV, "/", "__truediv__", "__rtruediv__", "__itruediv__")                       \
    X(BINOP_FLOORDIV, "//", "__floordiv__", "__rfloordiv__", "__ifloordiv__")                  \
    X(BINOP_MOD, "%", "__mod__", "__rmod__", "__imod__")                                       \
    X(BINOP_POW, "**", "__pow__", "__rpow__", "__ipow__")                                      \
    X(BINOP_LSHIFT, "<<", "__lshift__", "__rlshift__", "__ilshift__")                          \
    X(BINOP_RSHIFT, ">>", "__rshift__", "__rrshift__", "__irshift__")                          \
    X(BINOP_AND, "&", "__and__", "__rand__", "__iand__")                                       \
    X(BINOP_OR, "|", "__or__", "__ror__", "__ior__")                                           \
    X(BINOP_XOR, "^", "__xor__", "__rxor__", "__ixor__")                                       \
    X(BINOP_MATMUL, "@", "__matmul__", "__rmatmul__", "__imatmul__")
/* clang-format on */

typedef enum {
#define X(e, sym, d, rd, id) e,
    LS_BINOPS(X)
#undef X
        BINOP_COUNT
} BinOp;

/* Unary operators. */
typedef enum { UNOP_NEG, UNOP_POS, UNOP_INVERT, UNOP_NOT } UnOp;

/* Rich comparisons, in CPython's order (Py_LT ... Py_GE). */
typedef enum { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE } CmpOp;

/* ---------------------------------------------------------------- types */

/* Native function: vectorcall convention. args[0..nargs) are positional; when kwnames is
 * non-NULL, len(kwnames) keyword values follow them in args, named by kwnames' strings.
 * For a method of a built-in type, args[0] is self. Returns a new reference or V_NULL. */
typedef Value (*NativeFn)(VM *vm, Value *args, int nargs, TupleObj *kwnames);

typedef void (*VisitFn)(VM *vm, Value v, void *arg);

enum {
    TF_HEAPTYPE = 1 << 0,  /* created by a class statement */
    TF_BASETYPE = 1 << 1,  /* may be subclassed */
    TF_EXCEPTION = 1 << 2, /* BaseException or a subclass: instances are ExcObj */
    TF_HAS_DICT = 1 << 3,  /* instances carry a __dict__ (InstanceObj/ExcObj) */
};

/* A type. Slots are NULL when unsupported; a heap type's slots are set by type_new to
 * wrappers that look up dunder methods (slot_repr calls __repr__, ...) or are inherited. */
struct TypeObj {
    Obj hdr;
    StrObj *name;     /* "int", "Foo" */
    StrObj *module;   /* "builtins", "__main__", "asyncio" ... (for reprs) */
    StrObj *qualname; /* "Outer.Foo" */
    TypeObj *base;    /* single inheritance; NULL only for object */
    TupleObj *mro;    /* (self, base, ..., object) */
    DictObj *dict;    /* attributes and methods */
    uint32_t flags;   /* TF_* */
    size_t instance_size;

    void (*dealloc)(VM *vm, Obj *o); /* release what o holds (not o itself) */
    void (*traverse)(VM *vm, Obj *o, VisitFn visit, void *arg);
    void (*clear)(VM *vm, Obj *o); /* drop references to break a cycle (cycle collector) */
    StrObj *(*repr)(VM *vm, Value self);
    StrObj *(*str)(VM *vm, Value self);
    int (*hash)(VM *vm, Value self, int64_t *out); /* 0 ok, -1 error (unhashable raises) */
    /* returns a new reference, vm->not_implemented when it cannot compare, V_NULL on error */
    Value (*richcompare)(VM *vm, Value a, Value b, CmpOp op);
    Value (*binop)(VM *vm, BinOp op, Value a, Value b);   /* same NotImplemented convention */
    Value (*inplace)(VM *vm, BinOp op, Value a, Value b); /* optional, e.g. list += */
    Value (*unop)(VM *vm, UnOp op, Value a);
    int (*truthy)(VM *vm, Value self);                         /* 1, 0 or -1 */
    int64_t (*len)(VM *vm, Value self);                        /* -1 on error */
    Value (*getattr)(VM *vm, Value self, StrObj *name);        /* raises AttributeError */
    int (*setattr)(VM *vm, Value self, StrObj *name, Value v); /* v V_NULL = delete */
    Value (*getitem)(VM *vm, Value self, Value key);
    int (*setitem)(VM *vm, Value self, Value key, Value v); /* v V_NULL = delete */
    int (*contains)(VM *vm, Value self, Value item);        /* 1, 0 or -1 */
    Value (*iter)(VM *vm, Value self);
    int (*next)(VM *vm, Value self, Value *out); /* 1 item, 0 exhausted, -1 error */
    Value (*call)(VM *vm, Value self, Value *args, int nargs, TupleObj *kwnames);
    /* descriptor protocol: obj is V_NULL when looked up on the class itself */
    Value (*descr_get)(VM *vm, Value descr, Value obj, TypeObj *owner);
    int (*descr_set)(VM *vm, Value descr, Value obj, Value v); /* data descriptors only */
    /* construct an instance: called by type's call slot, then __init__ runs */
    Value (*tp_new)(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames);
};

/* ---------------------------------------------------------------- core objects */

/* str: UTF-8 bytes, NUL-terminated; nchars is the length in code points. */
struct StrObj {
    Obj hdr;
    int64_t hash;  /* -1 until computed */
    size_t len;    /* bytes, without the NUL */
    size_t nchars; /* code points */
    bool ascii;    /* len == nchars: indexing is byte indexing */
    bool interned; /* the one copy in vm->interned */
    char data[];
};

struct TupleObj {
    Obj hdr;
    int64_t hash; /* -1 until computed */
    size_t len;
    Value items[];
};

struct ListObj {
    Obj hdr;
    Value *items;
    size_t len, cap;
};

/* Insertion-ordered hash map (like CPython's compact dict). Entries with key V_NULL are
 * deleted slots; iterate with dict_next. */
typedef struct {
    int64_t hash;
    Value key, value;
} DictEntry;

struct DictObj {
    Obj hdr;
    DictEntry *entries;
    size_t nentries, cap_entries; /* entries used (incl. deleted) and allocated */
    int64_t *index;               /* open-addressing table of entry indices, -1 empty */
    size_t index_size;            /* power of two */
    size_t len;                   /* live entries */
    uint64_t version;             /* bumped on every insertion or deletion */
};

/* set / frozenset: open addressing exactly like CPython's setobject.c (linear probes then
 * perturbation, same resize policy) so that iteration order of int sets matches CPython. */
typedef struct {
    int64_t hash;
    Value key; /* V_NULL empty; a dummy marker for deleted */
} SetEntry;

typedef struct SetObj {
    Obj hdr;
    SetEntry *table;
    size_t mask; /* table size - 1 */
    size_t fill; /* active + dummy */
    size_t used; /* active */
    size_t finger;
    int64_t hash; /* frozenset only, -1 until computed */
} SetObj;

/* Instance of a user class (TF_HAS_DICT). */
typedef struct InstanceObj {
    Obj hdr;
    DictObj *dict;
} InstanceObj;

/* BaseException and subclasses (user subclasses too): TF_EXCEPTION | TF_HAS_DICT. */
typedef struct ExcObj {
    Obj hdr;
    DictObj *dict;         /* user attributes; also StopIteration.value, SystemExit.code */
    TupleObj *args;        /* .args */
    Obj *traceback;        /* TracebackObj chain (vm.h), or NULL */
    Obj *cause;            /* __cause__ (ExcObj) or NULL */
    Obj *context;          /* __context__ (ExcObj) or NULL */
    bool suppress_context; /* __suppress_context__, set by raise ... from ... */
} ExcObj;

/* A native function or a native method of a built-in type. */
typedef struct BuiltinObj {
    Obj hdr;
    const char *name; /* static string */
    NativeFn fn;
    Value self;     /* bound receiver (prepended to args) or V_NULL */
    bool is_method; /* in a type's dict: binds self on attribute access */
    Value data;     /* optional extra state for closures over C (e.g. partial) */
} BuiltinObj;

/* A Python function bound to a receiver. */
typedef struct MethodObj {
    Obj hdr;
    Value func;
    Value self;
} MethodObj;

typedef struct ModuleObj {
    Obj hdr;
    StrObj *name;
    DictObj *dict;
} ModuleObj;

/* ---------------------------------------------------------------- type predicates */

TypeObj *val_type(VM *vm, Value v); /* borrowed */
bool type_is_subtype(TypeObj *a, TypeObj *b);
bool val_isinstance(VM *vm, Value v, TypeObj *t);
const char *val_type_name(VM *vm, Value v); /* borrowed "int", "Foo" */
int64_t obj_id(VM *vm, Value v); /* id(v): deterministic fake address, stable per object */

/* ---------------------------------------------------------------- strings */

StrObj *str_new(VM *vm, const char *utf8, size_t len); /* copies; input must be valid UTF-8 */
StrObj *str_from_cstr(VM *vm, const char *s);
StrObj *str_printf(VM *vm, const char *fmt, ...); /* C printf formats */
StrObj *str_intern(VM *vm, const char *s);        /* the interned copy; new reference */
StrObj *str_intern_obj(VM *vm, StrObj *s);        /* steals s, returns the interned one */
StrObj *str_concat(VM *vm, StrObj *a, StrObj *b);
bool str_eq(StrObj *a, StrObj *b);
bool str_eq_cstr(StrObj *a, const char *s);
int64_t str_hash(StrObj *s);

/* A growable UTF-8 buffer for building strings and reprs (no Python object until done). */
typedef struct {
    char *data;
    size_t len, cap;
} StrBuf;
void sb_init(StrBuf *sb);
void sb_free(VM *vm, StrBuf *sb);
bool sb_add(VM *vm, StrBuf *sb, const char *s, size_t n); /* false (MemoryError) on failure */
bool sb_adds(VM *vm, StrBuf *sb, const char *s);
bool sb_printf(VM *vm, StrBuf *sb, const char *fmt, ...);
bool sb_add_repr(VM *vm, StrBuf *sb, Value v); /* repr(v); false on error */
bool sb_add_str(VM *vm, StrBuf *sb, Value v);  /* str(v); false on error */
StrObj *sb_finish(VM *vm, StrBuf *sb);         /* makes the str, frees the buffer */

/* ---------------------------------------------------------------- containers */

TupleObj *tuple_new(VM *vm, size_t len); /* items V_NONE until filled (fill with _steal) */
TupleObj *tuple_from(VM *vm, const Value *items, size_t len);
TupleObj *tuple_pack(VM *vm, int n, ...); /* n Values, borrowed */

ListObj *list_new(VM *vm, size_t cap);
bool list_append(VM *vm, ListObj *l, Value v);
ListObj *list_from_iterable(VM *vm, Value iterable);
bool list_extend(VM *vm, ListObj *l, Value iterable); /* l += iterable; false on error */
/* list.sort(key=key, reverse=reverse); key V_NONE or V_NULL for none. 0 ok, -1 error. */
int list_sort(VM *vm, ListObj *l, Value key, bool reverse);

DictObj *dict_new(VM *vm);
int dict_get(VM *vm, DictObj *d, Value key, Value *out);  /* 1 found (new ref), 0 not, -1 err */
int dict_set(VM *vm, DictObj *d, Value key, Value value); /* 0 ok, -1 error */
int dict_del(VM *vm, DictObj *d, Value key);              /* 1 deleted, 0 missing, -1 error */
/* Fast paths for str keys (never raise): borrowed result, V_NULL when missing. */
Value dict_get_str(DictObj *d, StrObj *key);
int dict_set_str(VM *vm, DictObj *d, StrObj *key, Value value);
int dict_set_cstr(VM *vm, DictObj *d, const char *key, Value value);
/* Iteration: *pos starts at 0; returns false at the end. Key/value borrowed. */
bool dict_next(DictObj *d, size_t *pos, Value *key, Value *value);
/* dict.update(other): a mapping (has keys()) or an iterable of pairs. 0 ok, -1 error. */
int dict_update(VM *vm, DictObj *d, Value other);
/* {**other} / f(**other): like dict_update for mappings, but anything without keys() raises
 * "'int' object is not a mapping"; with override false an existing key is kept. */
int dict_merge(VM *vm, DictObj *d, Value other, bool override);

SetObj *set_new(VM *vm, bool frozen);
int set_add(VM *vm, SetObj *s, Value key);         /* 0 ok, -1 error */
int set_contains(VM *vm, SetObj *s, Value key);    /* 1, 0, -1 */
int set_update(VM *vm, SetObj *s, Value iterable); /* {*iterable}: 0 ok, -1 error */
/* The frozenset constant CPython 3.11's compiler makes for a set display of 3 or more
 * constants ({5, 13, 21}); it is built twice, as CPython's constant merging does. Compile
 * such a display as BUILD_SET 0, LOAD_CONST <this>, SET_UPDATE 1 so that the set iterates
 * in CPython's order (a BUILD_SET of the items gives a different order). */
SetObj *set_display_const(VM *vm, const Value *items, size_t n);

/* ---------------------------------------------------------------- generic protocol */

StrObj *obj_repr(VM *vm, Value v);
StrObj *obj_str(VM *vm, Value v);
int obj_hash(VM *vm, Value v, int64_t *out);
int obj_truthy(VM *vm, Value v);
int obj_eq(VM *vm, Value a, Value b); /* 1, 0, -1; identity first, as CPython containers do */
Value obj_richcompare(VM *vm, Value a, Value b, CmpOp op);
Value obj_binop(VM *vm, BinOp op, Value a, Value b);
Value obj_inplace_binop(VM *vm, BinOp op, Value a, Value b);
Value obj_unop(VM *vm, UnOp op, Value a);
Value obj_getattr(VM *vm, Value o, StrObj *name);
Value obj_getattr_cstr(VM *vm, Value o, const char *name);
/* Like getattr, but a missing attribute is not an error: returns V_NULL with no exception
 * pending (other errors still return V_NULL with the exception pending - check vm->exc). */
Value obj_getattr_opt(VM *vm, Value o, StrObj *name);
int obj_setattr(VM *vm, Value o, StrObj *name, Value v); /* v V_NULL = delete */
Value obj_getitem(VM *vm, Value o, Value key);
int obj_setitem(VM *vm, Value o, Value key, Value v); /* v V_NULL = delete */
int obj_contains(VM *vm, Value container, Value item);
int64_t obj_len(VM *vm, Value o);
Value obj_iter(VM *vm, Value o);
int obj_next(VM *vm, Value it, Value *out); /* 1 item (new ref), 0 exhausted, -1 error */
/* Finds `name` on the type of `o` for a method call without creating a bound method.
 * Returns 1 and *func (new ref) when the caller must pass o as the first argument, 0 and
 * *func = the ready-to-call attribute otherwise, -1 on error (AttributeError raised). */
int obj_load_method(VM *vm, Value o, StrObj *name, Value *func);
/* Looks `name` up along the MRO of `type` (borrowed, V_NULL when absent; never raises). */
Value type_lookup(TypeObj *type, StrObj *name);

/* Calls anything callable (implemented in vm.c: Python functions run a new frame). */
Value vm_call(VM *vm, Value callable, Value *args, int nargs, TupleObj *kwnames);
Value vm_call0(VM *vm, Value callable);
Value vm_call1(VM *vm, Value callable, Value a);
Value vm_call2(VM *vm, Value callable, Value a, Value b);
/* Calls method `name` of `o` with the given positional args. */
Value vm_call_method(VM *vm, Value o, const char *name, Value *args, int nargs);

/* ---------------------------------------------------------------- building types */

/* A built-in type with the given base (NULL = object); slots are filled by the caller and
 * inherited from the base by type_ready. Returns NULL on MemoryError. */
TypeObj *type_new_builtin(VM *vm, const char *name, TypeObj *base, size_t instance_size,
                          uint32_t flags);
/* Copies unset slots from the base and builds the MRO; call after filling slots. */
bool type_ready(VM *vm, TypeObj *type);
/* Adds a native method (self is args[0]) / a static native function to a type's dict. */
bool type_add_method(VM *vm, TypeObj *type, const char *name, NativeFn fn);
bool type_add_static(VM *vm, TypeObj *type, const char *name, NativeFn fn);
/* type(name, bases, ns): the class statement's result. Sets the slots of the new heap type
 * to dunder-calling wrappers where the class (or its bases) defines __repr__, __eq__ ... */
Value type_new_class(VM *vm, StrObj *name, TupleObj *bases, DictObj *ns);

/* A native function object (self V_NULL for a plain function). */
Value builtin_new(VM *vm, const char *name, NativeFn fn, Value self);
/* A bound method object: calling it calls func(self, ...). */
Value method_new(VM *vm, Value func, Value self);
/* A module object named `name` with a fresh dict holding __name__ (typeobj.c). */
Value module_new(VM *vm, const char *name);
/* isinstance(v, cls) / issubclass(derived, cls), cls a type or a tuple of them (nested
 * tuples too); 1, 0, or -1 with CPython's TypeError ("isinstance() arg 2 must be a type,
 * a tuple of types, or a union"). */
int obj_isinstance(VM *vm, Value v, Value cls);
int obj_issubclass(VM *vm, Value derived, Value cls);

/*
 * Binds the arguments of a native call to parameters named by names[0..n). The first
 * max_pos may be given positionally; the first min_req are required. out[i] is borrowed,
 * V_NULL when not given. Raises TypeError with CPython's wording ("f() takes at most 2
 * arguments (3 given)", "f() got an unexpected keyword argument 'x'", "f() missing required
 * argument 'x' (pos 1)") and returns false.
 */
bool args_bind(VM *vm, const char *fname, Value *args, int nargs, TupleObj *kwnames,
               const char *const *names, int n, int max_pos, int min_req, Value *out);
/* Raises TypeError unless min <= nargs <= max and no keywords; CPython's messages
 * ("len() takes exactly one argument (2 given)"). */
bool args_count(VM *vm, const char *fname, int nargs, TupleObj *kwnames, int min, int max);

/* ---------------------------------------------------------------- exceptions */

/* Raise a new exception of `type` with a printf-formatted message; returns V_NULL so that
 * `return vm_raise(vm, vm->exc_types.TypeError, "...")` reads naturally. */
Value vm_raise(VM *vm, TypeObj *type, const char *fmt, ...);
Value vm_raise_value(VM *vm, Value exc);    /* exc is an instance or an exception class */
bool vm_exc_matches(VM *vm, TypeObj *type); /* is the pending exception an instance of type */
Value vm_exc_take(VM *vm);                  /* the pending exception (owned), now cleared */
void vm_exc_clear(VM *vm);
Value exc_new(VM *vm, TypeObj *type, Value *args, int nargs); /* instance; no raise */

#endif

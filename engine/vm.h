/*
 * vm.h - the engine context (struct VM) and the interpreter's objects: code, functions,
 * cells, frames, generators/coroutines and tracebacks.
 *
 * Every engine function takes the VM first; there are no mutable globals. Frames live on
 * the heap so that a generator or coroutine owns its suspended frame (like a Wren fiber).
 *
 * Ownership of this header: the struct VM is shared; each part of the engine adds fields
 * only inside its own marked section.
 */
#ifndef LS_VM_H
#define LS_VM_H

#include "loopscope.h"
#include "object.h"

/* ---------------------------------------------------------------- well-known names */

/* Interned strings the engine looks up often: vm->names.NAME. One list, many users. */
/* clang-format off */
#define LS_NAMES(X)                                                                            \
    X(__init__) X(__new__) X(__repr__) X(__str__) X(__hash__) X(__eq__) X(__ne__) X(__lt__)    \
    X(__le__) X(__gt__) X(__ge__) X(__bool__) X(__len__) X(__iter__) X(__next__)               \
    X(__getitem__) X(__setitem__) X(__delitem__) X(__contains__) X(__call__) X(__enter__)      \
    X(__exit__) X(__aenter__) X(__aexit__) X(__aiter__) X(__anext__) X(__await__)              \
    X(__getattr__) X(__setattr__) X(__delattr__) X(__get__) X(__set__) X(__name__)             \
    X(__qualname__) X(__module__) X(__doc__) X(__class__) X(__dict__) X(__main__)              \
    X(__builtins__) X(__file__) X(__neg__) X(__pos__) X(__invert__) X(__index__) X(__int__)    \
    X(__float__) X(__format__) X(__wrapped__) X(__traceback__) X(__cause__) X(__context__)     \
    X(__suppress_context__) X(args) X(value) X(code) X(send) X(throw) X(close) X(write)        \
    X(flush) X(keys) X(items) X(append) X(self) X(lambda_)
/* clang-format on */

typedef struct {
#define X(n) StrObj *n;
    LS_NAMES(X)
#undef X
} Names;

/* ---------------------------------------------------------------- exception types */

/* The built-in exception hierarchy: name, base. Instances are ExcObj. */
/* clang-format off */
#define LS_EXCEPTIONS(X)                                                                       \
    X(BaseException, object)                                                                   \
    X(SystemExit, BaseException)                                                               \
    X(KeyboardInterrupt, BaseException)                                                        \
    X(GeneratorExit, BaseException)                                                            \
    X(Exception, BaseException)                                                                \
    X(StopIteration, Exception)                                                                \
    X(StopAsyncIteration, Exception)                                                           \
    X(ArithmeticError, Exception)                                                              \
    X(ZeroDivisionError, ArithmeticError)                                                      \
    X(OverflowError, ArithmeticError)                                                          \
    X(AssertionError, Exception)                                                               \
    X(AttributeError, Exception)                                                               \
    X(LookupError, Exception)                                                                  \
    X(IndexError, LookupError)                                                                 \
    X(KeyError, LookupError)                                                                   \
    X(MemoryError, Exception)                                                                  \
    X(NameError, Exception)                                                                    \
    X(UnboundLocalError, NameError)                                                            \
    X(OSError, Exception)                                                                      \
    X(TimeoutError, OSError)                                                                   \
    X(ConnectionError, OSError)                                                                \
    X(ConnectionRefusedError, ConnectionError)                                                 \
    X(ConnectionResetError, ConnectionError)                                                   \
    X(PermissionError, OSError)                                                                \
    X(FileNotFoundError, OSError)                                                              \
    X(EOFError, Exception)                                                                     \
    X(RuntimeError, Exception)                                                                 \
    X(RecursionError, RuntimeError)                                                            \
    X(NotImplementedError, RuntimeError)                                                       \
    X(SystemError, Exception)                                                                  \
    X(SyntaxError, Exception)                                                                  \
    X(IndentationError, SyntaxError)                                                           \
    X(TabError, IndentationError)                                                              \
    X(TypeError, Exception)                                                                    \
    X(ValueError, Exception)                                                                   \
    X(UnicodeError, ValueError)                                                                \
    X(ImportError, Exception)                                                                  \
    X(ModuleNotFoundError, ImportError)                                                        \
    X(Warning, Exception)                                                                      \
    X(RuntimeWarning, Warning)                                                                 \
    X(DeprecationWarning, Warning)                                                             \
    X(UserWarning, Warning)                                                                    \
    X(BaseExceptionGroup, BaseException)                                                       \
    X(ExceptionGroup, BaseExceptionGroup)
/* clang-format on */

typedef struct {
#define X(name, base) TypeObj *name;
    LS_EXCEPTIONS(X)
#undef X
} ExcTypes;

/* ---------------------------------------------------------------- built-in types */

/* Built-in types that live in the VM (they are objects with mutable dicts). */
/* clang-format off */
#define LS_TYPES(X)                                                                                \
    X(object) X(type) X(none) X(bool_) X(int_) X(float_) X(str) X(tuple) X(list) X(dict) X(set)    \
    X(frozenset) X(range) X(slice) X(builtin) X(method) X(module) X(function) X(code) X(cell)      \
    X(frame) X(generator) X(coroutine) X(coroutine_wrapper) X(async_generator)                     \
    X(async_gen_asend) X(async_gen_athrow) X(traceback) X(property) X(staticmethod)                \
    X(classmethod) X(super) X(not_implemented_type) X(ellipsis_type) X(list_iter) X(tuple_iter)    \
    X(str_iter) X(range_iter) X(dict_iter) X(dict_keys) X(dict_values) X(dict_items)               \
    X(set_iter) X(enumerate) X(zip) X(map) X(filter) X(reversed) X(deque) X(deque_iter)            \
    X(partial) X(textio) X(seq_iter)                                                               \
    X(list_reviter) X(dict_valueiter) X(dict_itemiter) X(dict_revkeyiter) X(dict_revvalueiter)    \
    X(dict_revitemiter)
/* clang-format on */

typedef struct {
#define X(n) TypeObj *n;
    LS_TYPES(X)
#undef X
} Types;

/* ---------------------------------------------------------------- code and frames */

typedef struct CodeObj CodeObj;   /* compiled function/module body: defined in code.h */
typedef struct FrameObj FrameObj; /* an activation: defined in code.h */

/* One entry of a traceback: where a frame was when the exception passed through it. */
typedef struct TracebackObj {
    Obj hdr;
    struct TracebackObj *next; /* towards the frame where the exception was raised */
    CodeObj *code;             /* strong reference: filename, function name */
    int line;                  /* 1-based */
    int col, end_col;          /* 0-based columns of the failing expression, -1 unknown */
    int end_line;
    DictObj *globals;      /* NameError only: the frame's globals, for suggestions */
    TupleObj *local_names; /* NameError only: its bound local names, for suggestions */
    FrameObj *frame;       /* the frame the exception left (owned): like CPython's
                              tb_frame it keeps the frame's variables alive */
} TracebackObj;

/* ---------------------------------------------------------------- the VM */

struct VM {
    /* --- configuration and host (engine.c) */
    LsConfig config;
    const char *filename; /* of the running program, for tracebacks */
    const char *source;   /* its text (borrowed from the host for the run) */
    size_t source_len;
    int exit_status;

    /* --- memory (object.c) */
    size_t bytes_allocated;
    size_t bytes_limit;   /* MemoryError beyond this */
    Obj gc_objects;       /* sentinel of the list of traversable objects */
    struct ObjMemo *memo; /* object.c private: fake addresses, repr guard, type list */

    /* --- objects every part needs (object.c, builtins.c) */
    Types types;
    ExcTypes exc_types;
    Names names;
    DictObj *interned;     /* str -> the same str */
    Value not_implemented; /* the NotImplemented singleton */
    Value ellipsis;        /* the Ellipsis singleton */
    DictObj *builtins;     /* the builtins module's dict */
    DictObj *modules;      /* sys.modules: name -> module */
    Value sys_stdout, sys_stderr;
    int repr_depth;        /* guards repr of self-containing containers */
    uint64_t next_fake_id; /* deterministic id()/addresses */

    /* --- the pending exception (errors: vm_raise ...) */
    Value exc; /* V_NULL when none is pending */

    /* --- cycle collector (gc.c) */
    size_t gc_allocs;    /* tracked objects allocated since the last collection */
    size_t gc_threshold; /* collect when gc_allocs passes it */
    bool gc_pending;     /* a collection is due at the next safe point */
    bool gc_running;
    bool gc_failed;        /* out of memory during a collection: it freed nothing */
    size_t gc_live_visits; /* references held by surviving objects (pacing) */

    /* --- interpreter (vm.c) */
    FrameObj *frame; /* innermost executing frame, or NULL */
    int depth;       /* Python call depth (RecursionError past config.max_depth) */
    uint64_t steps;  /* instructions executed (config.max_steps) */
    bool step_limit_hit;
    int step_limit_line;      /* where the budget ran out (for the message) */
    uintptr_t c_stack_base;   /* C stack address at ls_run_source's entry, 0 = unchecked:
                                 native recursion past LS_C_STACK_BUDGET raises RecursionError */
    struct ExcInfo *exc_info; /* the exception being handled: innermost context (code.h) */
    FrameObj *frame_free[8];  /* recycled frames by size class */
    DictObj *warned;          /* gen.c: "coroutine ... was never awaited" locations shown */

    /* --- virtual clock (time module; the event loop shares it later) */
    double clock; /* seconds since the program started */

    /* --- asyncio (aio_*.c): types, loops, the event record; aio.h defines it. Created on
     * the first `import asyncio` (or by the engine for #| directives), freed by aio_free. */
    struct AioState *aio;

    /* --- trace (trace.c): the recorder of a traced run (ls_trace_open), NULL otherwise.
     * When set, vm.c, vm_write and aio_event call the hooks of engine/trace.h. */
    struct LsTrace *tracer;
};

/* Creates the VM's built-in world (types, exceptions, builtins, modules). engine.c calls
 * these once per engine; each part provides its init. All return false on MemoryError. */
bool objects_init(VM *vm);      /* object.c & co: types, interned names, singletons */
bool builtins_init(VM *vm);     /* builtins.c: the builtins dict, exception types */
bool interp_types_init(VM *vm); /* vm.c & co: function, code, cell, frame, generator ... */
bool modules_init(VM *vm);      /* modules.c: registry of native modules (time, sys, ...) */
void objects_free(VM *vm);

/* Returns the module `name` (new reference), creating a native module on first import;
 * raises ModuleNotFoundError("No module named 'x'") otherwise. */
Value vm_import(VM *vm, const char *name);

/* Base threshold of the cycle collector (LsConfig.gc_threshold's default). */
#define LS_GC_THRESHOLD 10000

/* Frees unreachable reference cycles of pure data (gc.c); returns how many objects were
 * garbage. Call only at a safe point (between bytecodes). */
size_t gc_collect(VM *vm);

/* The VM's safe-point check: collects when enough tracked objects were allocated. */
static inline void gc_maybe_collect(VM *vm) {
    if (__builtin_expect(vm->gc_pending, 0))
        gc_collect(vm);
}

/* For zero-argument super(): the class of the running method (its __class__ cell) and its
 * first argument. Raises RuntimeError("super(): no arguments") and returns false if none. */
bool vm_super_args(VM *vm, TypeObj **type, Value *self);

/* Counts one level of native recursion, like CPython's Py_EnterRecursiveCall(where): past
 * config.max_depth raises RecursionError("maximum recursion depth exceeded" + where, e.g.
 * " while getting the repr of an object") and returns false. Pair with vm_leave_recursion.
 * Python calls and calls of built-in functions already count themselves (vm.c). */
bool vm_enter_recursion(VM *vm, const char *where);
void vm_leave_recursion(VM *vm);

/* The C stack a run may use below vm->c_stack_base: native recursion (reprs of nested
 * lists, __repr__ calling repr, callbacks from built-ins) raises RecursionError past it even
 * when sys.setrecursionlimit allows more, instead of overflowing the 8 MB main-thread stack.
 * Python-to-Python calls use heap frames and no C stack. */
#define LS_C_STACK_BUDGET ((uintptr_t)5 << 20)
bool vm_c_stack_ok(VM *vm, const char *where); /* false with RecursionError raised */

/* The current C stack position (the frame address: real even when ASan moves locals). */
static inline uintptr_t vm_c_stack_address(void) {
#if defined(__GNUC__)
    return (uintptr_t)__builtin_frame_address(0);
#else
    char probe;
    return (uintptr_t)&probe;
#endif
}

/* Counts one step of a native loop (obj_next) against config.max_steps, so that
 * sum(range(10**18)) stops like `while True: pass`. Returns false with the step-limit stop
 * raised (the run then ends with LS_STEP_LIMIT). */
bool vm_count_step(VM *vm);

/* Writes to the host's stdout/stderr through config.write. */
void vm_write(VM *vm, LsStream stream, const char *text, size_t len);

/* Prints an exception with its traceback the way CPython's default hook does (to stderr),
 * including chained causes/contexts. */
void vm_print_exception(VM *vm, Value exc);

#endif

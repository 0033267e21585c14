/*
 * code.h - the interpreter's objects: bytecode (the opcode list), code objects, frames,
 * functions, cells and generators/coroutines. Shared by the compiler (which fills CodeObj),
 * the VM (which runs frames) and gen.c/func.c (which give these objects their Python types).
 *
 * Not for: the value model (object.h) or the VM context (vm.h).
 */
#ifndef LS_CODE_H
#define LS_CODE_H

#include "vm.h"

/* ---------------------------------------------------------------- opcodes */

/*
 * One list gives the enum (OP_x), the names (for dumps and tests) and the dispatch table.
 * An instruction is one 32-bit word: opcode in the low 8 bits, argument in the high 24.
 * Jump arguments are absolute instruction indexes. Stack pictures read bottom -> top.
 * The stack layout of calls is [callable, self_or_NULL, args...] (self first when not NULL).
 */
/* clang-format off */
#define LS_OPCODES(X)                                                                              \
    X(NOP)                  /* */                                                                  \
    X(POP_TOP)              /* [v] -> [] */                                                        \
    X(PUSH_NULL)            /* [] -> [NULL] */                                                     \
    X(COPY)                 /* n: push a new reference to the n-th item from the top */            \
    X(SWAP)                 /* n: swap the top with the n-th item */                               \
    X(LOAD_CONST)           /* i: consts[i] */                                                     \
    X(LOAD_FAST)            /* i: locals[i]; UnboundLocalError when unset */                       \
    X(STORE_FAST)           /* i */                                                                \
    X(DELETE_FAST)          /* i */                                                                \
    X(LOAD_DEREF)           /* i: cell i (cells then free vars) */                                 \
    X(STORE_DEREF)          /* i */                                                                \
    X(DELETE_DEREF)         /* i */                                                                \
    X(LOAD_CLOSURE)         /* i: the cell object itself (to build a closure) */                   \
    X(LOAD_CLASSDEREF)      /* i: class body: namespace first, then the cell */                    \
    X(LOAD_GLOBAL)          /* c: global cache slot c (names the global) */                        \
    X(STORE_GLOBAL)         /* n: names[n] */                                                      \
    X(DELETE_GLOBAL)        /* n */                                                                \
    X(LOAD_NAME)            /* n: namespace, globals, builtins (class bodies) */                   \
    X(STORE_NAME)           /* n */                                                                \
    X(DELETE_NAME)          /* n */                                                                \
    X(LOAD_ATTR)            /* n: [o] -> [o.name] */                                               \
    X(STORE_ATTR)           /* n: [v, o] -> [] */                                                  \
    X(DELETE_ATTR)          /* n: [o] -> [] */                                                     \
    X(LOAD_METHOD)          /* n: [o] -> [func, o] or [attr, NULL] */                              \
    X(BINARY_SUBSCR)        /* [o, k] -> [o[k]] */                                                 \
    X(STORE_SUBSCR)         /* [v, o, k] -> [] */                                                  \
    X(DELETE_SUBSCR)        /* [o, k] -> [] */                                                     \
    X(BUILD_SLICE)          /* n (2 or 3) */                                                       \
    X(BINARY_OP)            /* op: a BinOp, +BINOP_INPLACE for augmented assignment */             \
    X(UNARY)                /* op: a UnOp */                                                       \
    X(COMPARE_OP)           /* op: a CmpOp */                                                      \
    X(IS_OP)                /* invert */                                                           \
    X(CONTAINS_OP)          /* invert */                                                           \
    X(JUMP)                 /* target (forward) */                                                 \
    X(JUMP_BACKWARD)        /* target: counts the loop's length in the step budget */              \
    X(POP_JUMP_IF_FALSE)    /* target */                                                           \
    X(POP_JUMP_IF_TRUE)     /* target */                                                           \
    X(JUMP_IF_FALSE_OR_POP) /* target */                                                           \
    X(JUMP_IF_TRUE_OR_POP)  /* target */                                                           \
    X(GET_ITER)             /* [o] -> [iter(o)] */                                                 \
    X(FOR_ITER)             /* target: [it] -> [it, next] or, exhausted, [] and jump */            \
    X(BUILD_TUPLE)          /* n */                                                                \
    X(BUILD_LIST)           /* n */                                                                \
    X(BUILD_SET)            /* n */                                                                \
    X(BUILD_MAP)            /* n: [k1, v1, ... kn, vn] -> [dict] */                                \
    X(BUILD_STRING)         /* n: concatenates n strs */                                           \
    X(LIST_APPEND)          /* i: [.., list, (i-1 items), v] -> list.append(v) */                  \
    X(SET_ADD)              /* i */                                                                \
    X(MAP_ADD)              /* i: [.., dict, ..., k, v] */                                         \
    X(LIST_EXTEND)          /* i */                                                                \
    X(SET_UPDATE)           /* i */                                                                \
    X(DICT_UPDATE)          /* i */                                                                \
    X(DICT_MERGE)           /* i: like DICT_UPDATE, duplicate keys are a TypeError (calls) */      \
    X(LIST_TO_TUPLE)        /* */                                                                  \
    X(UNPACK_SEQUENCE)      /* n: [seq] -> [vn ... v1] */                                          \
    X(UNPACK_EX)            /* before | after << 8 */                                              \
    X(KW_NAMES)             /* i: consts[i] is the kwnames tuple of the next CALL */               \
    X(CALL)                 /* n: [f, self|NULL, args...] -> [result] */                           \
    X(CALL_FUNCTION_EX)     /* has_kwargs: [f, NULL, args_tuple, (kwargs)] -> [result] */          \
    X(MAKE_FUNCTION)        /* MF_* flags: [(defaults) (kwdefaults) (closure) code] -> [f] */      \
    X(BUILD_CLASS)          /* nbases: [body_func, name, bases...] -> [class] */                   \
    X(RETURN_VALUE)         /* */                                                                  \
    X(YIELD_VALUE)          /* YV_* kind of yield */                                               \
    X(GET_YIELD_FROM_ITER)  /* */                                                                  \
    X(GET_AWAITABLE)        /* where: 0 await, 1 __aenter__, 2 __aexit__ */                        \
    X(SEND)                 /* target: [it, v] -> [it, yielded] or [result] and jump */            \
    X(GET_AITER)            /* */                                                                  \
    X(GET_ANEXT)            /* [ait] -> [ait, awaitable] */                                        \
    X(END_ASYNC_FOR)        /* [ait, exc] -> [] when exc is StopAsyncIteration, else raise */      \
    X(BEFORE_ASYNC_WITH)    /* [mgr] -> [exit, awaitable] */                                       \
    X(BEFORE_WITH)          /* [mgr] -> [exit, enter()] */                                         \
    X(WITH_EXCEPT_START)    /* [exit, prev, exc] -> [exit, prev, exc, exit(type, exc, tb)] */      \
    X(RAISE_VARARGS)        /* n: 0 re-raise, 1 raise exc, 2 raise exc from cause */               \
    X(RERAISE)              /* [exc] -> raise exc without a new traceback entry */                 \
    X(PUSH_EXC_INFO)        /* [exc] -> [prev_handled, exc]; exc becomes the handled one */        \
    X(POP_EXCEPT)           /* [prev] -> []; prev becomes the handled exception again */           \
    X(CHECK_EXC_MATCH)      /* [exc, type] -> [exc, bool] */                                       \
    X(FORMAT_VALUE)         /* FV_* flags */                                                       \
    X(IMPORT_NAME)          /* n: [] -> [module] */                                                \
    X(IMPORT_FROM)          /* n: [module] -> [module, attr] */                                    \
    X(LOAD_ASSERTION_ERROR) /* */
/* clang-format on */

typedef enum {
#define X(op) OP_##op,
    LS_OPCODES(X)
#undef X
        OP_COUNT
} Opcode;

extern const char *const opcode_names[OP_COUNT];

#define INSTR(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define INSTR_OP(w) ((Opcode)((w)&0xff))
#define INSTR_ARG(w) ((uint32_t)(w) >> 8)

/* BINARY_OP argument for augmented assignment (a += b): the BinOp plus this. */
#define BINOP_INPLACE 16

/* YIELD_VALUE argument: a plain yield, the yield inside yield from/await (the frame then
 * delegates to the iterator below), or an async generator's own yield (not an await). */
enum { YV_PLAIN = 0, YV_DELEGATE = 1, YV_ASYNC_GEN = 2 };

/* MAKE_FUNCTION flags: which optional items are on the stack below the code. */
enum { MF_DEFAULTS = 1, MF_KWDEFAULTS = 2, MF_CLOSURE = 4 };

/* FORMAT_VALUE flags: the conversion in the low 2 bits, and whether a spec is on the stack. */
enum { FV_NONE = 0, FV_STR = 1, FV_REPR = 2, FV_ASCII = 3, FV_MASK = 3, FV_HAVE_SPEC = 4 };

/* ---------------------------------------------------------------- code objects */

/* Code flags (CPython's CO_* where one exists). */
enum {
    CO_VARARGS = 1 << 0,
    CO_VARKEYWORDS = 1 << 1,
    CO_GENERATOR = 1 << 2,
    CO_COROUTINE = 1 << 3,
    CO_ASYNC_GENERATOR = 1 << 4,
    CO_CLASSBODY = 1 << 5,    /* runs with a namespace dict (frame->locals) */
    CO_MODULE = 1 << 6,       /* module body */
    CO_COMPREHENSION = 1 << 7 /* <listcomp> & co: its .0 argument is an iterator */
};

/* Where an instruction came from: CPython's positions (line 1-based, cols 0-based bytes). */
typedef struct {
    int line, end_line;
    int col, end_col; /* -1 when unknown */
} SrcPos;

/* Exception table entry: an exception raised by an instruction in [start, end) unwinds the
 * value stack to `depth` items, pushes the exception and jumps to `handler`. */
typedef struct {
    uint32_t start, end, handler, depth;
} ExcEntry;

/* Inline cache of LOAD_GLOBAL: the entry index of the name in globals or builtins, valid
 * while both dicts keep the versions seen (a version changes on insertion and deletion). */
typedef struct {
    uint32_t name;    /* index into names */
    uint32_t index;   /* entry index in the dict that had it */
    bool in_builtins; /* found in builtins (and absent from globals) */
    uint64_t gversion, bversion;
    DictObj *globals; /* borrowed; identity check only */
} GlobalCache;

struct CodeObj {
    Obj hdr;
    uint32_t *code; /* instructions */
    int ncode;
    SrcPos *pos;         /* one per instruction */
    uint8_t *stmt_start; /* one per instruction: 1 when it starts a statement */
    Value *consts;
    int nconsts;
    StrObj **names; /* globals, attributes, imports */
    int nnames;
    StrObj **localnames; /* parameters first: positional, keyword-only, *args, **kwargs */
    int nlocals;
    StrObj **cellnames; /* variables of this code captured by inner functions */
    int ncells;
    int *cell2arg;      /* per cell: the parameter it starts as, or -1 */
    StrObj **freenames; /* variables captured from outer functions */
    int nfrees;
    int argcount;        /* positional parameters, including positional-only */
    int posonlyargcount; /* positional-only parameters */
    int kwonlyargcount;
    int flags;     /* CO_* */
    int stacksize; /* maximum depth of the value stack */
    int nslots;    /* nlocals + ncells + nfrees + stacksize */
    ExcEntry *exc_table;
    int nexc;
    GlobalCache *gcache;
    int ngcache;
    StrObj *name, *qualname, *filename;
    int firstline;
    Value doc; /* the docstring, or None */
};

/* ---------------------------------------------------------------- functions and cells */

typedef struct CellObj {
    Obj hdr;
    Value ref; /* V_NULL when empty */
} CellObj;

typedef struct FunctionObj {
    Obj hdr;
    CodeObj *code;
    DictObj *globals;
    TupleObj *defaults;  /* or NULL */
    DictObj *kwdefaults; /* or NULL */
    TupleObj *closure;   /* cells for the code's free variables, or NULL */
    StrObj *name, *qualname;
    Value module;  /* __module__ */
    Value doc;     /* __doc__ */
    DictObj *dict; /* other attributes (functools.wraps sets __wrapped__), or NULL */
} FunctionObj;

/* ---------------------------------------------------------------- frames */

/* The exception being handled (what sys.exc_info() would return) in one context: the
 * program's base context and each running generator have one; they chain while a generator
 * runs, so a raise inside it sees the handled exception of its caller as a fallback. */
typedef struct ExcInfo {
    Value exc; /* V_NONE when nothing is handled */
    struct ExcInfo *prev;
} ExcInfo;

typedef struct GenObj GenObj;

/* An activation record. Frames are not Python objects; they belong to the VM while they
 * run and to a generator while it is suspended. slots[] holds the locals, the cells, the
 * free variables and then the value stack. */
struct FrameObj {
    CodeObj *code;     /* strong */
    FunctionObj *func; /* strong: globals, closure */
    DictObj *globals;  /* borrowed from func */
    DictObj *locals;   /* namespace of class and module bodies (strong), else NULL */
    FrameObj *back;    /* the caller while running */
    GenObj *gen;       /* owning generator/coroutine, or NULL (borrowed) */
    uint32_t *ip;      /* next instruction */
    Value *sp;         /* top of the value stack (one past the last item) */
    bool is_entry;     /* returning from it returns from the C call that ran it */
    int capacity;      /* slots allocated (free list size class) */
    Value slots[];
};

/* Index of the instruction being executed (or that yielded) in a frame. */
static inline int frame_lasti(const FrameObj *f) {
    return (int)(f->ip - f->code->code) - 1;
}

/* ---------------------------------------------------------------- generators */

typedef enum { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_CLOSED } GenState;

/* Generator, coroutine or async generator: owns its frame while suspended. */
struct GenObj {
    Obj hdr;
    FrameObj *frame; /* NULL once finished */
    CodeObj *code;   /* strong */
    StrObj *name, *qualname;
    GenState state;
    ExcInfo exc_state;        /* exception being handled inside the generator */
    bool yielded_async_value; /* async generator: the last yield was YV_ASYNC_GEN */
    bool running_async;       /* async generator: an asend/athrow is in progress */
    bool closed_async;        /* async generator: aclose() finished it */
};

/* The object of `await x` for an async generator step (asend/athrow/aclose). */
typedef struct AsendObj {
    Obj hdr;
    GenObj *gen;
    Value value; /* to send (asend) or the exception to throw (athrow) */
    int kind;    /* 0 asend, 1 athrow, 2 aclose */
    int state;   /* 0 init, 1 iter, 2 closed */
} AsendObj;

/* Coroutine wrapper returned by coroutine.__await__(). */
typedef struct CoroWrapperObj {
    Obj hdr;
    GenObj *coro;
} CoroWrapperObj;

/* ---------------------------------------------------------------- between vm.c, gen.c, func.c */

/* vm.c: releases a frame that has finished (its locals and stack) back to the free list. */
void frame_release(VM *vm, FrameObj *f);

/* vm.c: runs frame f (ready to start, or to resume with the sent value already pushed) as
 * an entry frame until it returns (*yielded false) or yields (*yielded true). Returns the
 * value (new reference), or V_NULL with the exception pending when it raised. With
 * `throwing`, the pending exception is raised at the frame's current instruction first. The
 * caller owns f before and after (a generator keeps it; vm_call releases it). */
Value vm_run_frame(VM *vm, FrameObj *f, bool throwing, bool *yielded);

/* vm.c: runs a module's code with `globals` as its namespace. */
Value vm_run_module(VM *vm, CodeObj *code, DictObj *globals);

/* vm.c: the special method `name` of o's type, bound to o (CPython's _PyObject_LookupSpecial);
 * V_NULL without an exception when absent. */
Value vm_lookup_special(VM *vm, Value o, StrObj *name);

/* vm.c: the StopIteration value of the pending exception (taken), for iterator protocols;
 * returns false (exception still pending) when the exception is not a StopIteration. */
bool vm_take_stop_iteration(VM *vm, Value *value);

/* vm.c: adds the position of frame f to the traceback of the pending exception. */
void vm_traceback_here(VM *vm, FrameObj *f);

/* func.c: a new function of `code` in `globals` (name, qualname, module and doc set). */
FunctionObj *function_new(VM *vm, CodeObj *code, DictObj *globals);

/* func.c: a new cell holding v (borrowed; V_NULL for an empty cell). */
CellObj *cell_new(VM *vm, Value v);

/* func.c: a traceback entry for the instruction `lasti` of `code`, in front of `next`. */
TracebackObj *traceback_new(VM *vm, CodeObj *code, int lasti, TracebackObj *next);

/* gen.c: the result of sending into an iterator (CPython's PySendResult). */
typedef enum { SEND_RETURN, SEND_NEXT, SEND_ERROR } SendResult;

/* gen.c: the generator, coroutine or async generator running frame f (stolen). */
Value gen_new(VM *vm, FrameObj *f);

/* gen.c: resumes g with `arg` (or, with exc, raises the pending exception in it).
 * *result is the yielded or returned value (new reference) or V_NULL on SEND_ERROR. */
SendResult gen_send_ex(VM *vm, GenObj *g, Value arg, bool exc, Value *result);

/* gen.c: CPython's PyIter_Send: generators and coroutines directly, other iterators by
 * __next__ (arg None) or send(arg); StopIteration becomes SEND_RETURN. */
SendResult vm_send(VM *vm, Value iter, Value arg, Value *result);

/* gen.c: what a suspended generator delegates to (yield from / await), borrowed, or V_NULL. */
Value gen_yf(GenObj *g);

/* gen.c: the iterator that `await o` drives (CPython's _PyCoro_GetAwaitableIter); raises
 * TypeError and returns V_NULL when o is not awaitable. */
Value coro_get_awaitable_iter(VM *vm, Value o);

/* gen.c: the awaitable of `async for` on an async generator (its __anext__). */
Value async_gen_anext(VM *vm, GenObj *g);

/* gen.c: is v a generator / coroutine / async generator object (exact types)? */
bool is_gen(VM *vm, Value v);
bool is_coro(VM *vm, Value v);
bool is_async_gen(VM *vm, Value v);

/* gen.c / func.c: create the types of vm->types they own. */
bool gen_types_init(VM *vm);
bool func_types_init(VM *vm);

#endif

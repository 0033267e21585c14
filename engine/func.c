/*
 * func.c - the Python types of the interpreter's objects: function, code, cell and
 * traceback (their reprs, attributes and lifetimes), and interp_types_init, which creates
 * them together with gen.c's generator types.
 *
 * Not for: calling functions (vm.c) or generators (gen.c).
 */
#include <string.h>

#include "code.h"
#include "objimpl.h"

/* ================================================================ function */

FunctionObj *function_new(VM *vm, CodeObj *code, DictObj *globals) {
    FunctionObj *fn = (FunctionObj *)obj_alloc(vm, vm->types.function, sizeof(FunctionObj));
    if (!fn)
        return NULL;
    obj_incref(&code->hdr);
    fn->code = code;
    obj_incref(&globals->hdr);
    fn->globals = globals;
    obj_incref(&code->name->hdr);
    fn->name = code->name;
    obj_incref(&code->qualname->hdr);
    fn->qualname = code->qualname;
    Value mod = dict_get_str(globals, vm->names.__name__);
    fn->module = IS_NULL(mod) ? VNONE : v_incref(mod);
    fn->doc = v_incref(code->doc);
    return fn;
}

static void function_clear(VM *vm, Obj *o) {
    FunctionObj *fn = (FunctionObj *)o;
    Obj *objs[] = {&fn->globals->hdr, (Obj *)fn->defaults, (Obj *)fn->kwdefaults,
                   (Obj *)fn->closure, (Obj *)fn->dict};
    fn->globals = NULL;
    fn->defaults = NULL;
    fn->kwdefaults = NULL;
    fn->closure = NULL;
    fn->dict = NULL;
    Value module = fn->module, doc = fn->doc;
    fn->module = VNONE;
    fn->doc = VNONE;
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++)
        if (objs[i])
            obj_decref(vm, objs[i]);
    v_decref(vm, module);
    v_decref(vm, doc);
}

static void function_dealloc(VM *vm, Obj *o) {
    FunctionObj *fn = (FunctionObj *)o;
    if (fn->globals)
        function_clear(vm, o);
    obj_decref(vm, &fn->code->hdr);
    obj_decref(vm, &fn->name->hdr);
    obj_decref(vm, &fn->qualname->hdr);
}

static void visit_obj(VM *vm, Obj *o, VisitFn visit, void *arg) {
    if (o)
        visit(vm, VOBJ(o), arg);
}

static void function_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    FunctionObj *fn = (FunctionObj *)o;
    visit_obj(vm, &fn->code->hdr, visit, arg);
    visit_obj(vm, (Obj *)fn->globals, visit, arg);
    visit_obj(vm, (Obj *)fn->defaults, visit, arg);
    visit_obj(vm, (Obj *)fn->kwdefaults, visit, arg);
    visit_obj(vm, (Obj *)fn->closure, visit, arg);
    visit_obj(vm, (Obj *)fn->dict, visit, arg);
    visit(vm, fn->module, arg);
    visit(vm, fn->doc, arg);
}

static StrObj *function_repr(VM *vm, Value self) {
    FunctionObj *fn = (FunctionObj *)AS_OBJ(self);
    return str_printf(vm, "<function %s at 0x%012llx>", fn->qualname->data,
                      (unsigned long long)obj_fake_address(vm, AS_OBJ(self)));
}

static Value function_descr_get(VM *vm, Value descr, Value obj, TypeObj *owner) {
    (void)owner;
    if (IS_NULL(obj))
        return v_incref(descr);
    return method_new(vm, descr, obj);
}

static Value function_call(VM *vm, Value self, Value *args, int nargs, TupleObj *kwnames) {
    return vm_call(vm, self, args, nargs, kwnames);
}

static Value opt_value(Obj *o) {
    if (!o)
        return VNONE;
    obj_incref(o);
    return VOBJ(o);
}

static Value function_getattr(VM *vm, Value self, StrObj *name) {
    FunctionObj *fn = (FunctionObj *)AS_OBJ(self);
    if (str_eq_cstr(name, "__name__"))
        return opt_value(&fn->name->hdr);
    if (str_eq_cstr(name, "__qualname__"))
        return opt_value(&fn->qualname->hdr);
    if (str_eq_cstr(name, "__module__"))
        return v_incref(fn->module);
    if (str_eq_cstr(name, "__doc__"))
        return v_incref(fn->doc);
    if (str_eq_cstr(name, "__code__"))
        return opt_value(&fn->code->hdr);
    if (str_eq_cstr(name, "__globals__"))
        return opt_value(&fn->globals->hdr);
    if (str_eq_cstr(name, "__defaults__"))
        return opt_value((Obj *)fn->defaults);
    if (str_eq_cstr(name, "__kwdefaults__"))
        return opt_value((Obj *)fn->kwdefaults);
    if (str_eq_cstr(name, "__closure__"))
        return opt_value((Obj *)fn->closure);
    if (str_eq_cstr(name, "__dict__")) {
        if (!fn->dict && !(fn->dict = dict_new(vm)))
            return VNULL;
        return opt_value(&fn->dict->hdr);
    }
    if (fn->dict) {
        Value v = dict_get_str(fn->dict, name);
        if (!IS_NULL(v))
            return v_incref(v);
    }
    return generic_getattr(vm, self, name);
}

/* __name__ and __qualname__ must be str; CPython's messages. */
static int set_str_field(VM *vm, StrObj **field, Value v, const char *what) {
    if (IS_NULL(v) || !IS_STR(vm, v)) {
        vm_raise(vm, vm->exc_types.TypeError, "%s must be set to a string object", what);
        return -1;
    }
    StrObj *old = *field;
    obj_incref(AS_OBJ(v));
    *field = (StrObj *)AS_OBJ(v);
    obj_decref(vm, &old->hdr);
    return 0;
}

static int function_setattr(VM *vm, Value self, StrObj *name, Value v) {
    FunctionObj *fn = (FunctionObj *)AS_OBJ(self);
    if (str_eq_cstr(name, "__name__"))
        return set_str_field(vm, &fn->name, v, "__name__");
    if (str_eq_cstr(name, "__qualname__"))
        return set_str_field(vm, &fn->qualname, v, "__qualname__");
    Value *field = str_eq_cstr(name, "__module__") ? &fn->module
                   : str_eq_cstr(name, "__doc__")  ? &fn->doc
                                                   : NULL;
    if (field) {
        Value old = *field;
        *field = IS_NULL(v) ? VNONE : v_incref(v);
        v_decref(vm, old);
        return 0;
    }
    if (!fn->dict && !(fn->dict = dict_new(vm)))
        return -1;
    if (IS_NULL(v)) {
        int r = dict_del(vm, fn->dict, VOBJ(name));
        if (r == 0)
            vm_raise(vm, vm->exc_types.AttributeError, "'function' object has no attribute '%s'",
                     name->data);
        return r > 0 ? 0 : -1;
    }
    return dict_set_str(vm, fn->dict, name, v);
}

/* ================================================================ code */

static void free_names(VM *vm, StrObj **names, int n) {
    if (!names)
        return;
    for (int i = 0; i < n; i++)
        obj_xdecref(vm, (Obj *)names[i]);
    ls_free(vm, names, (size_t)n * sizeof *names);
}

static void code_clear(VM *vm, Obj *o) {
    CodeObj *co = (CodeObj *)o;
    Value *consts = co->consts;
    int n = co->nconsts;
    co->consts = NULL;
    co->nconsts = 0;
    for (int i = 0; i < n; i++)
        v_decref(vm, consts[i]);
    if (consts)
        ls_free(vm, consts, (size_t)n * sizeof(Value));
}

static void code_dealloc(VM *vm, Obj *o) {
    CodeObj *co = (CodeObj *)o;
    code_clear(vm, o);
    ls_free(vm, co->code, 0);
    ls_free(vm, co->pos, 0);
    ls_free(vm, co->stmt_start, 0);
    free_names(vm, co->names, co->nnames);
    free_names(vm, co->localnames, co->nlocals);
    free_names(vm, co->cellnames, co->ncells);
    free_names(vm, co->freenames, co->nfrees);
    if (co->cell2arg)
        ls_free(vm, co->cell2arg, 0);
    if (co->exc_table)
        ls_free(vm, co->exc_table, 0);
    if (co->gcache)
        ls_free(vm, co->gcache, 0);
    obj_xdecref(vm, (Obj *)co->name);
    obj_xdecref(vm, (Obj *)co->qualname);
    obj_xdecref(vm, (Obj *)co->filename);
    v_decref(vm, co->doc);
}

static void code_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    CodeObj *co = (CodeObj *)o;
    for (int i = 0; i < co->nconsts; i++)
        visit(vm, co->consts[i], arg);
}

static StrObj *code_repr(VM *vm, Value self) {
    CodeObj *co = (CodeObj *)AS_OBJ(self);
    return str_printf(vm, "<code object %s at 0x%012llx, file \"%s\", line %d>", co->name->data,
                      (unsigned long long)obj_fake_address(vm, AS_OBJ(self)), co->filename->data,
                      co->firstline);
}

static Value names_tuple(VM *vm, StrObj **names, int n) {
    TupleObj *t = tuple_new(vm, (size_t)n);
    if (!t)
        return VNULL;
    for (int i = 0; i < n; i++)
        t->items[i] = v_incref(VOBJ(names[i]));
    return VOBJ(t);
}

static Value code_getattr(VM *vm, Value self, StrObj *name) {
    CodeObj *co = (CodeObj *)AS_OBJ(self);
    if (str_eq_cstr(name, "co_name"))
        return opt_value(&co->name->hdr);
    if (str_eq_cstr(name, "co_qualname"))
        return opt_value(&co->qualname->hdr);
    if (str_eq_cstr(name, "co_filename"))
        return opt_value(&co->filename->hdr);
    if (str_eq_cstr(name, "co_firstlineno"))
        return VINT(co->firstline);
    if (str_eq_cstr(name, "co_argcount"))
        return VINT(co->argcount);
    if (str_eq_cstr(name, "co_kwonlyargcount"))
        return VINT(co->kwonlyargcount);
    if (str_eq_cstr(name, "co_posonlyargcount"))
        return VINT(co->posonlyargcount);
    if (str_eq_cstr(name, "co_varnames"))
        return names_tuple(vm, co->localnames, co->nlocals);
    if (str_eq_cstr(name, "co_cellvars"))
        return names_tuple(vm, co->cellnames, co->ncells);
    if (str_eq_cstr(name, "co_freevars"))
        return names_tuple(vm, co->freenames, co->nfrees);
    if (str_eq_cstr(name, "co_flags")) {
        /* CPython's values: OPTIMIZED|NEWLOCALS for functions, then the kind flags */
        int64_t flags = (co->flags & (CO_MODULE | CO_CLASSBODY)) ? 0 : 3;
        flags |= (co->flags & CO_VARARGS) ? 4 : 0;
        flags |= (co->flags & CO_VARKEYWORDS) ? 8 : 0;
        flags |= (co->flags & CO_GENERATOR) ? 0x20 : 0;
        flags |= (co->flags & CO_COROUTINE) ? 0x80 : 0;
        flags |= (co->flags & CO_ASYNC_GENERATOR) ? 0x200 : 0;
        return VINT(flags);
    }
    return generic_getattr(vm, self, name);
}

/* ================================================================ cell */

CellObj *cell_new(VM *vm, Value v) {
    CellObj *c = (CellObj *)obj_alloc(vm, vm->types.cell, sizeof(CellObj));
    if (c)
        c->ref = v_incref(v);
    return c;
}

static void cell_clear(VM *vm, Obj *o) {
    CellObj *c = (CellObj *)o;
    Value v = c->ref;
    c->ref = VNULL;
    v_decref(vm, v);
}

static void cell_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    CellObj *c = (CellObj *)o;
    if (!IS_NULL(c->ref))
        visit(vm, c->ref, arg);
}

static StrObj *cell_repr(VM *vm, Value self) {
    CellObj *c = (CellObj *)AS_OBJ(self);
    unsigned long long addr = (unsigned long long)obj_fake_address(vm, AS_OBJ(self));
    if (IS_NULL(c->ref))
        return str_printf(vm, "<cell at 0x%012llx: empty>", addr);
    unsigned long long target =
        IS_OBJ(c->ref) ? (unsigned long long)obj_fake_address(vm, AS_OBJ(c->ref)) : 0;
    return str_printf(vm, "<cell at 0x%012llx: %s object at 0x%012llx>", addr,
                      val_type_name(vm, c->ref), target);
}

static Value cell_getattr(VM *vm, Value self, StrObj *name) {
    CellObj *c = (CellObj *)AS_OBJ(self);
    if (str_eq_cstr(name, "cell_contents")) {
        if (IS_NULL(c->ref))
            return vm_raise(vm, vm->exc_types.ValueError, "Cell is empty");
        return v_incref(c->ref);
    }
    return generic_getattr(vm, self, name);
}

/* ================================================================ traceback */

TracebackObj *traceback_new(VM *vm, CodeObj *code, int lasti, TracebackObj *next) {
    TracebackObj *tb = (TracebackObj *)obj_alloc(vm, vm->types.traceback, sizeof(TracebackObj));
    if (!tb)
        return NULL;
    obj_incref(&code->hdr);
    tb->code = code;
    if (next)
        obj_incref(&next->hdr);
    tb->next = next;
    if (lasti < 0 || lasti >= code->ncode) {
        tb->line = tb->end_line = code->firstline;
        tb->col = tb->end_col = -1;
    } else {
        SrcPos p = code->pos[lasti];
        tb->line = p.line;
        tb->end_line = p.end_line;
        tb->col = p.col;
        tb->end_col = p.end_col;
    }
    return tb;
}

static void traceback_clear(VM *vm, Obj *o) {
    TracebackObj *tb = (TracebackObj *)o;
    Obj *objs[] = {(Obj *)tb->next, (Obj *)tb->globals, (Obj *)tb->local_names};
    FrameObj *f = tb->frame;
    tb->next = NULL;
    tb->globals = NULL;
    tb->local_names = NULL;
    tb->frame = NULL;
    if (f)
        frame_release(vm, f);
    for (int i = 0; i < 3; i++)
        obj_xdecref(vm, objs[i]);
}

static void traceback_dealloc(VM *vm, Obj *o) {
    TracebackObj *tb = (TracebackObj *)o;
    traceback_clear(vm, o);
    obj_decref(vm, &tb->code->hdr);
}

static void traceback_traverse(VM *vm, Obj *o, VisitFn visit, void *arg) {
    TracebackObj *tb = (TracebackObj *)o;
    visit_obj(vm, (Obj *)tb->next, visit, arg);
    visit_obj(vm, &tb->code->hdr, visit, arg);
    visit_obj(vm, (Obj *)tb->globals, visit, arg);
    visit_obj(vm, (Obj *)tb->local_names, visit, arg);
    if (tb->frame) {
        FrameObj *f = tb->frame;
        if (f->func)
            visit(vm, VOBJ(f->func), arg);
        if (f->locals)
            visit(vm, VOBJ(f->locals), arg);
        for (Value *p = f->slots; p < f->sp; p++)
            if (!IS_NULL(*p))
                visit(vm, *p, arg);
    }
}

static Value traceback_getattr(VM *vm, Value self, StrObj *name) {
    TracebackObj *tb = (TracebackObj *)AS_OBJ(self);
    if (str_eq_cstr(name, "tb_lineno"))
        return VINT(tb->line);
    if (str_eq_cstr(name, "tb_next"))
        return opt_value((Obj *)tb->next);
    if (str_eq_cstr(name, "tb_frame"))
        return VNONE;
    return generic_getattr(vm, self, name);
}

/* ================================================================ types */

static TypeObj *new_type(VM *vm, const char *name, size_t size) {
    return type_new_builtin(vm, name, NULL, size, 0);
}

bool func_types_init(VM *vm) {
    TypeObj *t = vm->types.function = new_type(vm, "function", sizeof(FunctionObj));
    if (!t)
        return false;
    t->dealloc = function_dealloc;
    t->traverse = function_traverse;
    t->clear = function_clear;
    t->repr = function_repr;
    t->descr_get = function_descr_get;
    t->call = function_call;
    t->getattr = function_getattr;
    t->setattr = function_setattr;

    t = vm->types.code = new_type(vm, "code", sizeof(CodeObj));
    if (!t)
        return false;
    t->dealloc = code_dealloc;
    t->traverse = code_traverse;
    t->clear = code_clear;
    t->repr = code_repr;
    t->getattr = code_getattr;

    t = vm->types.cell = new_type(vm, "cell", sizeof(CellObj));
    if (!t)
        return false;
    t->dealloc = cell_clear;
    t->traverse = cell_traverse;
    t->clear = cell_clear;
    t->repr = cell_repr;
    t->getattr = cell_getattr;

    t = vm->types.traceback = new_type(vm, "traceback", sizeof(TracebackObj));
    if (!t)
        return false;
    t->dealloc = traceback_dealloc;
    t->traverse = traceback_traverse;
    t->clear = traceback_clear;
    t->getattr = traceback_getattr;

    TypeObj *types[] = {vm->types.function, vm->types.code, vm->types.cell, vm->types.traceback};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (!type_ready(vm, types[i]))
            return false;
    return true;
}

bool interp_types_init(VM *vm) {
    return func_types_init(vm) && gen_types_init(vm);
}

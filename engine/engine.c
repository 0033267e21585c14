/*
 * engine.c - the public API of loopscope.h: engine lifetime, running a program from source
 * to exit status the way `python3 FILE` would, and the version.
 *
 * A run is: parse (syntax errors printed as CPython prints them) -> compile (compile-time
 * SyntaxErrors likewise) -> run the module as __main__ -> report an uncaught exception
 * (SystemExit sets the status, KeyboardInterrupt is an interruption, anything else prints
 * its traceback) -> tear down __main__ like CPython's finalization, so objects die and the
 * warnings they cause appear in the same order.
 *
 * Not for: the interpreter (vm.c), the object model, or any I/O (output goes to the
 * config's write callback).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aio.h"
#include "compiler.h"

/* vm.c: frees the recycled frames. */
void vm_free_frames(VM *vm);

struct LsEngine {
    VM vm;            /* first: the engine is the VM's context */
    ExcInfo base_exc; /* the exception handled outside any generator */
};

static void discard_output(void *user, LsStream stream, const char *text, size_t len) {
    (void)user;
    (void)stream;
    (void)text;
    (void)len;
}

void ls_config_init(LsConfig *config) {
    memset(config, 0, sizeof *config);
    config->write = discard_output;
    config->max_steps = 2000000000ULL;
    config->max_depth = 1000;
    config->gc_threshold = LS_GC_THRESHOLD;
}

/* The engine struct itself comes from calloc: the allocator it would use lives inside it. */
LsEngine *ls_engine_new(const LsConfig *config) {
    LsEngine *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    VM *vm = &e->vm;
    vm->config = *config;
    vm->gc_threshold = config->gc_threshold ? config->gc_threshold : LS_GC_THRESHOLD;
    vm->bytes_limit = config->memory_limit; /* 0: objects_init sets the default budget */
    if (!vm->config.write)
        vm->config.write = discard_output;
    vm->exc = VNULL;
    e->base_exc.exc = VNONE;
    vm->exc_info = &e->base_exc;
    if (!objects_init(vm) || !interp_types_init(vm) || !builtins_init(vm) || !modules_init(vm)) {
        ls_engine_delete(e);
        return NULL;
    }
    return e;
}

void ls_engine_delete(LsEngine *e) {
    if (!e)
        return;
    VM *vm = &e->vm;
    v_decref(vm, e->base_exc.exc);
    e->base_exc.exc = VNONE;
    obj_xdecref(vm, (Obj *)vm->warned);
    vm->warned = NULL;
    vm->step_limit_hit = true; /* teardown: finalizers must not run Python code any more */
    aio_free(vm);              /* before objects_free: asyncio holds references */
    objects_free(vm);
    vm_free_frames(vm);
    free(e);
}

int ls_exit_status(const LsEngine *e) {
    return e->vm.exit_status;
}

size_t ls_bytes_allocated(const LsEngine *e) {
    return e->vm.bytes_allocated;
}

const char *ls_version(void) {
    return "loopscope " LS_VERSION;
}

/* ================================================================ errors of the text */

static void write_str(VM *vm, LsStream stream, const char *s);

static LsResult report_diag(VM *vm, const Diag *d) {
    if (d->kind == DIAG_NONE) { /* a parser bug: it failed without saying why */
        write_str(vm, LS_STDERR, "loopscope: internal error: the parser failed silently\n");
        vm->exit_status = 70;
        return LS_INTERNAL;
    }
    char small[4096];
    char *buf = small;
    size_t n = diag_format(d, vm->filename, vm->source, vm->source_len, small, sizeof small);
    if (n >= sizeof small) { /* a long source line: CPython prints all of it */
        buf = ls_alloc(vm, n + 1);
        if (buf) {
            diag_format(d, vm->filename, vm->source, vm->source_len, buf, n + 1);
        } else {
            buf = small;
            n = sizeof small - 1;
        }
    }
    vm_write(vm, LS_STDERR, buf, n);
    if (buf != small)
        ls_free(vm, buf, n + 1);
    if (d->kind == DIAG_UNSUPPORTED) {
        vm->exit_status = 2;
        return LS_UNSUPPORTED;
    }
    vm->exit_status = 1;
    return LS_SYNTAX_ERROR;
}

static void write_str(VM *vm, LsStream stream, const char *s) {
    vm_write(vm, stream, s, strlen(s));
}

/* ================================================================ uncaught exceptions */

/* SystemExit: CPython's handle_system_exit. */
static LsResult system_exit(VM *vm, Value exc) {
    Value code = obj_getattr(vm, exc, vm->names.code);
    if (IS_NULL(code)) {
        vm_exc_clear(vm);
        code = VNONE;
    }
    if (IS_NONE(code)) {
        vm->exit_status = 0;
    } else if (code.kind == V_INT || code.kind == V_BOOL) {
        vm->exit_status = (int)(code.as.i & 0xff);
    } else {
        StrObj *s = obj_str(vm, code);
        if (s) {
            vm_write(vm, LS_STDERR, s->data, s->len);
            obj_decref(vm, &s->hdr);
        } else {
            vm_exc_clear(vm);
        }
        write_str(vm, LS_STDERR, "\n");
        vm->exit_status = 1;
    }
    v_decref(vm, code);
    return LS_EXIT;
}

static LsResult step_limit_message(VM *vm) {
    char buf[512];
    snprintf(buf, sizeof buf,
             "loopscope: stopped after %llu steps at %s:%d (an infinite loop?); raise the limit "
             "with --max-steps\n",
             (unsigned long long)vm->config.max_steps, vm->filename, vm->step_limit_line);
    write_str(vm, LS_STDERR, buf);
    vm->exit_status = 3;
    return LS_STEP_LIMIT;
}

static LsResult uncaught(VM *vm) {
    if (vm->aio && vm->aio->idle_forever) { /* asyncio stopped a loop that would hang */
        vm_exc_clear(vm);
        write_str(vm, LS_STDERR, "loop idle forever\n");
        vm->exit_status = 3;
        return LS_IDLE_FOREVER;
    }
    if (vm->step_limit_hit) {
        vm_exc_clear(vm);
        return step_limit_message(vm);
    }
    if (IS_NULL(vm->exc)) /* a bug: some C code failed without raising (CPython's wording) */
        vm_raise(vm, vm->exc_types.SystemError, "error return without exception set");
    Value exc = vm_exc_take(vm);
    LsResult r;
    if (val_isinstance(vm, exc, vm->exc_types.SystemExit)) {
        r = system_exit(vm, exc);
    } else {
        vm_print_exception(vm, exc);
        bool interrupted = val_isinstance(vm, exc, vm->exc_types.KeyboardInterrupt);
        vm->exit_status = interrupted ? 130 : 1;
        r = interrupted ? LS_INTERRUPTED : LS_ERROR;
    }
    v_decref(vm, exc);
    return r;
}

/* ================================================================ __main__ */

static bool set_global(VM *vm, DictObj *g, const char *name, Value v) {
    bool ok = !IS_NULL(v) && dict_set_cstr(vm, g, name, v) == 0;
    v_decref(vm, v);
    return ok;
}

/* The __main__ module, registered in sys.modules, with CPython's initial globals. */
static Value main_module(VM *vm) {
    Value m = module_new(vm, "__main__");
    if (IS_NULL(m))
        return VNULL;
    DictObj *g = ((ModuleObj *)AS_OBJ(m))->dict;
    StrObj *file = str_from_cstr(vm, vm->filename);
    Value builtins = VNULL;
    if (vm->modules) {
        builtins = dict_get_str(vm->modules, vm->names.__builtins__);
        if (IS_NULL(builtins)) {
            StrObj *b = str_intern(vm, "builtins");
            builtins = b ? dict_get_str(vm->modules, b) : VNULL;
            obj_xdecref(vm, (Obj *)b);
        }
    }
    if (IS_NULL(builtins))
        builtins = VOBJ(vm->builtins);
    bool ok = file && set_global(vm, g, "__file__", VOBJ(file)) &&
              set_global(vm, g, "__doc__", VNONE) &&
              set_global(vm, g, "__builtins__", v_incref(builtins)) &&
              (!vm->modules || dict_set_str(vm, vm->modules, vm->names.__main__, m) == 0);
    if (!ok) {
        v_decref(vm, m);
        return VNULL;
    }
    return m;
}

/* CPython's _PyModule_Clear at exit: first names starting with one underscore, then the
 * rest (not __builtins__), each set to None in order, so objects die in that order. */
static void clear_module_dict(VM *vm, DictObj *d) {
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < d->nentries; i++) {
            Value k = d->entries[i].key;
            if (!IS_OBJ(k) || AS_OBJ(k)->type != vm->types.str || IS_NONE(d->entries[i].value))
                continue;
            const char *s = ((StrObj *)AS_OBJ(k))->data;
            bool underscore = s[0] == '_' && s[1] != '_';
            if ((pass == 0) != underscore || strcmp(s, "__builtins__") == 0)
                continue;
            Value old = d->entries[i].value;
            d->entries[i].value = VNONE;
            v_decref(vm, old);
            if (!IS_NULL(vm->exc))
                vm_exc_clear(vm);
        }
    }
}

static void flush_stream(VM *vm, Value stream) {
    if (IS_NULL(stream))
        return;
    Value r = vm_call_method(vm, stream, "flush", NULL, 0);
    v_decref(vm, r);
    vm_exc_clear(vm);
}

/* End of a run: flush the program's streams, then let __main__'s objects die. */
static void finish_run(VM *vm, Value module) {
    flush_stream(vm, vm->sys_stdout);
    flush_stream(vm, vm->sys_stderr);
    if (IS_NULL(module))
        return;
    vm->frame = NULL; /* warnings at exit say "sys:1" */
    if (vm->modules)
        dict_del(vm, vm->modules, VOBJ(vm->names.__main__));
    vm_exc_clear(vm);
    aio_at_exit(vm); /* CPython's exit-time collection finalizes tasks with globals intact */
    clear_module_dict(vm, ((ModuleObj *)AS_OBJ(module))->dict);
    v_decref(vm, module);
}

LsResult ls_run_source(LsEngine *e, const char *filename, const char *source, size_t length) {
    VM *vm = &e->vm;
    vm->c_stack_base = vm_c_stack_address();
    vm->filename = filename;
    vm->source = source;
    vm->source_len = length;
    vm->exit_status = 0;
    Ast ast;
    memset(&ast, 0, sizeof ast);
    if (!ast_parse(&ast, source, length)) {
        LsResult r = report_diag(vm, &ast.diag);
        ast_free(&ast);
        return r;
    }
    Diag diag;
    CodeObj *code = compile_module(vm, ast.root, filename, source, length, &diag);
    ast_free(&ast);
    if (!code) {
        if (diag.kind != DIAG_NONE)
            return report_diag(vm, &diag);
        return uncaught(vm);
    }
    Value module = aio_parse_directives(vm, source, length) ? main_module(vm) : VNULL;
    LsResult r = LS_OK;
    if (IS_NULL(module)) {
        r = uncaught(vm);
    } else {
        Value v = vm_run_module(vm, code, ((ModuleObj *)AS_OBJ(module))->dict);
        if (IS_NULL(v))
            r = uncaught(vm);
        v_decref(vm, v);
    }
    obj_decref(vm, &code->hdr);
    finish_run(vm, module);
    vm->c_stack_base = 0; /* a later call may come from another stack */
    return r;
}

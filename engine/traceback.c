/*
 * traceback.c - vm_print_exception: an uncaught exception printed exactly as CPython 3.11's
 * default hook prints it (Python/pythonrun.c and Python/traceback.c): chained causes and
 * contexts, "File ..., line N, in f" entries with the source line and the ^^^/~~~^^^~~~
 * indicators, folded recursion ("[Previous line repeated N more times]"), and the final
 * line with "Did you mean" suggestions for NameError and AttributeError
 * (Python/suggestions.c).
 *
 * Not for: building tracebacks (vm.c adds an entry per frame as an exception unwinds).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "code.h"
#include "objimpl.h"

enum { TB_RECURSIVE_CUTOFF = 3, TB_LIMIT = 1000, SOURCE_INDENT = 4 };

/* ================================================================ source lines */

/* The text of line `line` of the running program (without its newline); NULL if absent. */
static const char *find_line(VM *vm, int line, size_t *len) {
    const char *p = vm->source, *end = vm->source + vm->source_len;
    if (!p || line < 1)
        return NULL;
    for (int l = 1; l < line; p++) {
        if (p >= end)
            return NULL;
        if (*p == '\n')
            l++;
    }
    if (p >= end)
        return NULL;
    const char *e = p;
    while (e < end && *e != '\n')
        e++;
    *len = (size_t)(e - p);
    return p;
}

static bool is_ws(char c) {
    return c == ' ' || c == '\t' || c == '\f';
}

/* Number of code points in s[0..n). */
static int char_count(const char *s, size_t n) {
    int chars = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            chars++;
    return chars;
}

/* Byte offset of character index `ch` in s (len bytes). */
static size_t byte_of_char(const char *s, size_t len, int ch) {
    size_t i = 0;
    for (int c = 0; i < len; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (c == ch)
                return i;
            c++;
        }
    }
    return len;
}

/* ================================================================ indicators */

/* CPython's extract_anchors_from_line: parses the failing segment and, for a binary
 * operation or a subscript, finds the range to mark with ^ inside the ~ range. Offsets in
 * and out are character offsets in the line. */
static bool extract_anchors(const char *line, size_t len, int start, int end, int *left, int *right,
                            char *primary, char *secondary) {
    size_t bs = byte_of_char(line, len, start), be = byte_of_char(line, len, end);
    const char *seg = line + bs;
    size_t seglen = be - bs;
    Ast ast;
    memset(&ast, 0, sizeof ast);
    bool found = false;
    if (ast_parse(&ast, seg, seglen) && ast.root->u.module.body.len == 1) {
        const Node *st = ast.root->u.module.body.items[0];
        const Node *e = st->kind == N_EXPR ? st->u.expr.value : NULL;
        if (e && e->kind == N_BINOP) {
            for (int i = e->u.binop.left->end_col; i < e->u.binop.right->col; i++) {
                if (is_ws(seg[i]))
                    continue;
                *left = i;
                *right = i + 1;
                if (i + 1 < e->u.binop.right->col && !is_ws(seg[i + 1]))
                    ++*right;
                found = true;
                break;
            }
        } else if (e && e->kind == N_SUBSCRIPT) {
            *left = e->u.subscript.value->end_col;
            *right = e->u.subscript.slice->end_col + 1;
            found = true;
        }
    }
    ast_free(&ast);
    if (found) {
        *left = char_count(seg, (size_t)*left < seglen ? (size_t)*left : seglen) + start;
        *right = char_count(seg, (size_t)*right < seglen ? (size_t)*right : seglen) + start;
        *primary = '~';
        *secondary = '^';
    }
    return found;
}

/* Where output goes and how deep in an exception group it is (CPython's
 * exception_print_context): lines inside a group get an indent and a "| " margin. */
typedef struct {
    VM *vm;
    StrBuf *sb;
    Obj **seen; /* exceptions already printed (cycles in chains) */
    size_t nseen, capseen;
    int group_depth;
    bool need_close;
} PrintCtx;

enum { MAX_GROUP_WIDTH = 15, MAX_GROUP_DEPTH = 10 };

/* _Py_WriteIndentedMargin. */
static void indented_margin(PrintCtx *p, int indent, const char *margin) {
    for (int i = 0; i < indent; i++)
        sb_add(p->vm, p->sb, " ", 1);
    if (margin)
        sb_adds(p->vm, p->sb, margin);
}

static void margin(PrintCtx *p) {
    indented_margin(p, 2 * p->group_depth, p->group_depth ? "| " : "");
}

/* The source line of an entry and, unless it would mark the whole line, the indicators. */
static void print_source(PrintCtx *p, TracebackObj *tb) {
    VM *vm = p->vm;
    StrBuf *sb = p->sb;
    size_t len;
    /* Only the program's own source is at hand (not the embedded asyncio library's). */
    if (vm->filename && !str_eq_cstr(tb->code->filename, vm->filename))
        return;
    const char *line = find_line(vm, tb->line, &len);
    if (!line)
        return;
    size_t lead = 0;
    while (lead < len && is_ws(line[lead]))
        lead++;
    if (lead == len)
        return;
    margin(p);
    sb_adds(vm, sb, "    ");
    sb_add(vm, sb, line + lead, len - lead);
    sb_adds(vm, sb, "\n");
    if (tb->col < 0 || tb->end_col < 0 || tb->end_line < 0)
        return;
    int line_chars = char_count(line, len);
    int truncation = char_count(line, lead) - SOURCE_INDENT;
    int start = char_count(line, (size_t)tb->col < len ? (size_t)tb->col : len);
    int end = char_count(line, (size_t)tb->end_col < len ? (size_t)tb->end_col : len);
    int left = -1, right = -1;
    char primary = '^', secondary = '^';
    if (tb->line == tb->end_line) {
        extract_anchors(line, len, start, end, &left, &right, &primary, &secondary);
    } else {
        int i = (int)len;
        while (--i >= 0 && is_ws(line[i]))
            ;
        end = char_count(line, (size_t)(i + 1));
    }
    bool special = left != -1 || right != -1;
    if (end - start == line_chars - truncation - SOURCE_INDENT && !special)
        return;
    margin(p);
    for (int offset = truncation + 1; offset <= end; offset++) {
        char ch = offset <= start                               ? ' '
                  : special && left < offset && offset <= right ? secondary
                                                                : primary;
        sb_add(vm, sb, &ch, 1);
    }
    sb_adds(vm, sb, "\n");
}

static void print_entry(PrintCtx *p, TracebackObj *tb) {
    margin(p);
    sb_printf(p->vm, p->sb, "  File \"%s\", line %d, in %s\n", tb->code->filename->data, tb->line,
              tb->code->name->data);
    print_source(p, tb);
}

/* (CPython writes this line without the group margin.) */
static void print_repeated(PrintCtx *p, long cnt) {
    cnt -= TB_RECURSIVE_CUTOFF;
    sb_printf(p->vm, p->sb, "  [Previous line repeated %ld more time%s]\n", cnt,
              cnt > 1 ? "s" : "");
}

/* CPython's tb_printinternal: the last TB_LIMIT entries, runs of the same line folded. */
static void print_traceback(PrintCtx *p, TracebackObj *tb, bool group) {
    long depth = 0;
    for (TracebackObj *t = tb; t; t = t->next)
        depth++;
    while (tb && depth > TB_LIMIT) {
        depth--;
        tb = tb->next;
    }
    const char *header_margin = p->group_depth ? "| " : "";
    if (group && p->group_depth == 1)
        header_margin = "+ ";
    indented_margin(p, 2 * p->group_depth, header_margin);
    sb_adds(p->vm, p->sb,
            group ? "Exception Group Traceback (most recent call last):\n"
                  : "Traceback (most recent call last):\n");
    StrObj *last_file = NULL, *last_name = NULL;
    int last_line = -1;
    long cnt = 0;
    for (; tb; tb = tb->next) {
        CodeObj *co = tb->code;
        if (!last_file || !str_eq(co->filename, last_file) || tb->line != last_line || !last_name ||
            !str_eq(co->name, last_name)) {
            if (cnt > TB_RECURSIVE_CUTOFF)
                print_repeated(p, cnt);
            last_file = co->filename;
            last_line = tb->line;
            last_name = co->name;
            cnt = 0;
        }
        cnt++;
        if (cnt <= TB_RECURSIVE_CUTOFF)
            print_entry(p, tb);
    }
    if (cnt > TB_RECURSIVE_CUTOFF)
        print_repeated(p, cnt);
}

/* ================================================================ suggestions */

enum { MAX_CANDIDATE_ITEMS = 750, MAX_STRING_SIZE = 40, MOVE_COST = 2, CASE_COST = 1 };

static int substitution_cost(char a, char b) {
    if ((a & 31) != (b & 31))
        return MOVE_COST;
    if (a == b)
        return 0;
    if (a >= 'A' && a <= 'Z')
        a += 'a' - 'A';
    if (b >= 'A' && b <= 'Z')
        b += 'a' - 'A';
    return a == b ? CASE_COST : MOVE_COST;
}

/* Python/suggestions.c's levenshtein_distance, with its early exits. */
static size_t levenshtein(const char *a, size_t a_size, const char *b, size_t b_size,
                          size_t max_cost) {
    size_t buffer[MAX_STRING_SIZE];
    if (a == b)
        return 0;
    while (a_size && b_size && a[0] == b[0]) {
        a++, b++;
        a_size--, b_size--;
    }
    while (a_size && b_size && a[a_size - 1] == b[b_size - 1])
        a_size--, b_size--;
    if (a_size == 0 || b_size == 0)
        return (a_size + b_size) * MOVE_COST;
    if (a_size > MAX_STRING_SIZE || b_size > MAX_STRING_SIZE)
        return max_cost + 1;
    if (b_size < a_size) {
        const char *t = a;
        a = b;
        b = t;
        size_t ts = a_size;
        a_size = b_size;
        b_size = ts;
    }
    if ((b_size - a_size) * MOVE_COST > max_cost)
        return max_cost + 1;
    size_t tmp = MOVE_COST;
    for (size_t i = 0; i < a_size; i++) {
        buffer[i] = tmp;
        tmp += MOVE_COST;
    }
    size_t result = 0;
    for (size_t bi = 0; bi < b_size; bi++) {
        char code = b[bi];
        size_t distance = result = bi * MOVE_COST;
        size_t minimum = SIZE_MAX;
        for (size_t i = 0; i < a_size; i++) {
            size_t substitute = distance + (size_t)substitution_cost(code, a[i]);
            distance = buffer[i];
            size_t insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            buffer[i] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}

/* A list of candidate names (borrowed StrObj pointers). */
typedef struct {
    StrObj **items;
    size_t n, cap;
} NameList;

static void names_add(VM *vm, NameList *ns, Value key) {
    if (!IS_OBJ(key) || AS_OBJ(key)->type != vm->types.str)
        return;
    if (ns->n == ns->cap) {
        size_t cap = ns->cap ? ns->cap * 2 : 64;
        StrObj **p = ls_alloc(vm, cap * sizeof *p);
        if (!p)
            return;
        if (ns->items) {
            memcpy(p, ns->items, ns->n * sizeof *p);
            ls_free(vm, ns->items, ns->cap * sizeof *p);
        }
        ns->items = p;
        ns->cap = cap;
    }
    ns->items[ns->n++] = (StrObj *)AS_OBJ(key);
}

static void names_add_dict(VM *vm, NameList *ns, DictObj *d) {
    size_t pos = 0;
    Value k, v;
    while (d && dict_next(d, &pos, &k, &v))
        names_add(vm, ns, k);
}

static void names_free(VM *vm, NameList *ns) {
    if (ns->items)
        ls_free(vm, ns->items, ns->cap * sizeof *ns->items);
    memset(ns, 0, sizeof *ns);
}

/* calculate_suggestions: the closest candidate within a third of the characters. */
static StrObj *best_suggestion(NameList *ns, StrObj *name) {
    if (ns->n >= MAX_CANDIDATE_ITEMS)
        return NULL;
    size_t best_distance = SIZE_MAX;
    StrObj *best = NULL;
    for (size_t i = 0; i < ns->n; i++) {
        StrObj *item = ns->items[i];
        if (str_eq(item, name))
            continue;
        size_t max_distance = (name->len + item->len + 3) * MOVE_COST / 6;
        if (best_distance - 1 < max_distance)
            max_distance = best_distance - 1;
        size_t d = levenshtein(name->data, name->len, item->data, item->len, max_distance);
        if (d > max_distance)
            continue;
        if (!best || d < best_distance) {
            best = item;
            best_distance = d;
        }
    }
    return best;
}

static int cmp_names(const void *a, const void *b) {
    const StrObj *x = *(StrObj *const *)a, *y = *(StrObj *const *)b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->data, y->data, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* dir(obj): sorted names of the instance dict, the module dict or the type's MRO. */
static void collect_dir(VM *vm, NameList *ns, Value obj) {
    TypeObj *t = val_type(vm, obj);
    if (t == vm->types.module) {
        names_add_dict(vm, ns, ((ModuleObj *)AS_OBJ(obj))->dict);
    } else {
        TypeObj *start = t;
        if (type_is_subtype(t, vm->types.type))
            start = (TypeObj *)AS_OBJ(obj);
        else if ((t->flags & TF_HAS_DICT) && IS_OBJ(obj))
            names_add_dict(vm, ns, ((InstanceObj *)AS_OBJ(obj))->dict);
        for (TypeObj *k = start; k; k = k->base)
            names_add_dict(vm, ns, k->dict);
    }
    if (ns->n)
        qsort(ns->items, ns->n, sizeof *ns->items, cmp_names);
    size_t w = 0;
    for (size_t i = 0; i < ns->n; i++)
        if (w == 0 || !str_eq(ns->items[w - 1], ns->items[i]))
            ns->items[w++] = ns->items[i];
    ns->n = w;
}

static Value exc_attr(ExcObj *e, const char *name) {
    if (!e->dict)
        return VNULL;
    size_t pos = 0;
    Value k, v;
    while (dict_next(e->dict, &pos, &k, &v))
        if (IS_OBJ(k) && str_eq_cstr((StrObj *)AS_OBJ(k), name))
            return v;
    return VNULL;
}

static StrObj *name_error_suggestion(VM *vm, ExcObj *e, StrObj *name) {
    TracebackObj *tb = (TracebackObj *)e->traceback;
    if (!tb)
        return NULL;
    while (tb->next)
        tb = tb->next;
    NameList ns = {0};
    for (int i = 0; i < tb->code->nlocals; i++)
        names_add(vm, &ns, VOBJ(tb->code->localnames[i]));
    StrObj *s = best_suggestion(&ns, name);
    ns.n = 0;
    if (!s && tb->globals) {
        names_add_dict(vm, &ns, tb->globals);
        s = best_suggestion(&ns, name);
        ns.n = 0;
    }
    if (!s) {
        names_add_dict(vm, &ns, vm->builtins);
        s = best_suggestion(&ns, name);
    }
    names_free(vm, &ns);
    return s;
}

/* CPython's _Py_Offer_Suggestions (exact NameError / AttributeError only). */
static StrObj *suggestion(VM *vm, Value exc) {
    ExcObj *e = (ExcObj *)AS_OBJ(exc);
    TypeObj *t = e->hdr.type;
    if (t != vm->exc_types.NameError && t != vm->exc_types.AttributeError)
        return NULL;
    Value name = exc_attr(e, "name");
    if (IS_NULL(name) || !IS_STR(vm, name))
        return NULL;
    if (t == vm->exc_types.NameError)
        return name_error_suggestion(vm, e, (StrObj *)AS_OBJ(name));
    Value obj = exc_attr(e, "obj");
    if (IS_NULL(obj))
        return NULL;
    NameList ns = {0};
    collect_dir(vm, &ns, obj);
    StrObj *s = best_suggestion(&ns, (StrObj *)AS_OBJ(name));
    names_free(vm, &ns);
    return s;
}

/* ================================================================ the exception line */

static void print_message(PrintCtx *p, Value exc) {
    VM *vm = p->vm;
    StrBuf *sb = p->sb;
    margin(p);
    TypeObj *t = val_type(vm, exc);
    if (t->module && !str_eq_cstr(t->module, "builtins") && !str_eq_cstr(t->module, "__main__"))
        sb_printf(vm, sb, "%s.", t->module->data);
    sb_adds(vm, sb, t->qualname ? t->qualname->data : t->name->data);
    Value pending = vm_exc_take(vm);
    StrObj *s = obj_str(vm, exc);
    if (!s) {
        vm_exc_clear(vm);
        sb_adds(vm, sb, ": <exception str() failed>");
    } else {
        if (s->len)
            sb_adds(vm, sb, ": ");
        sb_add(vm, sb, s->data, s->len);
        obj_decref(vm, &s->hdr);
    }
    StrObj *sug = suggestion(vm, exc);
    if (sug)
        sb_printf(vm, sb, ". Did you mean: '%s'?", sug->data);
    sb_adds(vm, sb, "\n");
    vm->exc = pending;
}

/* ================================================================ chains */

static bool seen_has(PrintCtx *p, Obj *o) {
    for (size_t i = 0; i < p->nseen; i++)
        if (p->seen[i] == o)
            return true;
    return false;
}

static void seen_add(PrintCtx *p, Obj *o) {
    if (p->nseen == p->capseen) {
        size_t cap = p->capseen ? p->capseen * 2 : 16;
        Obj **n = ls_alloc(p->vm, cap * sizeof *n);
        if (!n)
            return;
        if (p->seen) {
            memcpy(n, p->seen, p->nseen * sizeof *n);
            ls_free(p->vm, p->seen, p->capseen * sizeof *n);
        }
        p->seen = n;
        p->capseen = cap;
    }
    p->seen[p->nseen++] = o;
}

static bool is_exception(Value v) {
    return IS_OBJ(v) && (AS_OBJ(v)->type->flags & TF_EXCEPTION);
}

static bool is_group(VM *vm, Value v) {
    return val_isinstance(vm, v, vm->exc_types.BaseExceptionGroup);
}

/* add_note() notes: one line each, after the message. */
static void print_notes(PrintCtx *p, ExcObj *e) {
    Value notes = exc_attr(e, "__notes__");
    if (IS_NULL(notes) || !IS_LIST(p->vm, notes))
        return;
    ListObj *l = AS_LIST(notes);
    for (size_t i = 0; i < l->len; i++) {
        StrObj *s = obj_str(p->vm, l->items[i]);
        if (!s) {
            vm_exc_clear(p->vm);
            continue;
        }
        margin(p);
        sb_add(p->vm, p->sb, s->data, s->len);
        sb_adds(p->vm, p->sb, "\n");
        obj_decref(p->vm, &s->hdr);
    }
}

/* CPython's print_exception: traceback, then the "Type: message" line. */
static void print_one(PrintCtx *p, Value exc) {
    if (!is_exception(exc)) {
        print_message(p, exc);
        return;
    }
    ExcObj *e = (ExcObj *)AS_OBJ(exc);
    if (e->traceback)
        print_traceback(p, (TracebackObj *)e->traceback, is_group(p->vm, exc));
    print_message(p, exc);
    print_notes(p, e);
}

static void print_recursive(PrintCtx *p, Value exc, int depth);

static void print_chained(PrintCtx *p, Value exc, const char *message, int depth) {
    bool need_close = p->need_close;
    print_recursive(p, exc, depth + 1);
    p->need_close = need_close;
    margin(p);
    sb_adds(p->vm, p->sb, "\n");
    margin(p);
    sb_adds(p->vm, p->sb, message);
    margin(p);
    sb_adds(p->vm, p->sb, "\n");
}

static void print_cause_and_context(PrintCtx *p, ExcObj *e, int depth) {
    seen_add(p, &e->hdr);
    if (depth > 100)
        return;
    if (e->cause) {
        if (!seen_has(p, e->cause))
            print_chained(p, VOBJ(e->cause),
                          "The above exception was the direct cause of the following "
                          "exception:\n",
                          depth);
    } else if (e->context && !e->suppress_context && !seen_has(p, e->context)) {
        print_chained(p, VOBJ(e->context),
                      "During handling of the above exception, another exception "
                      "occurred:\n",
                      depth);
    }
}

/* CPython's print_exception_group: the group, then each sub-exception in a box. */
static void print_group(PrintCtx *p, Value exc, int depth) {
    VM *vm = p->vm;
    if (p->group_depth > MAX_GROUP_DEPTH) {
        margin(p);
        sb_printf(vm, p->sb, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
        return;
    }
    if (p->group_depth == 0)
        p->group_depth++;
    print_one(p, exc);
    Value excs = exc_attr((ExcObj *)AS_OBJ(exc), "exceptions");
    size_t num = IS_NULL(excs) || !IS_TUPLE(vm, excs) ? 0 : AS_TUPLE(excs)->len;
    size_t n = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
    p->need_close = false;
    for (size_t i = 0; i < n; i++) {
        bool last = i == n - 1, truncated = i >= MAX_GROUP_WIDTH;
        if (last)
            p->need_close = true;
        indented_margin(p, 2 * p->group_depth, NULL);
        if (!truncated)
            sb_printf(vm, p->sb, "%s+---------------- %zu ----------------\n", i == 0 ? "+-" : "  ",
                      i + 1);
        else
            sb_printf(vm, p->sb, "%s+---------------- ... ----------------\n",
                      i == 0 ? "+-" : "  ");
        p->group_depth++;
        if (!truncated) {
            print_recursive(p, AS_TUPLE(excs)->items[i], depth + 1);
        } else {
            size_t rest = num - MAX_GROUP_WIDTH;
            margin(p);
            sb_printf(vm, p->sb, "and %zu more exception%s\n", rest, rest > 1 ? "s" : "");
        }
        if (last && p->need_close) {
            indented_margin(p, 2 * p->group_depth, NULL);
            sb_adds(vm, p->sb, "+------------------------------------\n");
            p->need_close = false;
        }
        p->group_depth--;
    }
    if (p->group_depth == 1)
        p->group_depth--;
}

static void print_recursive(PrintCtx *p, Value exc, int depth) {
    if (is_exception(exc))
        print_cause_and_context(p, (ExcObj *)AS_OBJ(exc), depth);
    if (is_exception(exc) && is_group(p->vm, exc))
        print_group(p, exc, depth);
    else
        print_one(p, exc);
}

void vm_print_exception(VM *vm, Value exc) {
    StrBuf sb;
    sb_init(&sb);
    PrintCtx p = {.vm = vm, .sb = &sb};
    print_recursive(&p, exc, 0);
    if (p.seen)
        ls_free(vm, p.seen, p.capseen * sizeof *p.seen);
    if (sb.data)
        vm_write(vm, LS_STDERR, sb.data, sb.len);
    sb_free(vm, &sb);
}

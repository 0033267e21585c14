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
static bool extract_anchors(const char *line, size_t len, int start, int end, int *left,
                            int *right, char *primary, char *secondary) {
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

/* The source line of an entry and, unless it would mark the whole line, the indicators. */
static void print_source(VM *vm, StrBuf *sb, TracebackObj *tb) {
    size_t len;
    const char *line = find_line(vm, tb->line, &len);
    if (!line)
        return;
    size_t lead = 0;
    while (lead < len && is_ws(line[lead]))
        lead++;
    if (lead == len)
        return;
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
    for (int offset = truncation + 1; offset <= end; offset++) {
        char ch = offset <= start                                    ? ' '
                  : special && left < offset && offset <= right ? secondary
                                                                     : primary;
        sb_add(vm, sb, &ch, 1);
    }
    sb_adds(vm, sb, "\n");
}

static void print_entry(VM *vm, StrBuf *sb, TracebackObj *tb) {
    sb_printf(vm, sb, "  File \"%s\", line %d, in %s\n", tb->code->filename->data, tb->line,
              tb->code->name->data);
    print_source(vm, sb, tb);
}

static void print_repeated(VM *vm, StrBuf *sb, long cnt) {
    cnt -= TB_RECURSIVE_CUTOFF;
    sb_printf(vm, sb, "  [Previous line repeated %ld more time%s]\n", cnt, cnt > 1 ? "s" : "");
}

/* CPython's tb_printinternal: the last TB_LIMIT entries, runs of the same line folded. */
static void print_traceback(VM *vm, StrBuf *sb, TracebackObj *tb) {
    long depth = 0;
    for (TracebackObj *t = tb; t; t = t->next)
        depth++;
    while (tb && depth > TB_LIMIT) {
        depth--;
        tb = tb->next;
    }
    sb_adds(vm, sb, "Traceback (most recent call last):\n");
    StrObj *last_file = NULL, *last_name = NULL;
    int last_line = -1;
    long cnt = 0;
    for (; tb; tb = tb->next) {
        CodeObj *co = tb->code;
        if (!last_file || !str_eq(co->filename, last_file) || tb->line != last_line ||
            !last_name || !str_eq(co->name, last_name)) {
            if (cnt > TB_RECURSIVE_CUTOFF)
                print_repeated(vm, sb, cnt);
            last_file = co->filename;
            last_line = tb->line;
            last_name = co->name;
            cnt = 0;
        }
        cnt++;
        if (cnt <= TB_RECURSIVE_CUTOFF)
            print_entry(vm, sb, tb);
    }
    if (cnt > TB_RECURSIVE_CUTOFF)
        print_repeated(vm, sb, cnt);
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

static void print_message(VM *vm, StrBuf *sb, Value exc) {
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

typedef struct {
    Obj **seen;
    size_t n, cap;
} Seen;

static bool seen_has(Seen *s, Obj *o) {
    for (size_t i = 0; i < s->n; i++)
        if (s->seen[i] == o)
            return true;
    return false;
}

static void seen_add(VM *vm, Seen *s, Obj *o) {
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        Obj **p = ls_alloc(vm, cap * sizeof *p);
        if (!p)
            return;
        if (s->seen) {
            memcpy(p, s->seen, s->n * sizeof *p);
            ls_free(vm, s->seen, s->cap * sizeof *p);
        }
        s->seen = p;
        s->cap = cap;
    }
    s->seen[s->n++] = o;
}

static bool is_exception(Value v) {
    return IS_OBJ(v) && (AS_OBJ(v)->type->flags & TF_EXCEPTION);
}

/* CPython's print_exception_recursive: causes and contexts first, oldest first. */
static void print_recursive(VM *vm, StrBuf *sb, Value exc, Seen *seen, int depth) {
    if (!is_exception(exc)) {
        print_message(vm, sb, exc);
        return;
    }
    ExcObj *e = (ExcObj *)AS_OBJ(exc);
    seen_add(vm, seen, &e->hdr);
    if (depth < 100) {
        if (e->cause && !seen_has(seen, e->cause)) {
            print_recursive(vm, sb, VOBJ(e->cause), seen, depth + 1);
            sb_adds(vm, sb, "\nThe above exception was the direct cause of the following "
                            "exception:\n\n");
        } else if (e->context && !e->suppress_context && !seen_has(seen, e->context)) {
            print_recursive(vm, sb, VOBJ(e->context), seen, depth + 1);
            sb_adds(vm, sb, "\nDuring handling of the above exception, another exception "
                            "occurred:\n\n");
        }
    }
    if (e->traceback)
        print_traceback(vm, sb, (TracebackObj *)e->traceback);
    print_message(vm, sb, exc);
}

void vm_print_exception(VM *vm, Value exc) {
    StrBuf sb;
    sb_init(&sb);
    Seen seen = {0};
    print_recursive(vm, &sb, exc, &seen, 0);
    if (seen.seen)
        ls_free(vm, seen.seen, seen.cap * sizeof *seen.seen);
    if (sb.data)
        vm_write(vm, LS_STDERR, sb.data, sb.len);
    sb_free(vm, &sb);
}

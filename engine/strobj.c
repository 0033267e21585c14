/*
 * strobj.c - the core of `str`: creation, interning, hashing, equality and ordering,
 * concatenation and repetition, repr with CPython's quoting, indexing/slicing by code point,
 * `in`, len, iteration, and the StrBuf builder used by every repr in the engine.
 *
 * Strings are UTF-8 with a cached code-point count; an all-ASCII string indexes by byte.
 * Not for: the str methods (split, join, format ...): strmethods.c adds them to
 * vm->types.str with type_add_method; `str % x` is its str_mod.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "objimpl.h"

/* ---------------------------------------------------------------- creation */

static size_t count_chars(const char *s, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* An uninitialised string of `len` bytes (caller fills data and calls str_finish_raw). */
static StrObj *str_alloc(VM *vm, size_t len) {
    StrObj *s = (StrObj *)obj_alloc(vm, vm->types.str, sizeof(StrObj) + len + 1);
    if (!s)
        return NULL;
    s->hash = -1;
    s->len = len;
    return s;
}

static StrObj *str_finish_raw(StrObj *s) {
    s->data[s->len] = '\0';
    s->nchars = count_chars(s->data, s->len);
    s->ascii = s->nchars == s->len;
    return s;
}

StrObj *str_new(VM *vm, const char *utf8, size_t len) {
    if (len <= 1 && vm->memo) {
        if (len == 0 && vm->memo->empty) {
            obj_incref(&vm->memo->empty->hdr);
            return vm->memo->empty;
        }
        if (len == 1 && (unsigned char)utf8[0] < 128 && vm->memo->chars[(int)utf8[0]]) {
            StrObj *c = vm->memo->chars[(int)utf8[0]];
            obj_incref(&c->hdr);
            return c;
        }
    }
    StrObj *s = str_alloc(vm, len);
    if (!s)
        return NULL;
    memcpy(s->data, utf8, len);
    return str_finish_raw(s);
}

StrObj *str_from_cstr(VM *vm, const char *s) {
    return str_new(vm, s, strlen(s));
}

StrObj *str_printf(VM *vm, const char *fmt, ...) {
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    if ((size_t)n < sizeof small)
        return str_new(vm, small, (size_t)n);
    StrObj *s = str_alloc(vm, (size_t)n);
    if (!s)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(s->data, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return str_finish_raw(s);
}

/* The string of one code point given as UTF-8 bytes; one-byte ones come from a cache. */
static StrObj *str_char(VM *vm, const char *p, size_t n) {
    if (n == 1 && (unsigned char)p[0] < 128) {
        StrObj **slot = &vm->memo->chars[(int)p[0]];
        if (!*slot) {
            *slot = str_alloc(vm, 1);
            if (!*slot)
                return NULL;
            (*slot)->data[0] = p[0];
            str_finish_raw(*slot);
        }
        obj_incref(&(*slot)->hdr);
        return *slot;
    }
    return str_new(vm, p, n);
}

/* ---------------------------------------------------------------- interning */

StrObj *str_intern_obj(VM *vm, StrObj *s) {
    if (s->interned)
        return s;
    Value found = dict_get_str(vm->interned, s);
    if (!IS_NULL(found)) {
        obj_incref(found.as.o);
        obj_decref(vm, &s->hdr);
        return (StrObj *)found.as.o;
    }
    if (dict_set_str(vm, vm->interned, s, VOBJ(s)) < 0) {
        obj_decref(vm, &s->hdr);
        return NULL;
    }
    s->interned = true;
    return s;
}

StrObj *str_intern(VM *vm, const char *cs) {
    StrObj *s = str_from_cstr(vm, cs);
    return s ? str_intern_obj(vm, s) : NULL;
}

/* ---------------------------------------------------------------- comparisons */

bool str_eq(StrObj *a, StrObj *b) {
    if (a == b)
        return true;
    if (a->len != b->len || (a->interned && b->interned))
        return false;
    if (a->hash != -1 && b->hash != -1 && a->hash != b->hash)
        return false;
    return memcmp(a->data, b->data, a->len) == 0;
}

bool str_eq_cstr(StrObj *a, const char *s) {
    size_t n = strlen(s);
    return a->len == n && memcmp(a->data, s, n) == 0;
}

/* FNV-1a, 64-bit. CPython randomizes str hashes per run, so no program can depend on the
 * exact values; only int/float/tuple hashes must match CPython's. */
int64_t str_hash(StrObj *s) {
    if (s->hash != -1)
        return s->hash;
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < s->len; i++) {
        h ^= (unsigned char)s->data[i];
        h *= 0x100000001b3ull;
    }
    int64_t r = (int64_t)(h >> 1); /* non-negative, so never -1 */
    s->hash = r;
    return r;
}

/* UTF-8 byte order is code-point order, so memcmp orders like CPython. */
static int str_cmp(StrObj *a, StrObj *b) {
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->data, b->data, n);
    if (c)
        return c;
    return a->len < b->len ? -1 : a->len > b->len;
}

static Value str_richcompare(VM *vm, Value a, Value b, CmpOp op) {
    if (!val_isinstance(vm, a, vm->types.str) || !val_isinstance(vm, b, vm->types.str))
        return v_incref(vm->not_implemented);
    StrObj *x = AS_STR(a), *y = AS_STR(b);
    if (op == CMP_EQ || op == CMP_NE)
        return VBOOL(str_eq(x, y) == (op == CMP_EQ));
    int c = str_cmp(x, y);
    switch (op) {
    case CMP_LT:
        return VBOOL(c < 0);
    case CMP_LE:
        return VBOOL(c <= 0);
    case CMP_GT:
        return VBOOL(c > 0);
    default:
        return VBOOL(c >= 0);
    }
}

static int str_hash_slot(VM *vm, Value self, int64_t *out) {
    (void)vm;
    *out = str_hash(AS_STR(self));
    return 0;
}

/* ---------------------------------------------------------------- concat, repeat */

StrObj *str_concat(VM *vm, StrObj *a, StrObj *b) {
    if (b->len == 0 || a->len == 0) {
        StrObj *r = a->len == 0 ? b : a;
        obj_incref(&r->hdr);
        return r;
    }
    StrObj *s = str_alloc(vm, a->len + b->len);
    if (!s)
        return NULL;
    memcpy(s->data, a->data, a->len);
    memcpy(s->data + a->len, b->data, b->len);
    s->data[s->len] = '\0';
    s->nchars = a->nchars + b->nchars;
    s->ascii = a->ascii && b->ascii;
    return s;
}

static Value str_repeat(VM *vm, StrObj *s, int64_t n) {
    if (n <= 0 || s->len == 0)
        return VOBJ(str_new(vm, "", 0));
    if (n == 1) {
        obj_incref(&s->hdr);
        return VOBJ(s);
    }
    if ((uint64_t)n > (SIZE_MAX / 2) / s->len)
        return vm_raise(vm, vm->exc_types.MemoryError, "");
    StrObj *r = str_alloc(vm, s->len * (size_t)n);
    if (!r)
        return VNULL;
    for (int64_t i = 0; i < n; i++)
        memcpy(r->data + (size_t)i * s->len, s->data, s->len);
    r->data[r->len] = '\0';
    r->nchars = s->nchars * (size_t)n;
    r->ascii = s->ascii;
    return VOBJ(r);
}

/* Repetition operand: an int or bool (or __index__); 0 when not an integer. */
static Value str_mul(VM *vm, Value s, Value n) {
    int64_t count;
    int r = val_index(vm, n, &count);
    if (r < 0)
        return VNULL;
    if (r == 0)
        return vm_raise(vm, vm->exc_types.TypeError,
                        "can't multiply sequence by non-int of type '%s'", val_type_name(vm, n));
    return str_repeat(vm, AS_STR(s), count);
}

static Value str_binop(VM *vm, BinOp op, Value a, Value b) {
    bool a_str = val_isinstance(vm, a, vm->types.str);
    bool b_str = val_isinstance(vm, b, vm->types.str);
    if (op == BINOP_ADD && a_str && b_str) {
        StrObj *r = str_concat(vm, AS_STR(a), AS_STR(b));
        return r ? VOBJ(r) : VNULL;
    }
    if (op == BINOP_MUL) {
        if (a_str && (!IS_OBJ(b) || !b_str))
            return str_mul(vm, a, b);
        if (b_str && !IS_OBJ(a))
            return str_mul(vm, b, a);
    }
    if (op == BINOP_MOD && a_str)
        return str_mod(vm, a, b);
    return v_incref(vm->not_implemented);
}

/* ---------------------------------------------------------------- indexing */

/* Byte offset of code point `idx` (0 <= idx <= nchars). */
static size_t byte_offset(StrObj *s, size_t idx) {
    if (s->ascii)
        return idx;
    size_t off = 0;
    while (idx > 0 && off < s->len) {
        off++;
        while (off < s->len && ((unsigned char)s->data[off] & 0xC0) == 0x80)
            off++;
        idx--;
    }
    return off;
}

static size_t char_len_at(StrObj *s, size_t off) {
    size_t n = 1;
    while (off + n < s->len && ((unsigned char)s->data[off + n] & 0xC0) == 0x80)
        n++;
    return n;
}

static Value str_slice(VM *vm, StrObj *s, SliceObj *sl) {
    int64_t start, stop, step, count;
    if (!slice_indices(vm, sl, (int64_t)s->nchars, &start, &stop, &step, &count))
        return VNULL;
    if (step == 1) {
        size_t b0 = byte_offset(s, (size_t)start);
        size_t b1 = s->ascii ? (size_t)(start + count) : b0;
        if (!s->ascii)
            for (int64_t i = 0; i < count; i++)
                b1 += char_len_at(s, b1);
        return VOBJ(str_new(vm, s->data + b0, b1 - b0));
    }
    StrBuf sb;
    sb_init(&sb);
    for (int64_t i = 0, idx = start; i < count; i++, idx += step) {
        size_t off = byte_offset(s, (size_t)idx);
        if (!sb_add(vm, &sb, s->data + off, char_len_at(s, off))) {
            sb_free(vm, &sb);
            return VNULL;
        }
    }
    StrObj *r = sb_finish(vm, &sb);
    return r ? VOBJ(r) : VNULL;
}

static Value str_getitem(VM *vm, Value self, Value key) {
    StrObj *s = AS_STR(self);
    int64_t i;
    int r = val_index(vm, key, &i);
    if (r < 0)
        return VNULL;
    if (r == 0) {
        if (is_exact(vm, key, vm->types.slice))
            return str_slice(vm, s, (SliceObj *)key.as.o);
        return vm_raise(vm, vm->exc_types.TypeError, "string indices must be integers, not '%s'",
                        val_type_name(vm, key));
    }
    if (i < 0)
        i += (int64_t)s->nchars;
    if (i < 0 || i >= (int64_t)s->nchars)
        return vm_raise(vm, vm->exc_types.IndexError, "string index out of range");
    size_t off = byte_offset(s, (size_t)i);
    StrObj *c = str_char(vm, s->data + off, char_len_at(s, off));
    return c ? VOBJ(c) : VNULL;
}

static int64_t str_len(VM *vm, Value self) {
    (void)vm;
    return (int64_t)AS_STR(self)->nchars;
}

static int str_contains(VM *vm, Value self, Value item) {
    if (!val_isinstance(vm, item, vm->types.str)) {
        vm_raise(vm, vm->exc_types.TypeError,
                 "'in <string>' requires string as left operand, not %s", val_type_name(vm, item));
        return -1;
    }
    StrObj *s = AS_STR(self), *sub = AS_STR(item);
    if (sub->len == 0)
        return 1;
    if (sub->len > s->len)
        return 0;
    for (size_t i = 0; i + sub->len <= s->len; i++)
        if (s->data[i] == sub->data[0] && memcmp(s->data + i, sub->data, sub->len) == 0)
            return 1;
    return 0;
}

static int str_truthy(VM *vm, Value self) {
    (void)vm;
    return AS_STR(self)->len != 0;
}

/* ---------------------------------------------------------------- repr */

static uint32_t decode_utf8(const unsigned char *p, size_t *n) {
    if (p[0] < 0x80) {
        *n = 1;
        return p[0];
    }
    if ((p[0] & 0xE0) == 0xC0) {
        *n = 2;
        return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    }
    if ((p[0] & 0xF0) == 0xE0) {
        *n = 3;
        return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    *n = 4;
    return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
           ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

/* An approximation of CPython's Py_UNICODE_ISPRINTABLE for non-ASCII code points: the
 * control, format, separator, surrogate and private-use ranges that show up in practice. */
static bool printable_cp(uint32_t c) {
    static const uint32_t ranges[][2] = {
        {0x80, 0xA0},     {0xAD, 0xAD},       {0x600, 0x605},      {0x61C, 0x61C},
        {0x6DD, 0x6DD},   {0x70F, 0x70F},     {0x1680, 0x1680},    {0x180E, 0x180E},
        {0x2000, 0x200F}, {0x2028, 0x202F},   {0x205F, 0x2064},    {0x2066, 0x206F},
        {0x3000, 0x3000}, {0xD800, 0xF8FF},   {0xFEFF, 0xFEFF},    {0xFFF9, 0xFFFB},
        {0xFFFE, 0xFFFF}, {0xE0000, 0xE0FFF}, {0xF0000, 0x10FFFF},
    };
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        if (c >= ranges[i][0] && c <= ranges[i][1])
            return false;
    return true;
}

static bool add_escape(VM *vm, StrBuf *sb, uint32_t c) {
    if (c < 0x100)
        return sb_printf(vm, sb, "\\x%02x", c);
    if (c < 0x10000)
        return sb_printf(vm, sb, "\\u%04x", c);
    return sb_printf(vm, sb, "\\U%08x", c);
}

static bool add_repr_char(VM *vm, StrBuf *sb, const unsigned char *p, size_t n, uint32_t c,
                          char quote) {
    switch (c) {
    case '\\':
        return sb_add(vm, sb, "\\\\", 2);
    case '\n':
        return sb_add(vm, sb, "\\n", 2);
    case '\r':
        return sb_add(vm, sb, "\\r", 2);
    case '\t':
        return sb_add(vm, sb, "\\t", 2);
    default:
        break;
    }
    if (c == (uint32_t)quote)
        return sb_printf(vm, sb, "\\%c", quote);
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && !printable_cp(c)))
        return add_escape(vm, sb, c);
    return sb_add(vm, sb, (const char *)p, n);
}

/* repr(s) into sb: single quotes unless the text has ' and no ", as CPython. */
static bool str_repr_into(VM *vm, StrBuf *sb, StrObj *s) {
    bool has_single = memchr(s->data, '\'', s->len) != NULL;
    bool has_double = memchr(s->data, '"', s->len) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    if (!sb_add(vm, sb, &quote, 1))
        return false;
    const unsigned char *p = (const unsigned char *)s->data, *end = p + s->len;
    while (p < end) {
        size_t n;
        uint32_t c = decode_utf8(p, &n);
        if (!add_repr_char(vm, sb, p, n, c, quote))
            return false;
        p += n;
    }
    return sb_add(vm, sb, &quote, 1);
}

static StrObj *str_repr(VM *vm, Value self) {
    StrBuf sb;
    sb_init(&sb);
    if (!str_repr_into(vm, &sb, AS_STR(self))) {
        sb_free(vm, &sb);
        return NULL;
    }
    return sb_finish(vm, &sb);
}

static StrObj *str_str(VM *vm, Value self) {
    (void)vm;
    StrObj *s = AS_STR(self);
    obj_incref(&s->hdr);
    return s;
}

/* ---------------------------------------------------------------- iteration */

typedef struct {
    Obj hdr;
    StrObj *s;  /* NULL once exhausted */
    size_t off; /* byte offset of the next character */
} StrIterObj;

static Value str_iter(VM *vm, Value self) {
    StrIterObj *it = (StrIterObj *)obj_alloc(vm, vm->types.str_iter, sizeof(StrIterObj));
    if (!it)
        return VNULL;
    it->s = AS_STR(self);
    obj_incref(&it->s->hdr);
    return VOBJ(it);
}

static int str_iter_next(VM *vm, Value self, Value *out) {
    StrIterObj *it = (StrIterObj *)self.as.o;
    if (!it->s)
        return 0;
    if (it->off >= it->s->len) {
        obj_decref(vm, &it->s->hdr);
        it->s = NULL;
        return 0;
    }
    size_t n = char_len_at(it->s, it->off);
    StrObj *c = str_char(vm, it->s->data + it->off, n);
    if (!c)
        return -1;
    it->off += n;
    *out = VOBJ(c);
    return 1;
}

static void str_iter_dealloc(VM *vm, Obj *o) {
    obj_xdecref(vm, (Obj *)((StrIterObj *)o)->s);
}

static Value iter_self(VM *vm, Value self) {
    (void)vm;
    return v_incref(self);
}

/* ---------------------------------------------------------------- constructor */

static Value str_tp_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    static const char *const names[] = {"object", "encoding", "errors"};
    Value a[3];
    (void)type;
    if (!args_bind(vm, "str", args, nargs, kwnames, names, 3, 3, 0, a))
        return VNULL;
    if (IS_NULL(a[0]))
        return VOBJ(str_new(vm, "", 0));
    StrObj *s = obj_str(vm, a[0]);
    return s ? VOBJ(s) : VNULL;
}

/* ---------------------------------------------------------------- StrBuf */

void sb_init(StrBuf *sb) {
    sb->data = NULL;
    sb->len = sb->cap = 0;
}

void sb_free(VM *vm, StrBuf *sb) {
    ls_free(vm, sb->data, sb->cap);
    sb_init(sb);
}

static bool sb_reserve(VM *vm, StrBuf *sb, size_t extra) {
    if (extra > SIZE_MAX / 4 - sb->len) { /* the doubling below would wrap around */
        vm_raise(vm, vm->exc_types.MemoryError, "");
        return false;
    }
    if (sb->len + extra + 1 <= sb->cap)
        return true;
    size_t cap = sb->cap ? sb->cap * 2 : 64;
    while (cap < sb->len + extra + 1)
        cap *= 2;
    char *d = ls_realloc(vm, sb->data, sb->cap, cap);
    if (!d) {
        vm_raise(vm, vm->exc_types.MemoryError, "");
        return false;
    }
    sb->data = d;
    sb->cap = cap;
    return true;
}

bool sb_add(VM *vm, StrBuf *sb, const char *s, size_t n) {
    if (!sb_reserve(vm, sb, n))
        return false;
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
    return true;
}

bool sb_adds(VM *vm, StrBuf *sb, const char *s) {
    return sb_add(vm, sb, s, strlen(s));
}

bool sb_printf(VM *vm, StrBuf *sb, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return true; /* an encoding error in fmt: nothing to add */
    if (!sb_reserve(vm, sb, (size_t)n))
        return false;
    va_start(ap, fmt);
    vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
    return true;
}

static bool sb_add_obj(VM *vm, StrBuf *sb, StrObj *s) {
    if (!s)
        return false;
    bool ok = sb_add(vm, sb, s->data, s->len);
    obj_decref(vm, &s->hdr);
    return ok;
}

bool sb_add_repr(VM *vm, StrBuf *sb, Value v) {
    if (IS_STR(vm, v))
        return str_repr_into(vm, sb, AS_STR(v));
    return sb_add_obj(vm, sb, obj_repr(vm, v));
}

bool sb_add_str(VM *vm, StrBuf *sb, Value v) {
    if (IS_STR(vm, v))
        return sb_add(vm, sb, AS_STR(v)->data, AS_STR(v)->len);
    return sb_add_obj(vm, sb, obj_str(vm, v));
}

StrObj *sb_finish(VM *vm, StrBuf *sb) {
    StrObj *s = str_new(vm, sb->data ? sb->data : "", sb->len);
    sb_free(vm, sb);
    return s;
}

/* ---------------------------------------------------------------- type */

bool str_types_init(VM *vm) {
    TypeObj *t = vm->types.str;
    t->instance_size = sizeof(StrObj);
    t->repr = str_repr;
    t->str = str_str;
    t->hash = str_hash_slot;
    t->richcompare = str_richcompare;
    t->binop = str_binop;
    t->truthy = str_truthy;
    t->len = str_len;
    t->getitem = str_getitem;
    t->contains = str_contains;
    t->iter = str_iter;
    t->tp_new = str_tp_new;
    TypeObj *it = vm->types.str_iter;
    it->instance_size = sizeof(StrIterObj);
    it->dealloc = str_iter_dealloc;
    it->iter = iter_self;
    it->next = str_iter_next;
    vm->memo->empty = str_alloc(vm, 0);
    return vm->memo->empty && str_finish_raw(vm->memo->empty);
}

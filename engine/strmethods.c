/*
 * strmethods.c - the methods of str (join, split, strip, find, replace, center, the is*
 * predicates, case changes ...), str.format with its replacement-field grammar, and the
 * printf-style `%` operator (str_mod), with CPython 3.11's results and messages.
 *
 * Strings are UTF-8 (object.h). Searching works on bytes, which is safe for UTF-8; start/end
 * arguments and results are code point indices, converted at the edges. Character classes
 * and case mapping cover ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic and CJK - the
 * scripts of the teaching material - not the whole Unicode database.
 *
 * Not for: the str type itself, indexing, comparison, repr (strobj.c) nor the format-spec
 * mini-language (format.c).
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "library.h"
#include "objimpl.h"

/* ---------------------------------------------------------------- character classes */

static bool cp_isspace(uint32_t c) {
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

static bool cp_isdecimal(uint32_t c) {
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19) || (c >= 0x660 && c <= 0x669);
}

static bool cp_isdigit(uint32_t c) {
    return cp_isdecimal(c) || c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0x2070 && c <= 0x2079) ||
           (c >= 0x2080 && c <= 0x2089) || (c >= 0x2460 && c <= 0x2468);
}

/* Digits plus fractions, Roman numerals and the CJK numerals (一 二 ... 万 亿 零). */
static bool cp_isnumeric(uint32_t c) {
    static const uint32_t cjk[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
                                   0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x5343, 0x4E07,
                                   0x4EBF, 0x5104, 0x96F6, 0x5146, 0x4EDF, 0x58F9, 0x8D30,
                                   0x53C1, 0x8086, 0x4F0D, 0x9646, 0x67D2, 0x634C, 0x7396,
                                   0x62FE, 0x4F70, 0x5E7A, 0x5169, 0x8CB3, 0x5EFF, 0x5345};
    if (cp_isdigit(c) || (c >= 0xBC && c <= 0xBE) || (c >= 0x2150 && c <= 0x2188) ||
        (c >= 0x2460 && c <= 0x249B) || (c >= 0x3021 && c <= 0x3029))
        return true;
    for (size_t i = 0; i < sizeof cjk / sizeof cjk[0]; i++)
        if (cjk[i] == c)
            return true;
    return false;
}

static bool cp_isupper(uint32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
           (c >= 0x100 && c <= 0x17F && c % 2 == 0 && c != 0x138) ||
           (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) || (c >= 0x400 && c <= 0x42F) ||
           (c >= 0xFF21 && c <= 0xFF3A);
}

static bool cp_islower(uint32_t c) {
    return (c >= 'a' && c <= 'z') || c == 0xB5 || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
           (c >= 0x100 && c <= 0x17F && c % 2 == 1) || (c >= 0x3AC && c <= 0x3CE) ||
           (c >= 0x430 && c <= 0x45F) || (c >= 0xFF41 && c <= 0xFF5A);
}

static bool cp_isalpha(uint32_t c) {
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return cp_isupper(c) || cp_islower(c) || c == 0xAA || c == 0xBA || (c >= 0x180 && c <= 0x2AF) ||
           (c >= 0x370 && c <= 0x3FF && c != 0x37E && c != 0x387) || (c >= 0x400 && c <= 0x481) ||
           (c >= 0x48A && c <= 0x52F) || (c >= 0x3041 && c <= 0x3096) ||
           (c >= 0x309D && c <= 0x309F) || (c >= 0x30A1 && c <= 0x30FA) ||
           (c >= 0x30FC && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

static bool cp_isalnum(uint32_t c) {
    return cp_isalpha(c) || cp_isnumeric(c);
}

static uint32_t cp_upper(uint32_t c) {
    if (c < 0x80)
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    if ((c >= 0xE0 && c <= 0xFE && c != 0xF7) || (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) ||
        (c >= 0x430 && c <= 0x44F) || (c >= 0xFF41 && c <= 0xFF5A))
        return c - 32;
    if (c == 0x3C2)
        return 0x3A3;
    if (c >= 0x450 && c <= 0x45F)
        return c - 80;
    if (c >= 0x101 && c <= 0x17F && c % 2 == 1 && c != 0x131)
        return c - 1;
    return c;
}

static uint32_t cp_lower(uint32_t c) {
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) ||
        (c >= 0x410 && c <= 0x42F) || (c >= 0xFF21 && c <= 0xFF3A))
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    if (c >= 0x100 && c <= 0x17E && c % 2 == 0 && c != 0x130)
        return c + 1;
    return c;
}

static bool cp_iscased(uint32_t c) {
    return cp_isupper(c) || cp_islower(c);
}

/* ---------------------------------------------------------------- helpers */

#define SELF(args) AS_STR((args)[0])

/* The receiver of a str method called through the class (str.upper(5)). */
static bool check_self(VM *vm, const char *name, Value *args, int nargs) {
    if (nargs >= 1 && val_isinstance(vm, args[0], vm->types.str))
        return true;
    if (nargs < 1)
        vm_raise(vm, vm->exc_types.TypeError, "unbound method str.%s() needs an argument", name);
    else
        vm_raise(vm, vm->exc_types.TypeError,
                 "descriptor '%s' for 'str' objects doesn't apply to a '%s' object", name,
                 val_type_name(vm, args[0]));
    return false;
}

/* Receiver check plus between min and max positional arguments after self, no keywords,
 * with the wordings of CPython's argument clinic. */
static bool method_args(VM *vm, const char *name, Value *args, int nargs, TupleObj *kwnames,
                        int min, int max) {
    if (!check_self(vm, name, args, nargs))
        return false;
    int n = nargs - 1;
    TypeObj *te = vm->exc_types.TypeError;
    /* the search methods still use the older "find() takes at least 1 argument" wording */
    bool old_style = strstr("find rfind index rindex count startswith endswith", name) != NULL;
    if (kwnames && kwnames->len > 0)
        vm_raise(vm, te, "str.%s() takes no keyword arguments", name);
    else if (max == 0 && n > 0)
        vm_raise(vm, te, "str.%s() takes no arguments (%d given)", name, n);
    else if (min == 1 && max == 1 && n != 1)
        vm_raise(vm, te, "str.%s() takes exactly one argument (%d given)", name, n);
    else if (n < min && old_style)
        vm_raise(vm, te, "%s() takes at least %d argument%s (%d given)", name, min,
                 min == 1 ? "" : "s", n);
    else if (n > max && old_style)
        vm_raise(vm, te, "%s() takes at most %d argument%s (%d given)", name, max,
                 max == 1 ? "" : "s", n);
    else if (n < min)
        vm_raise(vm, te, "%s expected at least %d argument%s, got %d", name, min,
                 min == 1 ? "" : "s", n);
    else if (n > max)
        vm_raise(vm, te, "%s expected at most %d argument%s, got %d", name, max,
                 max == 1 ? "" : "s", n);
    else
        return true;
    return false;
}

static Value str_value(StrObj *s) {
    return s ? VOBJ(s) : VNULL;
}

/* A new str from bytes. */
static Value new_str(VM *vm, const char *p, size_t n) {
    return str_value(str_new(vm, p, n));
}

/* A str argument or a TypeError "must be str, not int" (with an optional prefix). */
static StrObj *str_arg(VM *vm, Value v, const char *prefix) {
    if (val_isinstance(vm, v, vm->types.str))
        return AS_STR(v);
    vm_raise(vm, vm->exc_types.TypeError, "%smust be str, not %s", prefix, val_type_name(vm, v));
    return NULL;
}

/* Finds needle in hay[from, to) (bytes); returns the byte offset or -1. */
static int64_t find_bytes(const char *hay, size_t from, size_t to, const char *needle, size_t n) {
    if (n == 0)
        return from <= to ? (int64_t)from : -1;
    for (size_t i = from; i + n <= to; i++)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, n) == 0)
            return (int64_t)i;
    return -1;
}

static int64_t rfind_bytes(const char *hay, size_t from, size_t to, const char *needle, size_t n) {
    if (to < from || to - from < n)
        return -1;
    for (size_t i = to - n + 1; i-- > from;)
        if (memcmp(hay + i, needle, n) == 0)
            return (int64_t)i;
    return -1;
}

/* A start/end argument: None or absent keeps the default; negatives count from the end;
 * the result is clamped to [0, len] like a slice bound. */
static bool slice_bound(VM *vm, Value v, int64_t len, int64_t *out) {
    if (IS_NULL(v) || IS_NONE(v))
        return true;
    int64_t i;
    int r = val_index(vm, v, &i);
    if (r < 0)
        return false;
    if (r == 0) {
        vm_raise(vm, vm->exc_types.TypeError,
                 "slice indices must be integers or None or have an __index__ method");
        return false;
    }
    if (i < 0)
        i = i + len < 0 ? 0 : i + len;
    *out = i;
    return true;
}

/* The optional start/end arguments of find/count/startswith as code point indices c0, c1
 * (c1 clamped to the length, c0 not: CPython's ADJUST_INDICES) and as byte offsets b0, b1.
 * Returns 0 when the range is empty with c0 > c1 or c0 past the end (CPython finds nothing,
 * not even ''), 1 otherwise, -1 on error. */
static int byte_range(VM *vm, StrObj *s, Value start, Value end, size_t *b0, size_t *b1,
                      int64_t *c0) {
    int64_t len = (int64_t)s->nchars, c1 = len;
    *c0 = 0;
    if (!slice_bound(vm, start, len, c0) || !slice_bound(vm, end, len, &c1))
        return -1;
    if (c1 > len)
        c1 = len;
    if (*c0 > c1)
        return 0;
    *b0 = utf8_byte_offset(s, (size_t)*c0);
    *b1 = utf8_byte_offset(s, (size_t)c1);
    return 1;
}

/* Reads code point at s[*i] and advances. */
static uint32_t next_cp(const StrObj *s, size_t *i) {
    uint32_t c;
    *i += utf8_decode(s->data + *i, s->len - *i, &c);
    return c;
}

static bool add_cp(VM *vm, StrBuf *sb, uint32_t c) {
    char buf[4];
    return sb_add(vm, sb, buf, utf8_encode(c, buf));
}

static Value finish(VM *vm, StrBuf *sb, bool ok) {
    if (!ok) {
        sb_free(vm, sb);
        return VNULL;
    }
    return str_value(sb_finish(vm, sb));
}

/* ---------------------------------------------------------------- join, split */

/* sep.join(iterable): every item must be a str. */
static Value m_join(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!method_args(vm, "join", args, nargs, kwnames, 1, 1))
        return VNULL;
    Value it = obj_iter(vm, args[1]);
    if (IS_NULL(it)) {
        if (vm_exc_matches(vm, vm->exc_types.TypeError)) {
            vm_exc_clear(vm);
            vm_raise(vm, vm->exc_types.TypeError, "can only join an iterable");
        }
        return VNULL;
    }
    StrBuf sb;
    sb_init(&sb);
    Value item;
    int r;
    bool ok = true;
    for (size_t i = 0; ok && (r = obj_next(vm, it, &item)) == 1; i++) {
        if (!val_isinstance(vm, item, vm->types.str)) {
            vm_raise(vm, vm->exc_types.TypeError,
                     "sequence item %zu: expected str instance, %s found", i,
                     val_type_name(vm, item));
            ok = false;
        } else {
            ok = (i == 0 || sb_add(vm, &sb, SELF(args)->data, SELF(args)->len)) &&
                 sb_add(vm, &sb, AS_STR(item)->data, AS_STR(item)->len);
        }
        v_decref(vm, item);
    }
    v_decref(vm, it);
    return finish(vm, &sb, ok && r == 0);
}

/* Appends s[from, to) to the list. */
static bool push_piece(VM *vm, ListObj *l, const StrObj *s, size_t from, size_t to) {
    StrObj *p = str_new(vm, s->data + from, to - from);
    if (!p)
        return false;
    bool ok = list_append(vm, l, VOBJ(p));
    obj_decref(vm, (Obj *)p);
    return ok;
}

/* Is the code point at byte i whitespace? *len gets its length in bytes. */
static bool space_at(const StrObj *s, size_t i, size_t *len) {
    uint32_t c;
    *len = utf8_decode(s->data + i, s->len - i, &c);
    return cp_isspace(c);
}

/* Byte offset of the code point that ends at byte i (i > 0). */
static size_t prev_char(const StrObj *s, size_t i) {
    do
        i--;
    while (i > 0 && ((unsigned char)s->data[i] & 0xC0) == 0x80);
    return i;
}

static bool space_before(const StrObj *s, size_t i, size_t *start) {
    size_t len;
    *start = prev_char(s, i);
    return space_at(s, *start, &len);
}

/* An int argument (maxsplit, width): TypeError "'str' object cannot be interpreted as an
 * integer" otherwise. Absent (V_NULL) keeps *out. */
static bool int_arg(VM *vm, Value v, int64_t *out) {
    if (IS_NULL(v))
        return true;
    int r = val_index(vm, v, out);
    if (r == 0)
        vm_raise(vm, vm->exc_types.TypeError, "'%s' object cannot be interpreted as an integer",
                 val_type_name(vm, v));
    return r == 1;
}

/* split() without a separator: runs of whitespace separate, none at the ends. */
static bool split_ws(VM *vm, ListObj *l, const StrObj *s, int64_t maxsplit) {
    size_t i = 0, n = s->len, k;
    for (;;) {
        while (i < n && space_at(s, i, &k))
            i += k;
        if (i >= n)
            return true;
        size_t start = i;
        if (maxsplit-- == 0)
            return push_piece(vm, l, s, start, n);
        while (i < n && !space_at(s, i, &k))
            i += k;
        if (!push_piece(vm, l, s, start, i))
            return false;
    }
}

/* rsplit() without a separator; pieces come out last first. */
static bool rsplit_ws(VM *vm, ListObj *l, const StrObj *s, int64_t maxsplit) {
    size_t i = s->len, p;
    for (;;) {
        while (i > 0 && space_before(s, i, &p))
            i = p;
        if (i == 0)
            return true;
        size_t end = i;
        if (maxsplit-- == 0)
            return push_piece(vm, l, s, 0, end);
        while (i > 0 && !space_before(s, i, &p))
            i = p;
        if (!push_piece(vm, l, s, i, end))
            return false;
    }
}

static bool split_sep(VM *vm, ListObj *l, const StrObj *s, const StrObj *sep, int64_t maxsplit) {
    size_t i = 0;
    int64_t pos;
    while (maxsplit-- != 0 && (pos = find_bytes(s->data, i, s->len, sep->data, sep->len)) >= 0) {
        if (!push_piece(vm, l, s, i, (size_t)pos))
            return false;
        i = (size_t)pos + sep->len;
    }
    return push_piece(vm, l, s, i, s->len);
}

static bool rsplit_sep(VM *vm, ListObj *l, const StrObj *s, const StrObj *sep, int64_t maxsplit) {
    size_t end = s->len;
    int64_t pos;
    while (maxsplit-- != 0 && (pos = rfind_bytes(s->data, 0, end, sep->data, sep->len)) >= 0) {
        if (!push_piece(vm, l, s, (size_t)pos + sep->len, end))
            return false;
        end = (size_t)pos;
    }
    return push_piece(vm, l, s, 0, end);
}

static void reverse_list(ListObj *l) {
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        Value t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
}

/* split(sep=None, maxsplit=-1) and rsplit(...). */
static Value do_split(VM *vm, const char *name, bool right, Value *args, int nargs,
                      TupleObj *kwnames) {
    static const char *const names[] = {"sep", "maxsplit"};
    Value a[2];
    int64_t maxsplit = -1;
    if (!check_self(vm, name, args, nargs) ||
        !args_bind(vm, name, args + 1, nargs - 1, kwnames, names, 2, 2, 0, a) ||
        !int_arg(vm, a[1], &maxsplit))
        return VNULL;
    StrObj *sep = NULL;
    if (!IS_NULL(a[0]) && !IS_NONE(a[0])) {
        if (!val_isinstance(vm, a[0], vm->types.str))
            return vm_raise(vm, vm->exc_types.TypeError, "must be str or None, not %s",
                            val_type_name(vm, a[0]));
        sep = AS_STR(a[0]);
    }
    if (sep && sep->len == 0)
        return vm_raise(vm, vm->exc_types.ValueError, "empty separator");
    ListObj *l = list_new(vm, 0);
    if (!l)
        return VNULL;
    StrObj *s = SELF(args);
    bool ok = sep ? (right ? rsplit_sep : split_sep)(vm, l, s, sep, maxsplit)
                  : (right ? rsplit_ws : split_ws)(vm, l, s, maxsplit);
    if (!ok) {
        obj_decref(vm, (Obj *)l);
        return VNULL;
    }
    if (right)
        reverse_list(l);
    return VOBJ(l);
}

static Value m_split(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return do_split(vm, "split", false, args, nargs, kwnames);
}

static Value m_rsplit(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return do_split(vm, "rsplit", true, args, nargs, kwnames);
}

static bool is_line_break(uint32_t c) {
    return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E) ||
           c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* splitlines(keepends=False): \r\n counts as one break. */
static Value m_splitlines(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    static const char *const names[] = {"keepends"};
    Value a[1];
    if (!check_self(vm, "splitlines", args, nargs) ||
        !args_bind(vm, "splitlines", args + 1, nargs - 1, kwnames, names, 1, 1, 0, a))
        return VNULL;
    int keep = IS_NULL(a[0]) ? 0 : obj_truthy(vm, a[0]);
    ListObj *l = keep < 0 ? NULL : list_new(vm, 0);
    if (!l)
        return VNULL;
    StrObj *s = SELF(args);
    size_t i = 0, start = 0;
    bool ok = true;
    while (ok && i < s->len) {
        size_t at = i;
        uint32_t c = next_cp(s, &i);
        if (!is_line_break(c))
            continue;
        if (c == '\r' && i < s->len && s->data[i] == '\n')
            i++;
        ok = push_piece(vm, l, s, start, keep ? i : at);
        start = i;
    }
    if (ok && start < s->len)
        ok = push_piece(vm, l, s, start, s->len);
    if (!ok) {
        obj_decref(vm, (Obj *)l);
        return VNULL;
    }
    return VOBJ(l);
}

/* ---------------------------------------------------------------- strip */

/* Is c among the code points of chars (NULL: whitespace)? */
static bool in_chars(const StrObj *chars, uint32_t c) {
    if (!chars)
        return cp_isspace(c);
    for (size_t i = 0; i < chars->len;)
        if (next_cp(chars, &i) == c)
            return true;
    return false;
}

/* strip/lstrip/rstrip(chars=None): `left`/`right` say which ends. */
static Value do_strip(VM *vm, const char *name, bool left, bool right, Value *args, int nargs,
                      TupleObj *kwnames) {
    if (!method_args(vm, name, args, nargs, kwnames, 0, 1))
        return VNULL;
    const StrObj *chars = NULL;
    if (nargs > 1 && !IS_NONE(args[1])) {
        if (!val_isinstance(vm, args[1], vm->types.str))
            return vm_raise(vm, vm->exc_types.TypeError, "%s arg must be None or str", name);
        chars = AS_STR(args[1]);
    }
    const StrObj *s = SELF(args);
    size_t start = 0, end = s->len, k, p;
    uint32_t c;
    while (left && start < end &&
           (k = utf8_decode(s->data + start, end - start, &c), in_chars(chars, c)))
        start += k;
    while (right && end > start &&
           (p = prev_char(s, end), utf8_decode(s->data + p, end - p, &c), in_chars(chars, c)))
        end = p;
    if (start == 0 && end == s->len)
        return v_incref(args[0]);
    return new_str(vm, s->data + start, end - start);
}

static Value m_strip(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return do_strip(vm, "strip", true, true, args, nargs, kwnames);
}
static Value m_lstrip(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return do_strip(vm, "lstrip", true, false, args, nargs, kwnames);
}
static Value m_rstrip(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return do_strip(vm, "rstrip", false, true, args, nargs, kwnames);
}

/* ---------------------------------------------------------------- case */

typedef enum { CASE_UPPER, CASE_LOWER, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE } CaseOp;

/* Maps each code point; title case follows CPython: a letter after a cased letter is
 * lowered, any other is uppered ("they're" -> "They'Re"). */
static Value change_case(VM *vm, const char *name, CaseOp op, Value *args, int nargs,
                         TupleObj *kwnames) {
    if (!method_args(vm, name, args, nargs, kwnames, 0, 0))
        return VNULL;
    const StrObj *s = SELF(args);
    StrBuf sb;
    sb_init(&sb);
    bool ok = true, prev_cased = false;
    for (size_t i = 0; ok && i < s->len;) {
        bool first = i == 0;
        uint32_t c = next_cp(s, &i), m = c;
        switch (op) {
        case CASE_UPPER:
            m = cp_upper(c);
            break;
        case CASE_LOWER:
            m = cp_lower(c);
            break;
        case CASE_SWAP:
            m = cp_isupper(c) ? cp_lower(c) : cp_upper(c);
            break;
        case CASE_TITLE:
            m = prev_cased ? cp_lower(c) : cp_upper(c);
            break;
        case CASE_CAPITALIZE:
            m = first ? cp_upper(c) : cp_lower(c);
            break;
        }
        prev_cased = cp_iscased(c);
        ok = add_cp(vm, &sb, m);
    }
    return finish(vm, &sb, ok);
}

static Value m_upper(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return change_case(vm, "upper", CASE_UPPER, args, nargs, kwnames);
}
static Value m_lower(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return change_case(vm, "lower", CASE_LOWER, args, nargs, kwnames);
}
static Value m_casefold(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return change_case(vm, "casefold", CASE_LOWER, args, nargs, kwnames);
}
static Value m_swapcase(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return change_case(vm, "swapcase", CASE_SWAP, args, nargs, kwnames);
}
static Value m_title(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return change_case(vm, "title", CASE_TITLE, args, nargs, kwnames);
}
static Value m_capitalize(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return change_case(vm, "capitalize", CASE_CAPITALIZE, args, nargs, kwnames);
}

/* ---------------------------------------------------------------- predicates */

typedef bool (*CpPred)(uint32_t c);

static bool cp_isidstart(uint32_t c) {
    return c == '_' || cp_isalpha(c);
}
static bool cp_isidcontinue(uint32_t c) {
    return c == '_' || cp_isalnum(c);
}
static bool cp_isascii(uint32_t c) {
    return c < 0x80;
}
static bool cp_isprintable(uint32_t c) {
    return !(c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0xAD || c == 0x2028 || c == 0x2029 ||
             (cp_isspace(c) && c != ' '));
}

/* True when s is non-empty (unless empty_ok) and pred holds for every code point. */
static Value all_chars(VM *vm, const char *name, CpPred pred, bool empty_ok, Value *args, int nargs,
                       TupleObj *kwnames) {
    if (!method_args(vm, name, args, nargs, kwnames, 0, 0))
        return VNULL;
    const StrObj *s = SELF(args);
    if (s->len == 0)
        return VBOOL(empty_ok);
    for (size_t i = 0; i < s->len;)
        if (!pred(next_cp(s, &i)))
            return VBOOL(false);
    return VBOOL(true);
}

#define PREDICATE(meth, pred, empty_ok)                                                            \
    static Value m_##meth(VM *vm, Value *args, int nargs, TupleObj *kwnames) {                     \
        return all_chars(vm, #meth, pred, empty_ok, args, nargs, kwnames);                         \
    }
PREDICATE(isdigit, cp_isdigit, false)
PREDICATE(isdecimal, cp_isdecimal, false)
PREDICATE(isnumeric, cp_isnumeric, false)
PREDICATE(isalpha, cp_isalpha, false)
PREDICATE(isalnum, cp_isalnum, false)
PREDICATE(isspace, cp_isspace, false)
PREDICATE(isascii, cp_isascii, true)
PREDICATE(isprintable, cp_isprintable, true)
#undef PREDICATE

/* isupper/islower: at least one cased character and none of the other case. */
static Value cased_check(VM *vm, const char *name, bool upper, Value *args, int nargs,
                         TupleObj *kwnames) {
    if (!method_args(vm, name, args, nargs, kwnames, 0, 0))
        return VNULL;
    const StrObj *s = SELF(args);
    bool cased = false;
    for (size_t i = 0; i < s->len;) {
        uint32_t c = next_cp(s, &i);
        if (upper ? cp_islower(c) : cp_isupper(c))
            return VBOOL(false);
        cased = cased || cp_iscased(c);
    }
    return VBOOL(cased);
}

static Value m_isupper(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return cased_check(vm, "isupper", true, args, nargs, kwnames);
}
static Value m_islower(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return cased_check(vm, "islower", false, args, nargs, kwnames);
}

/* istitle: uppercase letters only start words, lowercase ones only continue them. */
static Value m_istitle(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!method_args(vm, "istitle", args, nargs, kwnames, 0, 0))
        return VNULL;
    const StrObj *s = SELF(args);
    bool prev_cased = false, any = false;
    for (size_t i = 0; i < s->len;) {
        uint32_t c = next_cp(s, &i);
        if ((cp_isupper(c) && prev_cased) || (cp_islower(c) && !prev_cased))
            return VBOOL(false);
        prev_cased = cp_iscased(c);
        any = any || prev_cased;
    }
    return VBOOL(any);
}

static Value m_isidentifier(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!method_args(vm, "isidentifier", args, nargs, kwnames, 0, 0))
        return VNULL;
    const StrObj *s = SELF(args);
    if (s->len == 0)
        return VBOOL(false);
    for (size_t i = 0; i < s->len;) {
        bool first = i == 0;
        uint32_t c = next_cp(s, &i);
        if (!(first ? cp_isidstart(c) : cp_isidcontinue(c)))
            return VBOOL(false);
    }
    return VBOOL(true);
}

/* ---------------------------------------------------------------- searching */

typedef enum { FIND, RFIND, INDEX, RINDEX, COUNT } SearchOp;

/* Non-overlapping occurrences of sub in s[b0, b1); code points + 1 for an empty sub. */
static int64_t count_in(const StrObj *s, size_t b0, size_t b1, const StrObj *sub) {
    if (sub->len == 0)
        return (int64_t)utf8_char_offset(s, b1) - (int64_t)utf8_char_offset(s, b0) + 1;
    int64_t n = 0, pos;
    while ((pos = find_bytes(s->data, b0, b1, sub->data, sub->len)) >= 0) {
        n++;
        b0 = (size_t)pos + sub->len;
    }
    return n;
}

/* find/rfind/index/rindex/count(sub[, start[, end]]). */
static Value search(VM *vm, const char *name, SearchOp op, Value *args, int nargs,
                    TupleObj *kwnames) {
    if (!method_args(vm, name, args, nargs, kwnames, 1, 3))
        return VNULL;
    StrObj *s = SELF(args), *sub = str_arg(vm, args[1], "");
    size_t b0, b1;
    int64_t c0;
    int r = sub ? byte_range(vm, s, nargs > 2 ? args[2] : VNULL, nargs > 3 ? args[3] : VNULL, &b0,
                             &b1, &c0)
                : -1;
    if (r < 0)
        return VNULL;
    if (op == COUNT)
        return VINT(r ? count_in(s, b0, b1, sub) : 0);
    int64_t pos = -1;
    if (r)
        pos = op == FIND || op == INDEX ? find_bytes(s->data, b0, b1, sub->data, sub->len)
                                        : rfind_bytes(s->data, b0, b1, sub->data, sub->len);
    if (pos < 0 && (op == INDEX || op == RINDEX))
        return vm_raise(vm, vm->exc_types.ValueError, "substring not found");
    return VINT(pos < 0 ? -1 : (int64_t)utf8_char_offset(s, (size_t)pos));
}

static Value m_find(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return search(vm, "find", FIND, args, nargs, kwnames);
}
static Value m_rfind(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return search(vm, "rfind", RFIND, args, nargs, kwnames);
}
static Value m_index(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return search(vm, "index", INDEX, args, nargs, kwnames);
}
static Value m_rindex(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return search(vm, "rindex", RINDEX, args, nargs, kwnames);
}
static Value m_count(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return search(vm, "count", COUNT, args, nargs, kwnames);
}

/* Does s[b0, b1) start (or end) with the str `fix`? */
static bool has_fix(const StrObj *s, size_t b0, size_t b1, const StrObj *fix, bool end) {
    if (b1 - b0 < fix->len)
        return false;
    return memcmp(s->data + (end ? b1 - fix->len : b0), fix->data, fix->len) == 0;
}

/* startswith/endswith(prefix or tuple of prefixes[, start[, end]]). */
static Value fix_check(VM *vm, const char *name, bool end, Value *args, int nargs,
                       TupleObj *kwnames) {
    if (!method_args(vm, name, args, nargs, kwnames, 1, 3))
        return VNULL;
    StrObj *s = SELF(args);
    Value arg = args[1];
    bool tuple = val_isinstance(vm, arg, vm->types.tuple);
    if (!tuple && !val_isinstance(vm, arg, vm->types.str))
        return vm_raise(vm, vm->exc_types.TypeError,
                        "%s first arg must be str or a tuple of str, not %s", name,
                        val_type_name(vm, arg));
    size_t b0, b1;
    int64_t c0;
    int r =
        byte_range(vm, s, nargs > 2 ? args[2] : VNULL, nargs > 3 ? args[3] : VNULL, &b0, &b1, &c0);
    if (r <= 0)
        return r < 0 ? VNULL : VBOOL(false);
    size_t n = tuple ? AS_TUPLE(arg)->len : 1;
    for (size_t i = 0; i < n; i++) {
        Value fix = tuple ? AS_TUPLE(arg)->items[i] : arg;
        if (!val_isinstance(vm, fix, vm->types.str))
            return vm_raise(vm, vm->exc_types.TypeError,
                            "tuple for %s must only contain str, not %s", name,
                            val_type_name(vm, fix));
        if (has_fix(s, b0, b1, AS_STR(fix), end))
            return VBOOL(true);
    }
    return VBOOL(false);
}

static Value m_startswith(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return fix_check(vm, "startswith", false, args, nargs, kwnames);
}
static Value m_endswith(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return fix_check(vm, "endswith", true, args, nargs, kwnames);
}

/* removeprefix/removesuffix(fix). */
static Value remove_fix(VM *vm, const char *name, bool end, Value *args, int nargs,
                        TupleObj *kwnames) {
    if (!method_args(vm, name, args, nargs, kwnames, 1, 1))
        return VNULL;
    char prefix[40];
    snprintf(prefix, sizeof prefix, "%s() argument ", name);
    StrObj *s = SELF(args), *fix = str_arg(vm, args[1], prefix);
    if (!fix)
        return VNULL;
    if (fix->len == 0 || !has_fix(s, 0, s->len, fix, end))
        return v_incref(args[0]);
    return new_str(vm, s->data + (end ? 0 : fix->len), s->len - fix->len);
}

static Value m_removeprefix(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return remove_fix(vm, "removeprefix", false, args, nargs, kwnames);
}
static Value m_removesuffix(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return remove_fix(vm, "removesuffix", true, args, nargs, kwnames);
}

/* ---------------------------------------------------------------- replace, partition */

/* Replacing '' inserts rep before every code point and at the end (count times). */
static bool replace_empty(VM *vm, StrBuf *sb, const StrObj *s, const StrObj *rep, int64_t count) {
    for (size_t i = 0;;) {
        if (count != 0 && !sb_add(vm, sb, rep->data, rep->len))
            return false;
        if (count > 0)
            count--;
        if (i >= s->len)
            return true;
        size_t k = i;
        next_cp(s, &k);
        if (!sb_add(vm, sb, s->data + i, k - i))
            return false;
        i = k;
    }
}

static bool replace_all(VM *vm, StrBuf *sb, const StrObj *s, const StrObj *old, const StrObj *rep,
                        int64_t count) {
    size_t i = 0;
    int64_t pos;
    while (count-- != 0 && (pos = find_bytes(s->data, i, s->len, old->data, old->len)) >= 0) {
        if (!sb_add(vm, sb, s->data + i, (size_t)pos - i) || !sb_add(vm, sb, rep->data, rep->len))
            return false;
        i = (size_t)pos + old->len;
    }
    return sb_add(vm, sb, s->data + i, s->len - i);
}

/* replace(old, new[, count]). */
static Value m_replace(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    int64_t count = -1;
    if (!method_args(vm, "replace", args, nargs, kwnames, 2, 3))
        return VNULL;
    StrObj *s = SELF(args), *old = str_arg(vm, args[1], "replace() argument 1 ");
    StrObj *rep = old ? str_arg(vm, args[2], "replace() argument 2 ") : NULL;
    if (!rep || !int_arg(vm, nargs > 3 ? args[3] : VNULL, &count))
        return VNULL;
    StrBuf sb;
    sb_init(&sb);
    bool ok =
        old->len ? replace_all(vm, &sb, s, old, rep, count) : replace_empty(vm, &sb, s, rep, count);
    return finish(vm, &sb, ok);
}

/* partition/rpartition(sep) -> (head, sep, tail). */
static Value do_partition(VM *vm, const char *name, bool right, Value *args, int nargs,
                          TupleObj *kwnames) {
    if (!method_args(vm, name, args, nargs, kwnames, 1, 1))
        return VNULL;
    StrObj *s = SELF(args), *sep = str_arg(vm, args[1], "");
    if (!sep)
        return VNULL;
    if (sep->len == 0)
        return vm_raise(vm, vm->exc_types.ValueError, "empty separator");
    int64_t pos = right ? rfind_bytes(s->data, 0, s->len, sep->data, sep->len)
                        : find_bytes(s->data, 0, s->len, sep->data, sep->len);
    size_t head = pos < 0 ? (right ? 0 : s->len) : (size_t)pos;
    size_t tail = pos < 0 ? (right ? 0 : s->len) : (size_t)pos + sep->len;
    Value parts[3] = {new_str(vm, s->data, head),
                      new_str(vm, pos < 0 ? "" : sep->data, pos < 0 ? 0 : sep->len),
                      new_str(vm, s->data + tail, s->len - tail)};
    TupleObj *t = NULL;
    if (!IS_NULL(parts[0]) && !IS_NULL(parts[1]) && !IS_NULL(parts[2]))
        t = tuple_from(vm, parts, 3);
    for (int i = 0; i < 3; i++)
        v_decref(vm, parts[i]);
    return t ? VOBJ(t) : VNULL;
}

static Value m_partition(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return do_partition(vm, "partition", false, args, nargs, kwnames);
}
static Value m_rpartition(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return do_partition(vm, "rpartition", true, args, nargs, kwnames);
}

/* ---------------------------------------------------------------- padding */

/* center/ljust/rjust(width[, fillchar]). */
static Value do_justify(VM *vm, const char *name, char how, Value *args, int nargs,
                        TupleObj *kwnames) {
    int64_t width = 0;
    if (!method_args(vm, name, args, nargs, kwnames, 1, 2) || !int_arg(vm, args[1], &width))
        return VNULL;
    const char *fill = " ";
    size_t flen = 1;
    if (nargs > 2) {
        if (!val_isinstance(vm, args[2], vm->types.str))
            return vm_raise(vm, vm->exc_types.TypeError,
                            "The fill character must be a unicode character, not %s",
                            val_type_name(vm, args[2]));
        if (AS_STR(args[2])->nchars != 1)
            return vm_raise(vm, vm->exc_types.TypeError,
                            "The fill character must be exactly one character long");
        fill = AS_STR(args[2])->data;
        flen = AS_STR(args[2])->len;
    }
    StrObj *s = SELF(args);
    int64_t marg = width - (int64_t)s->nchars;
    if (marg <= 0)
        return v_incref(args[0]);
    int64_t left = how == '<' ? 0 : how == '>' ? marg : marg / 2 + (marg & width & 1);
    StrBuf sb;
    sb_init(&sb);
    bool ok = true;
    for (int64_t i = 0; ok && i < marg; i++) {
        if (i == left)
            ok = sb_add(vm, &sb, s->data, s->len);
        ok = ok && sb_add(vm, &sb, fill, flen);
    }
    if (left == marg)
        ok = ok && sb_add(vm, &sb, s->data, s->len);
    return finish(vm, &sb, ok);
}

static Value m_center(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return do_justify(vm, "center", '^', args, nargs, kwnames);
}
static Value m_ljust(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return do_justify(vm, "ljust", '<', args, nargs, kwnames);
}
static Value m_rjust(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    return do_justify(vm, "rjust", '>', args, nargs, kwnames);
}

/* zfill(width): zeros after a leading sign. */
static Value m_zfill(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    int64_t width = 0;
    if (!method_args(vm, "zfill", args, nargs, kwnames, 1, 1) || !int_arg(vm, args[1], &width))
        return VNULL;
    StrObj *s = SELF(args);
    if ((int64_t)s->nchars >= width)
        return v_incref(args[0]);
    size_t sign = s->len > 0 && (s->data[0] == '+' || s->data[0] == '-');
    StrBuf sb;
    sb_init(&sb);
    bool ok = sb_add(vm, &sb, s->data, sign);
    for (int64_t i = (int64_t)s->nchars; ok && i < width; i++)
        ok = sb_add(vm, &sb, "0", 1);
    ok = ok && sb_add(vm, &sb, s->data + sign, s->len - sign);
    return finish(vm, &sb, ok);
}

/* expandtabs(tabsize=8). */
static Value m_expandtabs(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    static const char *const names[] = {"tabsize"};
    Value a[1];
    int64_t tab = 8;
    if (!check_self(vm, "expandtabs", args, nargs) ||
        !args_bind(vm, "expandtabs", args + 1, nargs - 1, kwnames, names, 1, 1, 0, a) ||
        !int_arg(vm, a[0], &tab))
        return VNULL;
    StrObj *s = SELF(args);
    StrBuf sb;
    sb_init(&sb);
    bool ok = true;
    int64_t col = 0;
    for (size_t i = 0; ok && i < s->len;) {
        size_t at = i;
        uint32_t c = next_cp(s, &i);
        if (c == '\t') {
            for (int64_t n = tab > 0 ? tab - col % tab : 0; ok && n > 0; n--, col++)
                ok = sb_add(vm, &sb, " ", 1);
            continue;
        }
        col = c == '\n' || c == '\r' ? 0 : col + 1;
        ok = sb_add(vm, &sb, s->data + at, i - at);
    }
    return finish(vm, &sb, ok);
}

/* ---------------------------------------------------------------- str.format */

/* The arguments of one str.format / format_map call, and its field-numbering state. */
typedef struct {
    Value *pos; /* positional arguments */
    int npos;
    Value *kwvals;     /* keyword values, named by kwnames (format) */
    TupleObj *kwnames; /* NULL when none */
    Value mapping;     /* format_map's mapping, or V_NULL */
    enum { NUM_INIT, NUM_AUTO, NUM_MANUAL } numbering;
    int64_t next_auto; /* next automatic field number */
} FormatArgs;

/* A slice of the format string. */
typedef struct {
    const char *p;
    size_t len;
} Span;

static bool value_error(VM *vm, const char *msg) {
    vm_raise(vm, vm->exc_types.ValueError, "%s", msg);
    return false;
}

/* The non-negative integer spelled by sp, -1 when it is not all digits, -2 on overflow. */
static int64_t span_integer(VM *vm, Span sp) {
    if (sp.len == 0)
        return -1;
    int64_t n = 0;
    for (size_t i = 0; i < sp.len; i++) {
        if (sp.p[i] < '0' || sp.p[i] > '9')
            return -1;
        if (n > (INT64_MAX - 9) / 10) {
            value_error(vm, "Too many decimal digits in format string");
            return -2;
        }
        n = n * 10 + (sp.p[i] - '0');
    }
    return n;
}

/* ascii(v): repr(v) with non-ASCII code points escaped. */
StrObj *str_ascii(VM *vm, Value v) {
    StrObj *r = obj_repr(vm, v);
    if (!r || r->ascii)
        return r;
    StrBuf sb;
    sb_init(&sb);
    bool ok = true;
    for (size_t i = 0; ok && i < r->len;) {
        size_t at = i;
        uint32_t c = next_cp(r, &i);
        ok = c < 0x80      ? sb_add(vm, &sb, r->data + at, 1)
             : c < 0x100   ? sb_printf(vm, &sb, "\\x%02x", c)
             : c < 0x10000 ? sb_printf(vm, &sb, "\\u%04x", c)
                           : sb_printf(vm, &sb, "\\U%08x", c);
    }
    obj_decref(vm, (Obj *)r);
    if (!ok) {
        sb_free(vm, &sb);
        return NULL;
    }
    return sb_finish(vm, &sb);
}

/* Looks up a keyword field: format's keywords, or format_map's mapping. */
static Value keyword_field(VM *vm, FormatArgs *fa, Span name) {
    StrObj *key = str_new(vm, name.p, name.len);
    if (!key)
        return VNULL;
    Value r = VNULL;
    if (!IS_NULL(fa->mapping)) {
        r = obj_getitem(vm, fa->mapping, VOBJ(key));
    } else {
        for (size_t i = 0; fa->kwnames && i < fa->kwnames->len && IS_NULL(r); i++)
            if (str_eq(AS_STR(fa->kwnames->items[i]), key))
                r = v_incref(fa->kwvals[i]);
        if (IS_NULL(r)) {
            Value k = VOBJ(key);
            Value exc = exc_new(vm, vm->exc_types.KeyError, &k, 1);
            if (!IS_NULL(exc))
                vm_raise_value(vm, exc);
            v_decref(vm, exc);
        }
    }
    obj_decref(vm, (Obj *)key);
    return r;
}

/* The object named by the first part of a field name: '' (automatic number), a number, or
 * a keyword; with CPython's rules against mixing automatic and manual numbering. */
static Value first_field(VM *vm, FormatArgs *fa, Span first) {
    int64_t idx = span_integer(vm, first);
    if (idx == -2)
        return VNULL;
    bool empty = first.len == 0;
    if (empty || idx >= 0) {
        if (fa->numbering == NUM_INIT)
            fa->numbering = empty ? NUM_AUTO : NUM_MANUAL;
        if (fa->numbering == NUM_MANUAL && empty)
            return value_error(vm, "cannot switch from manual field specification to automatic "
                                   "field numbering"),
                   VNULL;
        if (fa->numbering == NUM_AUTO && !empty)
            return value_error(vm, "cannot switch from automatic field numbering to manual "
                                   "field specification"),
                   VNULL;
        if (empty)
            idx = fa->next_auto++;
        if (idx >= fa->npos)
            return vm_raise(vm, vm->exc_types.IndexError,
                            "Replacement index %" PRId64 " out of range for positional args tuple",
                            idx);
        return v_incref(fa->pos[idx]);
    }
    return keyword_field(vm, fa, first);
}

/* Applies one accessor: `.name` (getattr) or `[key]` (getitem; digits are an int index).
 * *i is at the '.' or '['; it is left after the accessor. Steals obj. */
static Value accessor(VM *vm, Value obj, Span f, size_t *i) {
    char c = f.p[(*i)++];
    size_t start = *i;
    if (c == '.') {
        while (*i < f.len && f.p[*i] != '.' && f.p[*i] != '[')
            (*i)++;
    } else {
        while (*i < f.len && f.p[*i] != ']')
            (*i)++;
        if (*i >= f.len)
            return v_decref(vm, obj), value_error(vm, "Missing ']' in format string"), VNULL;
    }
    Span name = {f.p + start, *i - start};
    if (c == '[')
        (*i)++;
    if (name.len == 0)
        return v_decref(vm, obj), value_error(vm, "Empty attribute in format string"), VNULL;
    if (c == '[' && *i < f.len && f.p[*i] != '.' && f.p[*i] != '[')
        return v_decref(vm, obj),
               value_error(vm, "Only '.' or '[' may follow ']' in format field specifier"), VNULL;
    int64_t idx = c == '[' ? span_integer(vm, name) : -1;
    StrObj *key = idx == -1 ? str_new(vm, name.p, name.len) : NULL;
    Value r = VNULL;
    if (idx >= 0)
        r = obj_getitem(vm, obj, VINT(idx));
    else if (key)
        r = c == '.' ? obj_getattr(vm, obj, key) : obj_getitem(vm, obj, VOBJ(key));
    obj_xdecref(vm, (Obj *)key);
    v_decref(vm, obj);
    return r;
}

/* The object a whole field name refers to ("0", "name.attr[2]"). */
static Value field_object(VM *vm, FormatArgs *fa, Span f) {
    size_t i = 0;
    while (i < f.len && f.p[i] != '.' && f.p[i] != '[')
        i++;
    Value obj = first_field(vm, fa, (Span){f.p, i});
    while (!IS_NULL(obj) && i < f.len) {
        if (f.p[i] != '.' && f.p[i] != '[') {
            v_decref(vm, obj);
            return value_error(vm, "Only '.' or '[' may follow ']' in format field specifier"),
                   VNULL;
        }
        obj = accessor(vm, obj, f, &i);
    }
    return obj;
}

/* One parsed replacement field. */
typedef struct {
    Span name, spec;
    char conversion; /* 0, 'r', 's', 'a' (validated when applied) */
    bool nested;     /* the spec contains {fields} to expand first */
} Field;

/* Parses a field after its '{' (CPython's parse_field); *i is left after the closing '}'. */
static bool parse_field(VM *vm, const char *s, size_t len, size_t *i, Field *fd) {
    *fd = (Field){{s + *i, 0}, {"", 0}, 0, false};
    char c = 0;
    while (*i < len) {
        c = s[(*i)++];
        if (c == '{')
            return value_error(vm, "unexpected '{' in field name");
        if (c == '[') {
            while (*i < len && s[*i] != ']')
                (*i)++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!')
            break;
    }
    fd->name.len = (size_t)(s + *i - fd->name.p) - (c == '}' || c == ':' || c == '!');
    if (c != '!' && c != ':')
        return c == '}' ? true : value_error(vm, "expected '}' before end of string");
    if (c == '!') {
        if (*i >= len)
            return value_error(vm, "end of string while looking for conversion specifier");
        fd->conversion = s[(*i)++];
        if (*i < len) {
            c = s[(*i)++];
            if (c == '}')
                return true;
            if (c != ':')
                return value_error(vm, "expected ':' after conversion specifier");
        }
    }
    fd->spec.p = s + *i;
    for (int depth = 1; *i < len;) {
        c = s[(*i)++];
        if (c == '{')
            fd->nested = true, depth++;
        else if (c == '}' && --depth == 0) {
            fd->spec.len = (size_t)(s + *i - 1 - fd->spec.p);
            return true;
        }
    }
    return value_error(vm, "unmatched '{' in format spec");
}

static bool build_string(VM *vm, StrBuf *sb, const char *s, size_t len, FormatArgs *fa, int depth);

/* Applies !r / !s / !a. Steals obj. */
static Value convert(VM *vm, Value obj, char conv) {
    if (!conv)
        return obj;
    StrObj *r = NULL;
    if (conv == 'r')
        r = obj_repr(vm, obj);
    else if (conv == 's')
        r = obj_str(vm, obj);
    else if (conv == 'a')
        r = str_ascii(vm, obj);
    else if ((unsigned char)conv > 32 && (unsigned char)conv < 127)
        vm_raise(vm, vm->exc_types.ValueError, "Unknown conversion specifier %c", conv);
    else
        vm_raise(vm, vm->exc_types.ValueError, "Unknown conversion specifier \\x%x",
                 (unsigned char)conv);
    v_decref(vm, obj);
    return r ? VOBJ(r) : VNULL;
}

/* Formats one field into sb: lookup, conversion, spec expansion, format(). */
static bool render_field(VM *vm, StrBuf *sb, FormatArgs *fa, const Field *fd, int depth) {
    Value obj = field_object(vm, fa, fd->name);
    if (!IS_NULL(obj))
        obj = convert(vm, obj, fd->conversion);
    if (IS_NULL(obj))
        return false;
    StrBuf spec_sb;
    sb_init(&spec_sb);
    bool ok = fd->nested ? build_string(vm, &spec_sb, fd->spec.p, fd->spec.len, fa, depth - 1)
                         : sb_add(vm, &spec_sb, fd->spec.p, fd->spec.len);
    StrObj *spec = ok ? sb_finish(vm, &spec_sb) : (sb_free(vm, &spec_sb), NULL);
    Value r = spec ? format_value(vm, obj, spec) : VNULL;
    v_decref(vm, obj);
    obj_xdecref(vm, (Obj *)spec);
    ok = !IS_NULL(r) && sb_add(vm, sb, AS_STR(r)->data, AS_STR(r)->len);
    v_decref(vm, r);
    return ok;
}

/* The literal text up to the next field; returns whether a field follows (*i after '{'). */
static bool literal_text(VM *vm, StrBuf *sb, const char *s, size_t len, size_t *i, bool *field) {
    size_t start = *i;
    char c = 0;
    *field = false;
    while (*i < len) {
        c = s[(*i)++];
        if (c == '{' || c == '}') {
            *field = true;
            break;
        }
    }
    size_t n = *i - start;
    bool at_end = *i >= len;
    if (*field && c == '}' && (at_end || s[*i] != '}'))
        return value_error(vm, "Single '}' encountered in format string");
    if (*field && c == '{' && at_end)
        return value_error(vm, "Single '{' encountered in format string");
    if (*field && s[*i] == c) { /* {{ or }} */
        (*i)++;
        *field = false;
    } else if (*field) {
        n--;
    }
    return sb_add(vm, sb, s + start, n);
}

/* Expands a format string (CPython's build_string / MarkupIterator). depth limits the
 * nesting of fields inside format specs. */
static bool build_string(VM *vm, StrBuf *sb, const char *s, size_t len, FormatArgs *fa, int depth) {
    if (depth <= 0)
        return value_error(vm, "Max string recursion exceeded");
    size_t i = 0;
    while (i < len) {
        bool field;
        Field fd;
        if (!literal_text(vm, sb, s, len, &i, &field))
            return false;
        if (field && (!parse_field(vm, s, len, &i, &fd) || !render_field(vm, sb, fa, &fd, depth)))
            return false;
    }
    return true;
}

static Value m_format(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!check_self(vm, "format", args, nargs))
        return VNULL;
    FormatArgs fa = {args + 1, nargs - 1, args + nargs, kwnames, VNULL, NUM_INIT, 0};
    StrBuf sb;
    sb_init(&sb);
    StrObj *s = SELF(args);
    return finish(vm, &sb, build_string(vm, &sb, s->data, s->len, &fa, 2));
}

static Value m_format_map(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!method_args(vm, "format_map", args, nargs, kwnames, 1, 1))
        return VNULL;
    FormatArgs fa = {NULL, 0, NULL, NULL, args[1], NUM_INIT, 0};
    StrBuf sb;
    sb_init(&sb);
    StrObj *s = SELF(args);
    return finish(vm, &sb, build_string(vm, &sb, s->data, s->len, &fa, 2));
}

/* ---------------------------------------------------------------- printf-style % */

enum { PF_LJUST = 1, PF_SIGN = 2, PF_BLANK = 4, PF_ALT = 8, PF_ZERO = 16 };

/* The state of one `fmt % args` (CPython's PyUnicode_Format): a tuple gives successive
 * arguments, any other value is the single argument; a mapping also serves %(key)s. */
typedef struct {
    Value args;      /* the current argument source (borrowed, or owned when args_owned) */
    bool args_owned; /* args came from dict[key] */
    int64_t argidx, arglen;
    Value dict; /* V_NULL unless args is a mapping */
} PctState;

/* One conversion's flags, width and precision. */
typedef struct {
    int flags;
    int64_t width, prec; /* -1 when absent */
} PctSpec;

static Value next_arg(VM *vm, PctState *st) {
    int64_t i = st->argidx;
    if (i < st->arglen) {
        st->argidx++;
        return st->arglen < 0 ? st->args : AS_TUPLE(st->args)->items[i];
    }
    vm_raise(vm, vm->exc_types.TypeError, "not enough arguments for format string");
    return VNULL;
}

/* Pads a body of `chars` code points to the width (spaces; left-justified with '-'). */
static bool pct_pad(VM *vm, StrBuf *sb, const char *body, size_t len, size_t chars,
                    const PctSpec *ps) {
    int64_t pad = ps->width > (int64_t)chars ? ps->width - (int64_t)chars : 0;
    bool ok = true;
    for (int64_t i = 0; ok && !(ps->flags & PF_LJUST) && i < pad; i++)
        ok = sb_add(vm, sb, " ", 1);
    ok = ok && sb_add(vm, sb, body, len);
    for (int64_t i = 0; ok && (ps->flags & PF_LJUST) && i < pad; i++)
        ok = sb_add(vm, sb, " ", 1);
    return ok;
}

/* Lays out sign + prefix + digits: zero padding goes after the prefix. */
static bool pct_number(VM *vm, StrBuf *sb, bool neg, const char *prefix, const char *digits,
                       const PctSpec *ps) {
    const char *sign = neg ? "-" : ps->flags & PF_SIGN ? "+" : ps->flags & PF_BLANK ? " " : "";
    int64_t n = (int64_t)(strlen(sign) + strlen(prefix) + strlen(digits));
    int64_t pad = ps->width > n ? ps->width - n : 0;
    bool left = ps->flags & PF_LJUST, zero = (ps->flags & PF_ZERO) && !left;
    bool ok = true;
    for (int64_t i = 0; ok && !left && !zero && i < pad; i++)
        ok = sb_add(vm, sb, " ", 1);
    ok = ok && sb_adds(vm, sb, sign) && sb_adds(vm, sb, prefix);
    for (int64_t i = 0; ok && zero && i < pad; i++)
        ok = sb_add(vm, sb, "0", 1);
    ok = ok && sb_adds(vm, sb, digits);
    for (int64_t i = 0; ok && left && i < pad; i++)
        ok = sb_add(vm, sb, " ", 1);
    return ok;
}

/* %s %r %a: str(), repr(), ascii(), truncated to the precision. */
static bool pct_string(VM *vm, StrBuf *sb, Value v, char type, const PctSpec *ps) {
    StrObj *s = type == 's' ? obj_str(vm, v) : type == 'r' ? obj_repr(vm, v) : str_ascii(vm, v);
    if (!s)
        return false;
    size_t len = s->len, chars = s->nchars;
    if (ps->prec >= 0 && (size_t)ps->prec < chars) {
        len = utf8_byte_offset(s, (size_t)ps->prec);
        chars = (size_t)ps->prec;
    }
    bool ok = pct_pad(vm, sb, s->data, len, chars, ps);
    obj_decref(vm, (Obj *)s);
    return ok;
}

/* %c: an int code point or a one-character str. */
static bool pct_char(VM *vm, StrBuf *sb, Value v, const PctSpec *ps) {
    char buf[4];
    size_t n;
    if (val_isinstance(vm, v, vm->types.str) && AS_STR(v)->nchars == 1)
        return pct_pad(vm, sb, AS_STR(v)->data, AS_STR(v)->len, 1, ps);
    if (v.kind != V_INT && v.kind != V_BOOL) {
        vm_raise(vm, vm->exc_types.TypeError, "%%c requires int or char");
        return false;
    }
    if (v.as.i < 0 || v.as.i > 0x10FFFF) {
        vm_raise(vm, vm->exc_types.OverflowError, "%%c arg not in range(0x110000)");
        return false;
    }
    n = utf8_encode((uint32_t)v.as.i, buf);
    return pct_pad(vm, sb, buf, n, 1, ps);
}

/* %d %i %u %o %x %X. A float is truncated for %d (its digits printed exactly, so values past
 * 64 bits still work); %o/%x need a true integer. */
static bool pct_int(VM *vm, StrBuf *sb, Value v, char type, const PctSpec *ps) {
    bool decimal = type == 'd' || type == 'i' || type == 'u';
    char digits[560];
    int64_t i = 0;
    if (decimal && v.kind == V_FLOAT) {
        double x = v.as.f;
        if (isinf(x) || isnan(x)) {
            vm_raise(vm, isnan(x) ? vm->exc_types.ValueError : vm->exc_types.OverflowError,
                     isnan(x) ? "cannot convert float NaN to integer"
                              : "cannot convert float infinity to integer");
            return false;
        }
        snprintf(digits, sizeof digits, "%.0f", fabs(trunc(x)));
        return pct_number(vm, sb, trunc(x) < 0, "", digits, ps);
    }
    int r = val_index(vm, v, &i);
    if (r <= 0) {
        if (r == 0)
            vm_raise(vm, vm->exc_types.TypeError, "%%%c format: %s is required, not %s", type,
                     decimal ? "a real number" : "an integer", val_type_name(vm, v));
        return false;
    }
    uint64_t m = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    const char *conv = type == 'o'   ? "%0*" PRIo64
                       : type == 'x' ? "%0*" PRIx64
                       : type == 'X' ? "%0*" PRIX64
                                     : "%0*" PRIu64;
    snprintf(digits, sizeof digits, conv, (int)(ps->prec > 0 && ps->prec < 500 ? ps->prec : 1), m);
    const char *prefix = !(ps->flags & PF_ALT) ? ""
                         : type == 'o'         ? "0o"
                         : type == 'x'         ? "0x"
                         : type == 'X'         ? "0X"
                                               : "";
    return pct_number(vm, sb, i < 0, prefix, digits, ps);
}

/* %e %E %f %F %g %G through format.c's float formatting. */
static bool pct_float(VM *vm, StrBuf *sb, Value v, char type, const PctSpec *ps) {
    double x;
    if (v.kind == V_FLOAT)
        x = v.as.f;
    else if (v.kind == V_INT || v.kind == V_BOOL)
        x = (double)v.as.i;
    else {
        vm_raise(vm, vm->exc_types.TypeError, "must be real number, not %s", val_type_name(vm, v));
        return false;
    }
    FmtSpec fs = {.fill = " ",
                  .width = -1,
                  .prec = ps->prec < 0 ? 6 : ps->prec,
                  .type = type,
                  .alt = (ps->flags & PF_ALT) != 0};
    StrBuf body;
    sb_init(&body);
    bool ok = fmt_float(vm, &body, fabs(x), &fs, "float") && sb_add(vm, &body, "", 1);
    ok = ok && pct_number(vm, sb, signbit(x) && !isnan(x), "", body.data, ps);
    sb_free(vm, &body);
    return ok;
}

/* Replaces the argument source by dict[key] for %(key)s; *i is after the '('. */
static bool pct_key(VM *vm, const StrObj *f, size_t *i, PctState *st) {
    if (IS_NULL(st->dict)) {
        vm_raise(vm, vm->exc_types.TypeError, "format requires a mapping");
        return false;
    }
    size_t start = *i;
    for (int depth = 1; depth > 0; (*i)++) {
        if (*i >= f->len)
            return value_error(vm, "incomplete format key");
        depth += f->data[*i] == '(' ? 1 : f->data[*i] == ')' ? -1 : 0;
    }
    StrObj *key = str_new(vm, f->data + start, *i - 1 - start);
    Value v = key ? obj_getitem(vm, st->dict, VOBJ(key)) : VNULL;
    obj_xdecref(vm, (Obj *)key);
    if (IS_NULL(v))
        return false;
    if (st->args_owned)
        v_decref(vm, st->args);
    *st = (PctState){v, true, -2, -1, st->dict};
    return true;
}

/* A width or precision: digits, or '*' taking an int argument. Like CPython, a width may be
 * as large as a Py_ssize_t (then the allocation fails), a precision only as large as an int. */
static bool pct_field(VM *vm, const StrObj *f, size_t *i, PctState *st, int64_t *out,
                      bool precision) {
    if (*i < f->len && f->data[*i] == '*') {
        (*i)++;
        Value v = next_arg(vm, st);
        if (IS_NULL(v))
            return false;
        if (v.kind != V_INT && v.kind != V_BOOL) {
            vm_raise(vm, vm->exc_types.TypeError, "* wants int");
            return false;
        }
        *out = v.as.i;
        return true;
    }
    if (*i >= f->len || f->data[*i] < '0' || f->data[*i] > '9')
        return true;
    int64_t max = precision ? INT32_MAX : INT64_MAX;
    for (*out = 0; *i < f->len && f->data[*i] >= '0' && f->data[*i] <= '9'; (*i)++) {
        if (*out > (max - (f->data[*i] - '0')) / 10)
            return value_error(vm, precision ? "precision too big" : "width too big");
        *out = *out * 10 + (f->data[*i] - '0');
    }
    return true;
}

/* Flags, width and precision of one conversion; *i is after the '%' (and any key). */
static bool pct_spec(VM *vm, const StrObj *f, size_t *i, PctState *st, PctSpec *ps) {
    *ps = (PctSpec){0, -1, -1};
    for (const char *fl; *i < f->len && (fl = strchr("-+ #0", f->data[*i])) && *fl; (*i)++)
        ps->flags |= 1 << (fl - "-+ #0");
    bool star = *i < f->len && f->data[*i] == '*';
    if (!pct_field(vm, f, i, st, &ps->width, false))
        return false;
    if (star && ps->width < 0) { /* '%*d' % (-5, x) left-justifies */
        ps->flags |= PF_LJUST;
        ps->width = -ps->width;
    }
    if (*i < f->len && f->data[*i] == '.') {
        (*i)++;
        ps->prec = 0;
        if (!pct_field(vm, f, i, st, &ps->prec, true))
            return false;
        if (ps->prec < 0)
            ps->prec = 0;
    }
    while (*i < f->len && strchr("hlL", f->data[*i]) && f->data[*i])
        (*i)++;
    return *i < f->len ? true : value_error(vm, "incomplete format");
}

/* One conversion; *i is after the '%'. */
static bool pct_conversion(VM *vm, StrBuf *sb, const StrObj *f, size_t *i, PctState *st) {
    if (f->data[*i] == '%') {
        (*i)++;
        return sb_add(vm, sb, "%", 1);
    }
    PctSpec ps;
    if (f->data[*i] == '(' && (++*i, !pct_key(vm, f, i, st)))
        return false;
    if (!pct_spec(vm, f, i, st, &ps))
        return false;
    size_t at = *i;
    uint32_t type = next_cp(f, i);
    Value v = next_arg(vm, st);
    if (IS_NULL(v))
        return false;
    switch (type) {
    case 's':
    case 'r':
    case 'a':
        return pct_string(vm, sb, v, (char)type, &ps);
    case 'c':
        return pct_char(vm, sb, v, &ps);
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
        return pct_int(vm, sb, v, (char)type, &ps);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
        return pct_float(vm, sb, v, (char)type, &ps);
    default:
        vm_raise(vm, vm->exc_types.ValueError,
                 "unsupported format character '%c' (0x%x) at index %zu",
                 type >= 32 && type < 127 ? (char)type : '?', type, utf8_char_offset(f, at));
        return false;
    }
}

Value str_mod(VM *vm, Value fmt, Value args) {
    const StrObj *f = AS_STR(fmt);
    bool tuple = val_isinstance(vm, args, vm->types.tuple);
    PctState st = {args, false, tuple ? 0 : -2, tuple ? (int64_t)AS_TUPLE(args)->len : -1, VNULL};
    if (!tuple && val_type(vm, args)->getitem && !val_isinstance(vm, args, vm->types.str))
        st.dict = args; /* CPython's PyMapping_Check: anything subscriptable */
    StrBuf sb;
    sb_init(&sb);
    bool ok = true;
    for (size_t i = 0; ok && i < f->len;) {
        const char *pct = memchr(f->data + i, '%', f->len - i);
        size_t end = pct ? (size_t)(pct - f->data) : f->len;
        ok = sb_add(vm, &sb, f->data + i, end - i);
        i = end + 1;
        if (ok && pct)
            ok = i < f->len ? pct_conversion(vm, &sb, f, &i, &st)
                            : value_error(vm, "incomplete format");
    }
    if (ok && st.argidx < st.arglen && IS_NULL(st.dict)) {
        vm_raise(vm, vm->exc_types.TypeError,
                 "not all arguments converted during string formatting");
        ok = false;
    }
    if (st.args_owned)
        v_decref(vm, st.args);
    return finish(vm, &sb, ok);
}

static Value m_mod(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!method_args(vm, "__mod__", args, nargs, kwnames, 1, 1))
        return VNULL;
    return str_mod(vm, args[0], args[1]);
}

/* ---------------------------------------------------------------- registration */

static const struct {
    const char *name;
    NativeFn fn;
} str_methods[] = {
    {"join", m_join},
    {"split", m_split},
    {"rsplit", m_rsplit},
    {"splitlines", m_splitlines},
    {"strip", m_strip},
    {"lstrip", m_lstrip},
    {"rstrip", m_rstrip},
    {"upper", m_upper},
    {"lower", m_lower},
    {"casefold", m_casefold},
    {"swapcase", m_swapcase},
    {"title", m_title},
    {"capitalize", m_capitalize},
    {"isdigit", m_isdigit},
    {"isdecimal", m_isdecimal},
    {"isnumeric", m_isnumeric},
    {"isalpha", m_isalpha},
    {"isalnum", m_isalnum},
    {"isspace", m_isspace},
    {"isascii", m_isascii},
    {"isprintable", m_isprintable},
    {"isupper", m_isupper},
    {"islower", m_islower},
    {"istitle", m_istitle},
    {"isidentifier", m_isidentifier},
    {"find", m_find},
    {"rfind", m_rfind},
    {"index", m_index},
    {"rindex", m_rindex},
    {"count", m_count},
    {"startswith", m_startswith},
    {"endswith", m_endswith},
    {"removeprefix", m_removeprefix},
    {"removesuffix", m_removesuffix},
    {"replace", m_replace},
    {"partition", m_partition},
    {"rpartition", m_rpartition},
    {"center", m_center},
    {"ljust", m_ljust},
    {"rjust", m_rjust},
    {"zfill", m_zfill},
    {"expandtabs", m_expandtabs},
    {"format", m_format},
    {"format_map", m_format_map},
    {"__mod__", m_mod},
};

bool strmethods_init(VM *vm) {
    for (size_t i = 0; i < sizeof str_methods / sizeof str_methods[0]; i++)
        if (!type_add_method(vm, vm->types.str, str_methods[i].name, str_methods[i].fn))
            return false;
    return true;
}

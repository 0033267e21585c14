/*
 * numobj.c - int, bool and float: arithmetic with Python's semantics (floor division and
 * modulo take the divisor's sign, int ** negative is a float, true division), exact
 * int/float comparison, CPython's hashes, CPython's float repr, the int()/float()/bool()
 * constructors and the number methods (__round__, __abs__, __divmod__, bit_length ...).
 *
 * ints are 64-bit and inline in the Value: any result that does not fit raises
 * OverflowError instead of wrapping. Not for: formatting with specs (format.c).
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objimpl.h"

#define OVERFLOW_MSG "integer overflow: loopscope integers are 64-bit"

Value int_overflow(VM *vm) {
    return vm_raise(vm, vm->exc_types.OverflowError, OVERFLOW_MSG);
}

static bool is_intlike(Value v) {
    return v.kind == V_INT || v.kind == V_BOOL;
}

static bool as_double(Value v, double *out) {
    if (v.kind == V_FLOAT)
        *out = v.as.f;
    else if (is_intlike(v))
        *out = (double)v.as.i;
    else
        return false;
    return true;
}

/* ---------------------------------------------------------------- hashing */

#define HASH_BITS 61
#define HASH_MODULUS ((1ull << HASH_BITS) - 1)

int64_t hash_int(int64_t i) {
    uint64_t a = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    int64_t h = (int64_t)(a % HASH_MODULUS);
    if (i < 0)
        h = -h;
    return h == -1 ? -2 : h;
}

/* CPython's _Py_HashDouble: the value of d modulo 2**61 - 1, so equal numbers hash alike. */
int64_t hash_double(double d) {
    if (isinf(d))
        return d > 0 ? 314159 : -314159;
    if (isnan(d))
        return 0;
    int e;
    double m = frexp(d, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    x = x * (uint64_t)(int64_t)sign;
    if (x == (uint64_t)-1)
        x = (uint64_t)-2;
    return (int64_t)x;
}

#define XXPRIME_1 11400714785074694791ull
#define XXPRIME_2 14029467366897019727ull
#define XXPRIME_5 2870177450012600261ull

uint64_t hash_tuple_init(void) {
    return XXPRIME_5;
}

uint64_t hash_tuple_step(uint64_t acc, int64_t item_hash) {
    acc += (uint64_t)item_hash * XXPRIME_2;
    acc = (acc << 31) | (acc >> 33);
    return acc * XXPRIME_1;
}

int64_t hash_tuple_finish(uint64_t acc, size_t len) {
    acc += len ^ (XXPRIME_5 ^ 3527539ull);
    return acc == (uint64_t)-1 ? 1546275796 : (int64_t)acc;
}

static int num_hash(VM *vm, Value self, int64_t *out) {
    (void)vm;
    *out = self.kind == V_FLOAT ? hash_double(self.as.f) : hash_int(self.as.i);
    return 0;
}

/* ---------------------------------------------------------------- index */

int val_index(VM *vm, Value v, int64_t *out) {
    if (is_intlike(v)) {
        *out = v.as.i;
        return 1;
    }
    if (!IS_OBJ(v) || !(v.as.o->type->flags & TF_HEAPTYPE))
        return 0;
    Value m = type_lookup(v.as.o->type, vm->names.__index__);
    if (IS_NULL(m))
        return 0;
    Value r = vm_call1(vm, m, v);
    if (IS_NULL(r))
        return -1;
    if (!is_intlike(r)) {
        vm_raise(vm, vm->exc_types.TypeError, "__index__ returned non-int (type %s)",
                 val_type_name(vm, r));
        v_decref(vm, r);
        return -1;
    }
    *out = r.as.i;
    return 1;
}

/* ---------------------------------------------------------------- int arithmetic */

static Value int_pow(VM *vm, int64_t base, int64_t exp) {
    int64_t result = 1;
    while (exp > 0) {
        if ((exp & 1) && __builtin_mul_overflow(result, base, &result))
            return int_overflow(vm);
        exp >>= 1;
        if (exp && __builtin_mul_overflow(base, base, &base))
            return int_overflow(vm);
    }
    return VINT(result);
}

static Value float_binop(VM *vm, BinOp op, double x, double y);

static Value int_divide(VM *vm, BinOp op, int64_t a, int64_t b) {
    if (b == 0)
        return vm_raise(vm, vm->exc_types.ZeroDivisionError,
                        op == BINOP_MOD ? "integer modulo by zero"
                                        : "integer division or modulo by zero");
    if (b == -1) /* INT64_MIN // -1 overflows; x % -1 is always 0 */
        return op == BINOP_MOD ? VINT(0) : a == INT64_MIN ? int_overflow(vm) : VINT(-a);
    int64_t q = a / b, r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) {
        q--;
        r += b;
    }
    return op == BINOP_MOD ? VINT(r) : VINT(q);
}

static Value int_shift(VM *vm, BinOp op, int64_t a, int64_t b) {
    if (b < 0)
        return vm_raise(vm, vm->exc_types.ValueError, "negative shift count");
    if (op == BINOP_RSHIFT)
        return VINT(b >= 64 ? (a < 0 ? -1 : 0) : a >> b);
    if (a == 0)
        return VINT(0);
    if (b >= 63)
        return int_overflow(vm);
    int64_t r = (int64_t)((uint64_t)a << b);
    if ((r >> b) != a)
        return int_overflow(vm);
    return VINT(r);
}

static Value int_binop(VM *vm, BinOp op, Value va, Value vb) {
    int64_t a = va.as.i, b = vb.as.i, r;
    bool bools = va.kind == V_BOOL && vb.kind == V_BOOL;
    switch (op) {
    case BINOP_ADD:
        return __builtin_add_overflow(a, b, &r) ? int_overflow(vm) : VINT(r);
    case BINOP_SUB:
        return __builtin_sub_overflow(a, b, &r) ? int_overflow(vm) : VINT(r);
    case BINOP_MUL:
        return __builtin_mul_overflow(a, b, &r) ? int_overflow(vm) : VINT(r);
    case BINOP_TRUEDIV:
        if (b == 0)
            return vm_raise(vm, vm->exc_types.ZeroDivisionError, "division by zero");
        return VFLOAT((double)a / (double)b);
    case BINOP_FLOORDIV:
    case BINOP_MOD:
        return int_divide(vm, op, a, b);
    case BINOP_POW:
        return b < 0 ? float_binop(vm, op, (double)a, (double)b) : int_pow(vm, a, b);
    case BINOP_LSHIFT:
    case BINOP_RSHIFT:
        return int_shift(vm, op, a, b);
    case BINOP_AND:
        return bools ? VBOOL(a & b) : VINT(a & b);
    case BINOP_OR:
        return bools ? VBOOL(a | b) : VINT(a | b);
    case BINOP_XOR:
        return bools ? VBOOL(a ^ b) : VINT(a ^ b);
    default:
        return v_incref(vm->not_implemented);
    }
}

/* ---------------------------------------------------------------- float arithmetic */

static Value float_floordiv(VM *vm, double vx, double wx, bool want_mod) {
    if (wx == 0.0)
        return vm_raise(vm, vm->exc_types.ZeroDivisionError,
                        want_mod ? "float modulo" : "float floor division by zero");
    /* CPython's _float_div_mod */
    double mod = fmod(vx, wx), div = (vx - mod) / wx, floordiv;
    if (mod) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, wx);
    }
    if (div) {
        floordiv = floor(div);
        if (div - floordiv > 0.5)
            floordiv += 1.0;
    } else {
        floordiv = copysign(0.0, vx / wx);
    }
    return VFLOAT(want_mod ? mod : floordiv);
}

/* CPython's float_pow special cases, then C pow. */
static Value float_pow(VM *vm, double x, double y) {
    if (y == 0.0)
        return VFLOAT(1.0);
    if (isnan(x))
        return VFLOAT(x);
    if (isnan(y))
        return VFLOAT(x == 1.0 ? 1.0 : y);
    if (x == 0.0 && y < 0.0)
        return vm_raise(vm, vm->exc_types.ZeroDivisionError,
                        "0.0 cannot be raised to a negative power");
    if (isfinite(x) && x < 0.0 && isfinite(y) && y != floor(y))
        return vm_raise(vm, vm->exc_types.ValueError,
                        "negative number cannot be raised to a fractional power "
                        "(complex numbers are not supported by loopscope)");
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y))
        return vm_raise(vm, vm->exc_types.OverflowError, "(34, 'Numerical result out of range')");
    return VFLOAT(r);
}

static Value float_binop(VM *vm, BinOp op, double x, double y) {
    switch (op) {
    case BINOP_ADD:
        return VFLOAT(x + y);
    case BINOP_SUB:
        return VFLOAT(x - y);
    case BINOP_MUL:
        return VFLOAT(x * y);
    case BINOP_TRUEDIV:
        if (y == 0.0)
            return vm_raise(vm, vm->exc_types.ZeroDivisionError, "float division by zero");
        return VFLOAT(x / y);
    case BINOP_FLOORDIV:
        return float_floordiv(vm, x, y, false);
    case BINOP_MOD:
        return float_floordiv(vm, x, y, true);
    case BINOP_POW:
        return float_pow(vm, x, y);
    default:
        return v_incref(vm->not_implemented);
    }
}

Value num_binop(VM *vm, BinOp op, Value a, Value b) {
    if (is_intlike(a) && is_intlike(b))
        return int_binop(vm, op, a, b);
    double x, y;
    if (!as_double(a, &x) || !as_double(b, &y))
        return v_incref(vm->not_implemented);
    return float_binop(vm, op, x, y);
}

static Value num_unop(VM *vm, UnOp op, Value a) {
    if (a.kind == V_FLOAT) {
        if (op == UNOP_NEG)
            return VFLOAT(-a.as.f);
        if (op == UNOP_POS)
            return a;
        return v_incref(vm->not_implemented);
    }
    switch (op) {
    case UNOP_NEG:
        return a.as.i == INT64_MIN ? int_overflow(vm) : VINT(-a.as.i);
    case UNOP_POS:
        return VINT(a.as.i);
    case UNOP_INVERT:
        return VINT(~a.as.i);
    default:
        return v_incref(vm->not_implemented);
    }
}

/* ---------------------------------------------------------------- comparison */

/* Compares int i with double d exactly (no rounding of i); d is not NaN. */
static int cmp_int_double(int64_t i, double d) {
    if (i >= -(1ll << 53) && i <= (1ll << 53)) {
        double x = (double)i;
        return x < d ? -1 : x > d;
    }
    if (d >= 9223372036854775808.0)
        return -1;
    if (d < -9223372036854775808.0)
        return 1;
    double fl = floor(d);
    int64_t di = (int64_t)fl;
    if (i != di)
        return i < di ? -1 : 1;
    return d > fl ? -1 : 0;
}

static Value cmp_result(int c, CmpOp op) {
    switch (op) {
    case CMP_LT:
        return VBOOL(c < 0);
    case CMP_LE:
        return VBOOL(c <= 0);
    case CMP_EQ:
        return VBOOL(c == 0);
    case CMP_NE:
        return VBOOL(c != 0);
    case CMP_GT:
        return VBOOL(c > 0);
    default:
        return VBOOL(c >= 0);
    }
}

Value num_richcompare(VM *vm, Value a, Value b, CmpOp op) {
    if (is_intlike(a) && is_intlike(b))
        return cmp_result(a.as.i < b.as.i ? -1 : a.as.i > b.as.i, op);
    if (a.kind == V_FLOAT && b.kind == V_FLOAT) {
        double x = a.as.f, y = b.as.f;
        if (isnan(x) || isnan(y))
            return VBOOL(op == CMP_NE);
        return cmp_result(x < y ? -1 : x > y, op);
    }
    if (a.kind == V_FLOAT && is_intlike(b)) {
        if (isnan(a.as.f))
            return VBOOL(op == CMP_NE);
        return cmp_result(-cmp_int_double(b.as.i, a.as.f), op);
    }
    if (is_intlike(a) && b.kind == V_FLOAT) {
        if (isnan(b.as.f))
            return VBOOL(op == CMP_NE);
        return cmp_result(cmp_int_double(a.as.i, b.as.f), op);
    }
    return v_incref(vm->not_implemented);
}

/* ---------------------------------------------------------------- repr */

int float_repr_buf(double d, char *out) {
    if (isnan(d))
        return sprintf(out, "nan");
    if (isinf(d))
        return sprintf(out, d > 0 ? "inf" : "-inf");
    if (d == 0.0)
        return sprintf(out, signbit(d) ? "-0.0" : "0.0");
    char buf[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
        if (strtod(buf, NULL) == d)
            break;
    }
    /* buf is [-]D[.DDD]e[+-]XX: collect the digits and the decimal point position */
    char digits[24];
    int nd = 0, neg = buf[0] == '-';
    const char *p = buf + neg;
    for (; *p != 'e'; p++)
        if (*p != '.')
            digits[nd++] = *p;
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    int decpt = atoi(p + 1) + 1;
    char *o = out;
    if (neg)
        *o++ = '-';
    if (decpt > 16 || decpt <= -4) {
        *o++ = digits[0];
        if (nd > 1) {
            *o++ = '.';
            memcpy(o, digits + 1, (size_t)nd - 1);
            o += nd - 1;
        }
        int e = decpt - 1;
        o += sprintf(o, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    } else if (decpt <= 0) {
        o += sprintf(o, "0.");
        for (int i = 0; i < -decpt; i++)
            *o++ = '0';
        memcpy(o, digits, (size_t)nd);
        o += nd;
    } else {
        for (int i = 0; i < decpt; i++)
            *o++ = i < nd ? digits[i] : '0';
        *o++ = '.';
        if (decpt >= nd)
            *o++ = '0';
        for (int i = decpt; i < nd; i++)
            *o++ = digits[i];
    }
    *o = '\0';
    return (int)(o - out);
}

static StrObj *num_repr(VM *vm, Value self) {
    char buf[32];
    switch (self.kind) {
    case V_FLOAT:
        return str_new(vm, buf, (size_t)float_repr_buf(self.as.f, buf));
    case V_BOOL:
        return str_from_cstr(vm, self.as.i ? "True" : "False");
    default:
        return str_new(vm, buf, (size_t)snprintf(buf, sizeof buf, "%lld", (long long)self.as.i));
    }
}

static int num_truthy(VM *vm, Value self) {
    (void)vm;
    return self.kind == V_FLOAT ? self.as.f != 0.0 : self.as.i != 0;
}

/* ---------------------------------------------------------------- conversions */

/* float -> int, truncating, with CPython's errors. */
static Value double_to_int(VM *vm, double d) {
    if (isnan(d))
        return vm_raise(vm, vm->exc_types.ValueError, "cannot convert float NaN to integer");
    if (isinf(d))
        return vm_raise(vm, vm->exc_types.OverflowError,
                        "cannot convert float infinity to integer");
    d = trunc(d);
    if (d >= 9223372036854775808.0 || d < -9223372036854775808.0)
        return int_overflow(vm);
    return VINT((int64_t)d);
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)tolower((unsigned char)c);
    return c >= 'a' && c <= 'z' ? c - 'a' + 10 : 99;
}

/* Reads an optional 0x/0o/0b prefix matching `*base` (deciding it when 0). */
static const char *read_prefix(const char *p, const char *end, int *base) {
    if (end - p < 2 || p[0] != '0')
        return p;
    char c = (char)tolower((unsigned char)p[1]);
    int b = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
    if (!b || (*base != 0 && *base != b))
        return p;
    *base = b;
    return p + 2;
}

/* Parses Python int syntax in [p, end) (already stripped). 1 ok, 0 invalid, -1 overflow. */
static int parse_int(const char *p, const char *end, int base, int64_t *out) {
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-'))
        neg = *p++ == '-';
    const char *start = p;
    p = read_prefix(p, end, &base);
    bool prefixed = p != start;
    if (base == 0)
        base = 10;
    uint64_t acc = 0, limit = neg ? (uint64_t)1 << 63 : ((uint64_t)1 << 63) - 1;
    bool any = false, overflow = false, nonzero = false;
    for (bool prev_us = prefixed; p < end; p++) {
        if (*p == '_') {
            if (prev_us)
                return 0;
            prev_us = true;
            continue;
        }
        int d = digit_value(*p);
        if (d >= base || (!any && *p == '_'))
            return 0;
        prev_us = false;
        any = true;
        nonzero |= d != 0;
        if (acc > (limit - (uint64_t)d) / (uint64_t)base)
            overflow = true;
        else
            acc = acc * (uint64_t)base + (uint64_t)d;
    }
    if (!any || end[-1] == '_')
        return 0;
    if (overflow)
        return -1;
    *out = neg ? (int64_t)(0 - acc) : (int64_t)acc;
    return 1;
}

static bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static void strip(const char **p, const char **end) {
    while (*p < *end && is_space(**p))
        (*p)++;
    while (*end > *p && is_space((*end)[-1]))
        (*end)--;
}

/* int(s, base) for a str. */
static Value int_from_str(VM *vm, StrObj *s, int base) {
    const char *p = s->data, *end = s->data + s->len;
    strip(&p, &end);
    int64_t v = 0;
    int r = parse_int(p, end, base, &v);
    if (r == 1 && base == 0) { /* base 0 rejects leading zeros: '010' */
        const char *q = p + (p < end && (*p == '+' || *p == '-'));
        if (end - q > 1 && q[0] == '0' && digit_value(q[1]) < 10 && v != 0)
            r = 0;
    }
    if (r == -1)
        return int_overflow(vm);
    if (r == 0) {
        StrObj *rep = obj_repr(vm, VOBJ(s));
        if (!rep)
            return VNULL;
        vm_raise(vm, vm->exc_types.ValueError, "invalid literal for int() with base %d: %s", base,
                 rep->data);
        obj_decref(vm, &rep->hdr);
        return VNULL;
    }
    return VINT(v);
}

/* int(x) for a non-str x: numbers, then __int__ / __index__ / __trunc__. */
static Value int_from_value(VM *vm, Value x) {
    if (is_intlike(x))
        return VINT(x.as.i);
    if (x.kind == V_FLOAT)
        return double_to_int(vm, x.as.f);
    StrObj *names[] = {vm->names.__int__, vm->names.__index__};
    for (int i = 0; i < 2 && IS_OBJ(x); i++) {
        Value m = type_lookup(x.as.o->type, names[i]);
        if (IS_NULL(m))
            continue;
        Value r = vm_call1(vm, m, x);
        if (!IS_NULL(r) && !is_intlike(r)) {
            vm_raise(vm, vm->exc_types.TypeError, "%s returned non-int (type %s)", names[i]->data,
                     val_type_name(vm, r));
            v_decref(vm, r);
            return VNULL;
        }
        return IS_NULL(r) ? r : VINT(r.as.i);
    }
    return vm_raise(vm, vm->exc_types.TypeError,
                    "int() argument must be a string, a bytes-like object or a real number, "
                    "not '%s'",
                    val_type_name(vm, x));
}

static Value int_tp_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    static const char *const names[] = {"", "base"};
    Value a[2];
    (void)type;
    if (kwnames && kwnames->len && !str_eq_cstr((StrObj *)kwnames->items[0].as.o, "base"))
        return vm_raise(vm, vm->exc_types.TypeError,
                        "'%s' is an invalid keyword argument for int()",
                        ((StrObj *)kwnames->items[0].as.o)->data);
    if (!args_bind(vm, "int", args, nargs, kwnames, names, 2, 2, 0, a))
        return VNULL;
    if (IS_NULL(a[0]))
        return IS_NULL(a[1])
                   ? VINT(0)
                   : vm_raise(vm, vm->exc_types.TypeError, "int() missing string argument");
    if (IS_NULL(a[1]))
        return IS_STR(vm, a[0]) ? int_from_str(vm, AS_STR(a[0]), 10) : int_from_value(vm, a[0]);
    int64_t base;
    if (val_index(vm, a[1], &base) != 1)
        return vm_raise(vm, vm->exc_types.TypeError,
                        "'%s' object cannot be interpreted as an integer", val_type_name(vm, a[1]));
    if (base != 0 && (base < 2 || base > 36))
        return vm_raise(vm, vm->exc_types.ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (!IS_STR(vm, a[0]))
        return vm_raise(vm, vm->exc_types.TypeError,
                        "int() can't convert non-string with explicit base");
    return int_from_str(vm, AS_STR(a[0]), (int)base);
}

/* Python float syntax: [sign] (digits [. [digits]] | . digits) [(e|E) [sign] digits], with
 * single underscores between digits; or inf/infinity/nan. Copies it without underscores. */
static bool float_syntax(const char *p, const char *end, char *out, size_t cap) {
    size_t n = 0;
    bool digits = false, prev_digit = false;
    for (const char *q = p; q < end; q++) {
        char c = *q;
        if (c == '_') {
            if (!prev_digit || q + 1 >= end || !isdigit((unsigned char)q[1]))
                return false;
            continue;
        }
        prev_digit = isdigit((unsigned char)c) != 0;
        digits |= prev_digit;
        if (!prev_digit && !strchr("+-.eE", c))
            return false;
        if (n + 1 >= cap)
            return false;
        out[n++] = c;
    }
    out[n] = '\0';
    return digits;
}

/* Case-insensitive match of [p, p+n) against a lowercase word. */
static bool word_is(const char *p, size_t n, const char *word) {
    if (strlen(word) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)p[i]) != word[i])
            return false;
    return true;
}

static bool parse_float(const char *p, const char *end, double *out) {
    strip(&p, &end);
    char buf[512];
    size_t n = (size_t)(end - p);
    const char *w = p + (n && (*p == '+' || *p == '-'));
    size_t wn = (size_t)(end - w);
    if (word_is(w, wn, "inf") || word_is(w, wn, "infinity") || word_is(w, wn, "nan")) {
        double v = tolower((unsigned char)w[0]) == 'n' ? NAN : INFINITY;
        *out = *p == '-' ? -v : v;
        return true;
    }
    if (!float_syntax(p, end, buf, sizeof buf))
        return false;
    char *stop;
    errno = 0;
    *out = strtod(buf, &stop);
    return *stop == '\0' && stop != buf;
}

static Value float_from_value(VM *vm, Value x) {
    double d;
    if (as_double(x, &d))
        return VFLOAT(d);
    if (IS_STR(vm, x)) {
        StrObj *s = AS_STR(x);
        if (parse_float(s->data, s->data + s->len, &d))
            return VFLOAT(d);
        StrObj *rep = obj_repr(vm, x);
        if (!rep)
            return VNULL;
        vm_raise(vm, vm->exc_types.ValueError, "could not convert string to float: %s", rep->data);
        obj_decref(vm, &rep->hdr);
        return VNULL;
    }
    StrObj *names[] = {vm->names.__float__, vm->names.__index__};
    for (int i = 0; i < 2 && IS_OBJ(x); i++) {
        Value m = type_lookup(x.as.o->type, names[i]);
        if (IS_NULL(m))
            continue;
        Value r = vm_call1(vm, m, x);
        if (IS_NULL(r) || as_double(r, &d))
            return IS_NULL(r) ? r : VFLOAT(d);
        vm_raise(vm, vm->exc_types.TypeError, "%s returned non-float (type %s)", names[i]->data,
                 val_type_name(vm, r));
        v_decref(vm, r);
        return VNULL;
    }
    return vm_raise(vm, vm->exc_types.TypeError,
                    "float() argument must be a string or a real number, not '%s'",
                    val_type_name(vm, x));
}

static Value float_tp_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    (void)type;
    if (kwnames && kwnames->len)
        return vm_raise(vm, vm->exc_types.TypeError, "float() takes no keyword arguments");
    if (nargs > 1)
        return vm_raise(vm, vm->exc_types.TypeError, "float expected at most 1 argument, got %d",
                        nargs);
    return nargs == 0 ? VFLOAT(0.0) : float_from_value(vm, args[0]);
}

static Value bool_tp_new(VM *vm, TypeObj *type, Value *args, int nargs, TupleObj *kwnames) {
    (void)type;
    if (kwnames && kwnames->len)
        return vm_raise(vm, vm->exc_types.TypeError, "bool() takes no keyword arguments");
    if (nargs > 1)
        return vm_raise(vm, vm->exc_types.TypeError, "bool expected at most 1 argument, got %d",
                        nargs);
    if (nargs == 0)
        return VBOOL(false);
    int t = obj_truthy(vm, args[0]);
    return t < 0 ? VNULL : VBOOL(t);
}

/* ---------------------------------------------------------------- rounding */

/* round(i, ndigits) for ndigits < 0: to a multiple of 10**-ndigits, ties to even. */
static Value int_round_neg(VM *vm, int64_t x, int64_t ndigits) {
    if (ndigits <= -19)
        return VINT(0);
    int64_t p = 1;
    for (int64_t i = 0; i < -ndigits; i++)
        p *= 10;
    int64_t q = x / p, r = x % p;
    if (r < 0) {
        q--;
        r += p;
    }
    if (r * 2 > p || (r * 2 == p && (q & 1)))
        q++;
    int64_t out;
    return __builtin_mul_overflow(q, p, &out) ? int_overflow(vm) : VINT(out);
}

/* round(d, ndigits): correctly rounded through the exact decimal expansion printf gives. */
static Value float_round_digits(VM *vm, double d, int64_t nd) {
    (void)vm;
    if (!isfinite(d) || nd > 323)
        return VFLOAT(d);
    if (nd < -308)
        return VFLOAT(copysign(0.0, d));
    char buf[400];
    if (nd >= 0) {
        snprintf(buf, sizeof buf, "%.*f", (int)nd, d);
        return VFLOAT(strtod(buf, NULL));
    }
    /* negative ndigits: keep (exponent + 1 + nd) significant digits */
    int exp10 = d == 0.0 ? 0 : (int)floor(log10(fabs(d)));
    snprintf(buf, sizeof buf, "%.0e", d); /* fix an off-by-one of log10 near powers of 10 */
    exp10 = atoi(strchr(buf, 'e') + 1);
    int sig = exp10 + 1 + (int)nd;
    double unit = pow(10.0, (double)-nd);
    if (sig <= 0) {
        double half = unit / 2;
        double r = fabs(d) > half ? unit : 0.0;
        return VFLOAT(copysign(r, d));
    }
    snprintf(buf, sizeof buf, "%.*e", sig - 1, d);
    return VFLOAT(strtod(buf, NULL));
}

static Value num_round(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    static const char *const names[] = {"", "ndigits"};
    Value a[2];
    if (!args_bind(vm, "__round__", args, nargs, kwnames, names, 2, 2, 1, a))
        return VNULL;
    Value x = a[0];
    if (IS_NULL(a[1]) || IS_NONE(a[1])) {
        if (x.kind != V_FLOAT)
            return VINT(x.as.i);
        return double_to_int(vm, rint(x.as.f));
    }
    int64_t nd;
    if (val_index(vm, a[1], &nd) != 1)
        return vm_raise(vm, vm->exc_types.TypeError,
                        "'%s' object cannot be interpreted as an integer", val_type_name(vm, a[1]));
    if (x.kind == V_FLOAT)
        return float_round_digits(vm, x.as.f, nd);
    return nd >= 0 ? VINT(x.as.i) : int_round_neg(vm, x.as.i, nd);
}

/* ---------------------------------------------------------------- methods */

static bool one_arg(VM *vm, const char *name, int nargs, TupleObj *kwnames) {
    return args_count(vm, name, nargs, kwnames, 1, 1);
}

static Value num_abs(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!one_arg(vm, "__abs__", nargs, kwnames))
        return VNULL;
    Value x = args[0];
    if (x.kind == V_FLOAT)
        return VFLOAT(fabs(x.as.f));
    if (x.as.i == INT64_MIN)
        return int_overflow(vm);
    return VINT(x.as.i < 0 ? -x.as.i : x.as.i);
}

static Value divmod_pair(VM *vm, Value a, Value b) {
    Value q, r;
    if (is_intlike(a) && is_intlike(b)) {
        if (b.as.i == 0)
            return vm_raise(vm, vm->exc_types.ZeroDivisionError,
                            "integer division or modulo by zero");
        q = int_divide(vm, BINOP_FLOORDIV, a.as.i, b.as.i);
        r = int_divide(vm, BINOP_MOD, a.as.i, b.as.i);
    } else {
        double x, y;
        if (!as_double(a, &x) || !as_double(b, &y))
            return v_incref(vm->not_implemented);
        if (y == 0.0)
            return vm_raise(vm, vm->exc_types.ZeroDivisionError, "float divmod()");
        q = float_floordiv(vm, x, y, false);
        r = float_floordiv(vm, x, y, true);
    }
    if (IS_NULL(q) || IS_NULL(r))
        return VNULL;
    TupleObj *t = tuple_pack(vm, 2, q, r);
    return t ? VOBJ(t) : VNULL;
}

static Value num_divmod(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "__divmod__", nargs, kwnames, 2, 2))
        return VNULL;
    return divmod_pair(vm, args[0], args[1]);
}

static Value num_rdivmod(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "__rdivmod__", nargs, kwnames, 2, 2))
        return VNULL;
    return divmod_pair(vm, args[1], args[0]);
}

/* pow(base, exp, mod) for ints: modular exponentiation without overflow. */
static Value int_powmod(VM *vm, int64_t b, int64_t e, int64_t m) {
    if (m == 0)
        return vm_raise(vm, vm->exc_types.ValueError, "pow() 3rd argument cannot be 0");
    if (e < 0)
        return vm_raise(vm, vm->exc_types.ValueError,
                        "pow() negative exponent with modulus is not supported by loopscope");
    __int128 mod = m < 0 ? -(__int128)m : m, acc = 1 % mod, base = ((b % mod) + mod) % mod;
    for (; e > 0; e >>= 1) {
        if (e & 1)
            acc = acc * base % mod;
        base = base * base % mod;
    }
    if (m < 0 && acc != 0)
        acc -= mod;
    return VINT((int64_t)acc);
}

static Value num_pow(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "__pow__", nargs, kwnames, 2, 3))
        return VNULL;
    if (nargs == 3 && !IS_NONE(args[2])) {
        if (!is_intlike(args[0]) || !is_intlike(args[1]) || !is_intlike(args[2]))
            return vm_raise(vm, vm->exc_types.TypeError,
                            "pow() 3rd argument not allowed unless all arguments are integers");
        return int_powmod(vm, args[0].as.i, args[1].as.i, args[2].as.i);
    }
    return num_binop(vm, BINOP_POW, args[0], args[1]);
}

static Value int_index(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!one_arg(vm, "__index__", nargs, kwnames))
        return VNULL;
    return VINT(args[0].as.i);
}

static Value num_float(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!one_arg(vm, "__float__", nargs, kwnames))
        return VNULL;
    double d = 0;
    as_double(args[0], &d);
    return VFLOAT(d);
}

static Value num_int(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!one_arg(vm, "__int__", nargs, kwnames))
        return VNULL;
    return int_from_value(vm, args[0]);
}

static Value int_bit_length(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "int.bit_length", nargs, kwnames, 1, 1))
        return VNULL;
    int64_t x = args[0].as.i;
    uint64_t a = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    return VINT(a ? 64 - __builtin_clzll(a) : 0);
}

static Value float_is_integer(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "float.is_integer", nargs, kwnames, 1, 1))
        return VNULL;
    double d = args[0].as.f;
    return VBOOL(isfinite(d) && d == floor(d));
}

/* ---------------------------------------------------------------- types */

static void set_num_slots(TypeObj *t) {
    t->repr = num_repr;
    t->hash = num_hash;
    t->richcompare = num_richcompare;
    t->binop = num_binop;
    t->unop = num_unop;
    t->truthy = num_truthy;
}

static bool add_common_methods(VM *vm, TypeObj *t) {
    return type_add_method(vm, t, "__round__", num_round) &&
           type_add_method(vm, t, "__abs__", num_abs) &&
           type_add_method(vm, t, "__divmod__", num_divmod) &&
           type_add_method(vm, t, "__rdivmod__", num_rdivmod) &&
           type_add_method(vm, t, "__pow__", num_pow) &&
           type_add_method(vm, t, "__float__", num_float) &&
           type_add_method(vm, t, "__int__", num_int) &&
           type_add_method(vm, t, "__trunc__", num_int);
}

bool num_types_init(VM *vm) {
    TypeObj *i = vm->types.int_, *b = vm->types.bool_, *f = vm->types.float_;
    set_num_slots(i);
    set_num_slots(b);
    set_num_slots(f);
    i->tp_new = int_tp_new;
    b->tp_new = bool_tp_new;
    f->tp_new = float_tp_new;
    b->base = i;
    return add_common_methods(vm, i) && add_common_methods(vm, f) &&
           type_add_method(vm, i, "__index__", int_index) &&
           type_add_method(vm, i, "bit_length", int_bit_length) &&
           type_add_method(vm, f, "is_integer", float_is_integer);
}

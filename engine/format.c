/*
 * format.c - the format-spec mini-language (`format(x, spec)`, `f'{x:.2f}'`, str.format's
 * `{:>5}`) for int, bool, float, str and None with CPython 3.11's exact output and error
 * messages; the builtin-facing format_value (which calls a user class's __format__), the
 * __format__ methods of object/int/float/str, CPython's float repr, and UTF-8 helpers.
 *
 * Floats: C's printf is correctly rounded (round-half-even on exact ties) like CPython's
 * dtoa, so 'e', 'f' and 'g' use it; the repr ('' type) finds the shortest string that
 * reads back to the same double, laid out as CPython's float_repr does.
 *
 * Not for: parsing str.format's replacement fields or printf-style `%` (strmethods.c).
 */
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "library.h"
#include "objimpl.h"

/* ---------------------------------------------------------------- UTF-8 */

size_t utf8_decode(const char *s, size_t len, uint32_t *cp) {
    const unsigned char *u = (const unsigned char *)s;
    size_t n = u[0] < 0x80 ? 1 : u[0] < 0xE0 ? 2 : u[0] < 0xF0 ? 3 : 4;
    if (n > len)
        n = len;
    uint32_t c = n == 1 ? u[0] : n == 2 ? u[0] & 0x1F : n == 3 ? u[0] & 0x0F : u[0] & 0x07;
    for (size_t i = 1; i < n; i++)
        c = (c << 6) | (u[i] & 0x3F);
    *cp = c;
    return n;
}

size_t utf8_encode(uint32_t cp, char *out) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t utf8_char_offset(const StrObj *s, size_t byte_off) {
    if (s->ascii)
        return byte_off;
    size_t n = 0;
    for (size_t i = 0; i < byte_off && i < s->len; i++)
        n += ((unsigned char)s->data[i] & 0xC0) != 0x80;
    return n;
}

size_t utf8_byte_offset(const StrObj *s, size_t char_off) {
    if (s->ascii)
        return char_off < s->len ? char_off : s->len;
    size_t i = 0;
    for (size_t n = 0; i < s->len; i++) {
        if (((unsigned char)s->data[i] & 0xC0) != 0x80 && n++ == char_off)
            return i;
    }
    return s->len;
}

/* ---------------------------------------------------------------- parsing */

static bool is_align(char c) {
    return c == '<' || c == '>' || c == '^' || c == '=';
}

/* Reads a decimal number at s[*pos]; -1 when there is none, -2 when it overflows. */
static int64_t read_number(const char *s, size_t len, size_t *pos) {
    if (*pos >= len || s[*pos] < '0' || s[*pos] > '9')
        return -1;
    int64_t n = 0;
    for (; *pos < len && s[*pos] >= '0' && s[*pos] <= '9'; (*pos)++) {
        if (n > (INT32_MAX - 9) / 10)
            return -2;
        n = n * 10 + (s[*pos] - '0');
    }
    return n;
}

static bool too_many_digits(VM *vm) {
    vm_raise(vm, vm->exc_types.ValueError, "Too many decimal digits in format string");
    return false;
}

/* "Cannot specify ',' with 'x'." - the type shown as \x.. when it is not printable. */
static bool bad_separator(VM *vm, char sep, char type) {
    unsigned char t = (unsigned char)type;
    if (t > 32 && t < 128)
        vm_raise(vm, vm->exc_types.ValueError, "Cannot specify '%c' with '%c'.", sep, t);
    else
        vm_raise(vm, vm->exc_types.ValueError, "Cannot specify '%c' with '\\x%x'.", sep, t);
    return false;
}

/* [[fill]align]: the fill may be any code point. Returns whether a fill was given. */
static bool parse_fill_align(const char *s, size_t len, size_t *pos, FmtSpec *out) {
    uint32_t cp;
    size_t n = len ? utf8_decode(s, len, &cp) : 0;
    if (len > n && is_align(s[n])) {
        memcpy(out->fill, s, n);
        out->fill[n] = 0;
        out->align = s[n];
        *pos = n + 1;
        return true;
    }
    if (len >= 1 && is_align(s[0])) {
        out->align = s[0];
        *pos = 1;
    }
    return false;
}

/* [,|_]: both, or one twice, are errors with CPython's messages. */
static bool parse_grouping(VM *vm, const char *s, size_t len, size_t *pos, FmtSpec *out) {
    if (*pos < len && s[*pos] == ',') {
        out->grouping = ',';
        (*pos)++;
    }
    if (*pos < len && s[*pos] == '_') {
        if (out->grouping) {
            vm_raise(vm, vm->exc_types.ValueError, "Cannot specify both ',' and '_'.");
            return false;
        }
        out->grouping = '_';
        (*pos)++;
    }
    if (*pos < len && s[*pos] == ',' && out->grouping == '_') {
        vm_raise(vm, vm->exc_types.ValueError, "Cannot specify both ',' and '_'.");
        return false;
    }
    return true;
}

/* Separators are allowed with the decimal and float types; '_' also with b, o, x, X. */
static bool check_grouping(VM *vm, const FmtSpec *spec) {
    if (!spec->grouping)
        return true;
    if (spec->type == 0 || strchr("defgEG%F", spec->type))
        return true;
    if (spec->grouping == '_' && spec->type && strchr("boxX", spec->type))
        return true;
    return bad_separator(vm, spec->grouping, spec->type);
}

bool fmt_parse(VM *vm, const char *s, size_t len, const char *tname, char default_type,
               FmtSpec *out) {
    *out = (FmtSpec){.fill = " ", .width = -1, .prec = -1, .type = default_type};
    size_t pos = 0;
    bool fill_given = parse_fill_align(s, len, &pos, out);
    if (pos < len && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' '))
        out->sign = s[pos++];
    if (pos < len && s[pos] == 'z')
        out->no_neg_0 = true, pos++;
    if (pos < len && s[pos] == '#')
        out->alt = true, pos++;
    if (!fill_given && pos < len && s[pos] == '0') {
        /* the '0' flag: zero fill, after the sign for numbers (align_of resolves it) */
        strcpy(out->fill, "0");
        out->zero = true;
        pos++;
    }
    out->width = read_number(s, len, &pos);
    if (out->width == -2)
        return too_many_digits(vm);
    if (!parse_grouping(vm, s, len, &pos, out))
        return false;
    if (pos < len && s[pos] == '.') {
        pos++;
        out->prec = read_number(s, len, &pos);
        if (out->prec == -2)
            return too_many_digits(vm);
        if (out->prec == -1) {
            vm_raise(vm, vm->exc_types.ValueError, "Format specifier missing precision");
            return false;
        }
    }
    if (len - pos > 1) {
        vm_raise(vm, vm->exc_types.ValueError,
                 "Invalid format specifier '%.*s' for object of type '%s'", (int)len, s, tname);
        return false;
    }
    if (len - pos == 1)
        out->type = s[pos];
    return check_grouping(vm, out);
}

/* ---------------------------------------------------------------- layout */

static bool unknown_code(VM *vm, char type, const char *tname) {
    unsigned char t = (unsigned char)type;
    if (t > 32 && t < 128)
        vm_raise(vm, vm->exc_types.ValueError, "Unknown format code '%c' for object of type '%s'",
                 t, tname);
    else
        vm_raise(vm, vm->exc_types.ValueError,
                 "Unknown format code '\\x%x' for object of type '%s'", t, tname);
    return false;
}

static bool add_fill(VM *vm, StrBuf *sb, const char *fill, int64_t n) {
    size_t flen = strlen(fill);
    for (int64_t i = 0; i < n; i++)
        if (!sb_add(vm, sb, fill, flen))
            return false;
    return true;
}

/* The alignment in effect: numbers default to the right (the '0' flag pads after the sign),
 * strings to the left. */
static char align_of(const FmtSpec *spec, bool numeric) {
    if (spec->align)
        return spec->align;
    if (numeric)
        return spec->zero ? '=' : '>';
    return '<';
}

/* Appends body (of `chars` code points) padded to the spec's width. */
static bool add_padded(VM *vm, StrBuf *sb, const char *body, size_t len, size_t chars,
                       const FmtSpec *spec, char align) {
    int64_t pad = spec->width > (int64_t)chars ? spec->width - (int64_t)chars : 0;
    int64_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
    return add_fill(vm, sb, spec->fill, left) && sb_add(vm, sb, body, len) &&
           add_fill(vm, sb, spec->fill, pad - left);
}

/* A number split the way CPython's calc_number_widths sees it. */
typedef struct {
    const char *sign;   /* "-", "+", " " or "" */
    const char *prefix; /* "0x" ... or "" */
    const char *digits; /* the integer digits, grouped on output */
    size_t ndigits;
    const char *rest; /* ".5e+10%", "inf" ... */
    size_t nrest;
} NumParts;

/* Writes digits grouped by `every` with `sep`, zero-padded to at least min_width characters,
 * right to left exactly like CPython's _PyUnicode_InsertThousandsGrouping. */
static bool add_grouped(VM *vm, StrBuf *sb, const NumParts *p, int every, char sep,
                        int64_t min_width) {
    int64_t remaining = (int64_t)p->ndigits;
    size_t cap = (size_t)(remaining > min_width ? remaining : min_width) * 2 + 4;
    char *tmp = ls_alloc(vm, cap);
    if (!tmp) {
        vm_raise_value(vm, VOBJ(vm->exc_types.MemoryError));
        return false;
    }
    size_t out = cap;
    const char *src = p->digits + p->ndigits;
    for (bool use_sep = false;; use_sep = true) {
        int64_t most = remaining > min_width ? remaining : min_width;
        int64_t l = every < (most > 1 ? most : 1) ? every : (most > 1 ? most : 1);
        int64_t chars = remaining < l ? remaining : l;
        if (use_sep)
            tmp[--out] = sep;
        src -= chars;
        out -= (size_t)chars;
        memcpy(tmp + out, src, (size_t)chars);
        for (int64_t z = chars; z < l; z++)
            tmp[--out] = '0';
        remaining -= chars;
        min_width -= l;
        if (remaining <= 0 && min_width <= 0)
            break;
        min_width -= 1;
    }
    bool ok = sb_add(vm, sb, tmp + out, cap - out);
    ls_free(vm, tmp, cap);
    return ok;
}

/* Lays out sign, prefix, (grouped) digits and the rest within the spec's width. */
static bool add_number(VM *vm, StrBuf *sb, const NumParts *p, const FmtSpec *spec, int every) {
    char align = align_of(spec, true);
    size_t fixed = strlen(p->sign) + strlen(p->prefix) + p->nrest;
    int64_t min_digits = 0;
    if (align == '=' && strcmp(spec->fill, "0") == 0 && spec->width > (int64_t)fixed)
        min_digits = spec->width - (int64_t)fixed;
    StrBuf digits;
    sb_init(&digits);
    /* no digits ('inf', a 'c' char): nothing to group, padding fills the width */
    bool ok = spec->grouping && p->ndigits
                  ? add_grouped(vm, &digits, p, every, spec->grouping, min_digits)
                  : sb_add(vm, &digits, p->digits, p->ndigits);
    int64_t total = (int64_t)(fixed + digits.len);
    int64_t pad = spec->width > total ? spec->width - total : 0;
    int64_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
    if (align == '=')
        ok = ok && sb_adds(vm, sb, p->sign) && sb_adds(vm, sb, p->prefix) &&
             add_fill(vm, sb, spec->fill, pad);
    else
        ok = ok && add_fill(vm, sb, spec->fill, left) && sb_adds(vm, sb, p->sign) &&
             sb_adds(vm, sb, p->prefix);
    ok = ok && sb_add(vm, sb, digits.data ? digits.data : "", digits.len) &&
         sb_add(vm, sb, p->rest, p->nrest);
    if (align != '=')
        ok = ok && add_fill(vm, sb, spec->fill, pad - left);
    sb_free(vm, &digits);
    return ok;
}

static const char *sign_of(bool negative, const FmtSpec *spec) {
    if (negative)
        return "-";
    return spec->sign == '+' ? "+" : spec->sign == ' ' ? " " : "";
}

/* ---------------------------------------------------------------- int */

/* format(n, 'c'): the code point n, laid out like a number. */
static bool fmt_char(VM *vm, StrBuf *sb, int64_t v, const FmtSpec *spec) {
    if (spec->sign) {
        vm_raise(vm, vm->exc_types.ValueError,
                 "Sign not allowed with integer format specifier 'c'");
        return false;
    }
    if (spec->alt) {
        vm_raise(vm, vm->exc_types.ValueError,
                 "Alternate form (#) not allowed with integer format specifier 'c'");
        return false;
    }
    if (v < 0 || v > 0x10FFFF) {
        vm_raise(vm, vm->exc_types.OverflowError, "%%c arg not in range(0x110000)");
        return false;
    }
    char buf[4];
    size_t n = utf8_encode((uint32_t)v, buf);
    NumParts p = {"", "", "", 0, buf, n};
    FmtSpec s = *spec;
    s.grouping = 0;
    return add_number(vm, sb, &p, &s, 3);
}

/* Digits of the magnitude |v| in base 2, 8, 10 or 16, into the end of buf; returns start. */
static char *int_digits(int64_t v, int base, bool upper, char *buf, size_t cap) {
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char *p = buf + cap;
    do {
        *--p = dig[m % (uint64_t)base];
        m /= (uint64_t)base;
    } while (m);
    return p;
}

bool fmt_int(VM *vm, StrBuf *sb, int64_t v, const FmtSpec *spec, const char *tname) {
    char type = spec->type ? spec->type : 'd';
    if (strchr("eEfFgG%", type))
        return fmt_float(vm, sb, (double)v, spec, tname);
    if (!strchr("bcdoxXn", type))
        return unknown_code(vm, type, tname);
    if (spec->prec >= 0) {
        vm_raise(vm, vm->exc_types.ValueError, "Precision not allowed in integer format specifier");
        return false;
    }
    if (spec->no_neg_0) {
        vm_raise(vm, vm->exc_types.ValueError,
                 "Negative zero coercion (z) not allowed in integer format specifier");
        return false;
    }
    if (type == 'c')
        return fmt_char(vm, sb, v, spec);
    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    char buf[72];
    char *d = int_digits(v, base, type == 'X', buf, sizeof buf);
    const char *prefix = !spec->alt    ? ""
                         : type == 'b' ? "0b"
                         : type == 'o' ? "0o"
                         : type == 'x' ? "0x"
                         : type == 'X' ? "0X"
                                       : "";
    NumParts p = {sign_of(v < 0, spec), prefix, d, (size_t)(buf + sizeof buf - d), "", 0};
    return add_number(vm, sb, &p, spec, base == 10 ? 3 : 4);
}

/* ---------------------------------------------------------------- float */

/* The shortest digits that read back as x (x finite, > 0): digits without a point, and the
 * decimal exponent decpt such that x = 0.DIGITS * 10**decpt. */
static void shortest_digits(double x, char *digits, int *decpt) {
    char buf[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
        if (strtod(buf, NULL) == x || prec == 17)
            break;
    }
    char *e = strchr(buf, 'e');
    int n = 0;
    for (char *p = buf; p < e; p++)
        if (*p != '.')
            digits[n++] = *p;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = 0;
    *decpt = atoi(e + 1) + 1;
}

void fmt_float_repr(double x, char *buf, size_t cap) {
    if (isnan(x) || isinf(x)) {
        snprintf(buf, cap, "%s", isnan(x) ? "nan" : x > 0 ? "inf" : "-inf");
        return;
    }
    const char *sign = signbit(x) ? "-" : "";
    if (x == 0) {
        snprintf(buf, cap, "%s0.0", sign);
        return;
    }
    char d[24];
    int decpt;
    shortest_digits(fabs(x), d, &decpt);
    int n = (int)strlen(d);
    static const char zeros[] = "0000000000000000";
    if (decpt > -4 && decpt <= 16) { /* fixed notation, as float_repr_style 'short' */
        if (decpt <= 0)
            snprintf(buf, cap, "%s0.%.*s%s", sign, -decpt, zeros, d);
        else if (decpt >= n)
            snprintf(buf, cap, "%s%s%.*s.0", sign, d, decpt - n, zeros);
        else
            snprintf(buf, cap, "%s%.*s.%s", sign, decpt, d, d + decpt);
        return;
    }
    int exp = decpt - 1;
    snprintf(buf, cap, "%s%c%s%.*se%c%02d", sign, d[0], n > 1 ? "." : "", n - 1, d + 1,
             exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
}

/* The '' type with a precision is 'g' that switches to an exponent one digit earlier
 * (CPython's format_float_short: decpt > precision - 1 with add_dot_0_if_integer), so that
 * format(100.0, '.3') is '1e+02' where C's %g prints 100. */
static bool g_uses_exponent(double ax, int64_t prec) {
    char buf[40];
    snprintf(buf, sizeof buf, "%.*e", (int)(prec - 1 < 16 ? prec - 1 : 16), ax);
    int decpt = atoi(strchr(buf, 'e') + 1) + 1;
    return ax != 0 && (decpt <= -4 || decpt > prec - 1);
}

/* %e with insignificant zeros removed (kept with '#'), as %g prints its exponent form. */
static void g_exponent_form(char *buf, size_t cap, double ax, int64_t prec, bool alt, bool upper) {
    snprintf(buf, cap, upper ? "%.*E" : "%.*e", (int)prec - 1, ax);
    char *e = strchr(buf, upper ? 'E' : 'e');
    char *end = e;
    while (!alt && end > buf && end[-1] == '0')
        end--;
    if (!alt && end > buf && end[-1] == '.')
        end--;
    memmove(end, e, strlen(e) + 1);
}

/* Formats |x| (finite) for type e/E/f/F/g/G, or 'r' for the repr, into a new buffer.
 * repr_style: the '' type with a precision (see g_uses_exponent). */
static char *float_magnitude(VM *vm, double ax, char type, int64_t prec, bool alt, bool repr_style,
                             size_t *cap) {
    *cap = (size_t)prec + 400;
    char *buf = ls_alloc(vm, *cap);
    if (!buf) { /* format(1.5, '.2000000000f') */
        vm_raise_value(vm, VOBJ(vm->exc_types.MemoryError));
        return NULL;
    }
    if (type == 'r') {
        fmt_float_repr(ax, buf, *cap);
        char *e = strchr(buf, 'e');
        if (alt && e && !strchr(buf, '.')) { /* format(1e16, '#') == '1.e+16' */
            memmove(e + 1, e, strlen(e) + 1);
            *e = '.';
        }
        return buf;
    }
    if (type == 'G' || type == 'g') {
        if (prec == 0)
            prec = 1;
        if (repr_style && g_uses_exponent(ax, prec)) {
            g_exponent_form(buf, *cap, ax, prec, alt, type == 'G');
            return buf;
        }
    }
    char fmt[8] = "%";
    strcat(fmt, alt ? "#.*" : ".*");
    size_t n = strlen(fmt);
    fmt[n] = type;
    fmt[n + 1] = 0;
    snprintf(buf, *cap, fmt, (int)prec, ax);
    return buf;
}

/* For 'z': a negative value that rounds to zero loses its sign. */
static bool all_zero_digits(const char *s) {
    for (; *s && *s != 'e' && *s != 'E'; s++)
        if (*s >= '1' && *s <= '9')
            return false;
    return true;
}

/* Splits a formatted magnitude into its leading digits and the rest, then lays it out. */
static bool add_float_parts(VM *vm, StrBuf *sb, const char *mag, bool negative,
                            const FmtSpec *spec) {
    size_t nd = strspn(mag, "0123456789");
    NumParts p = {sign_of(negative, spec), "", mag, nd, mag + nd, strlen(mag + nd)};
    return add_number(vm, sb, &p, spec, 3);
}

bool fmt_float(VM *vm, StrBuf *sb, double x, const FmtSpec *spec, const char *tname) {
    char type = spec->type;
    if (type && !strchr("eEfFgGn%", type))
        return unknown_code(vm, type, tname);
    int64_t prec = spec->prec;
    bool add_dot_0 = type == 0, pct = type == '%';
    if (type == 0)
        type = prec < 0 ? 'r' : 'g';
    if (type == 'n')
        type = 'g';
    if (pct)
        type = 'f', x *= 100;
    if (prec < 0)
        prec = 6;
    bool negative = signbit(x) && !isnan(x);
    char special[8] = "";
    if (isnan(x) || isinf(x))
        strcpy(special, isnan(x) ? (strchr("EFG", type) ? "NAN" : "nan")
                                 : (strchr("EFG", type) ? "INF" : "inf"));
    size_t cap = sizeof special;
    char *mag =
        special[0] ? special : float_magnitude(vm, fabs(x), type, prec, spec->alt, add_dot_0, &cap);
    if (!mag)
        return false;
    if (!special[0] && add_dot_0 && !strpbrk(mag, ".e"))
        strcat(mag, ".0");
    if (pct)
        strcat(mag, "%");
    if (negative && spec->no_neg_0 && !special[0] && all_zero_digits(mag))
        negative = false;
    bool ok = add_float_parts(vm, sb, mag, negative, spec);
    if (mag != special)
        ls_free(vm, mag, cap);
    return ok;
}

/* ---------------------------------------------------------------- str */

bool fmt_str(VM *vm, StrBuf *sb, const StrObj *s, const FmtSpec *spec) {
    const char *err = NULL;
    if (spec->type && spec->type != 's')
        return unknown_code(vm, spec->type, "str");
    if (spec->sign)
        err = "Sign not allowed in string format specifier";
    else if (spec->no_neg_0)
        err = "Negative zero coercion (z) not allowed in string format specifier";
    else if (spec->alt)
        err = "Alternate form (#) not allowed in string format specifier";
    else if (spec->align == '=')
        err = "'=' alignment not allowed in string format specifier";
    if (err) {
        vm_raise(vm, vm->exc_types.ValueError, "%s", err);
        return false;
    }
    size_t len = s->len, chars = s->nchars;
    if (spec->prec >= 0 && (size_t)spec->prec < chars) {
        len = utf8_byte_offset(s, (size_t)spec->prec);
        chars = (size_t)spec->prec;
    }
    return add_padded(vm, sb, s->data, len, chars, spec, align_of(spec, false));
}

/* ---------------------------------------------------------------- format() */

/* Formats an int, bool, float, str or None per a non-empty spec. */
static StrObj *format_builtin(VM *vm, Value v, StrObj *spec) {
    const char *tname = val_type_name(vm, v);
    if (IS_NONE(v)) {
        vm_raise(vm, vm->exc_types.TypeError,
                 "unsupported format string passed to NoneType.__format__");
        return NULL;
    }
    char default_type = IS_FLOAT(v) ? 0 : IS_OBJ(v) ? 's' : 'd';
    FmtSpec fs;
    if (!fmt_parse(vm, spec->data, spec->len, tname, default_type, &fs))
        return NULL;
    StrBuf sb;
    sb_init(&sb);
    bool ok = IS_FLOAT(v) ? fmt_float(vm, &sb, v.as.f, &fs, tname)
              : IS_OBJ(v) ? fmt_str(vm, &sb, AS_STR(v), &fs)
                          : fmt_int(vm, &sb, v.as.i, &fs, tname);
    if (!ok) {
        sb_free(vm, &sb);
        return NULL;
    }
    return sb_finish(vm, &sb);
}

/* Int, bool, float, str (exact types) and None are formatted here without a method call. */
static bool is_plain(VM *vm, Value v) {
    return v.kind == V_INT || v.kind == V_BOOL || v.kind == V_FLOAT || v.kind == V_NONE ||
           IS_STR(vm, v);
}

/* Calls v.__format__(spec) and checks that it returned a str. */
static Value call_format_method(VM *vm, Value v, StrObj *spec) {
    Value meth;
    int self_first = obj_load_method(vm, v, vm->names.__format__, &meth);
    if (self_first < 0)
        return VNULL;
    Value args[2] = {v, VOBJ(spec)};
    Value r = self_first ? vm_call(vm, meth, args, 2, NULL) : vm_call(vm, meth, args + 1, 1, NULL);
    v_decref(vm, meth);
    if (!IS_NULL(r) && !val_isinstance(vm, r, vm->types.str)) {
        vm_raise(vm, vm->exc_types.TypeError, "__format__ must return a str, not %s",
                 val_type_name(vm, r));
        v_decref(vm, r);
        return VNULL;
    }
    return r;
}

Value format_value(VM *vm, Value v, StrObj *spec) {
    if (!is_plain(vm, v)) {
        if (spec)
            return call_format_method(vm, v, spec);
        StrObj *empty = str_from_cstr(vm, "");
        if (!empty)
            return VNULL;
        Value r = call_format_method(vm, v, empty);
        obj_decref(vm, (Obj *)empty);
        return r;
    }
    StrObj *s = !spec || spec->len == 0 ? obj_str(vm, v) : format_builtin(vm, v, spec);
    return s ? VOBJ(s) : VNULL;
}

/* ---------------------------------------------------------------- __format__ methods */

/* Checks the (self, spec) arguments of a __format__ method. */
static bool format_args(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!args_count(vm, "__format__", nargs - 1, kwnames, 1, 1))
        return false;
    if (!val_isinstance(vm, args[1], vm->types.str)) {
        vm_raise(vm, vm->exc_types.TypeError, "__format__() argument must be str, not %s",
                 val_type_name(vm, args[1]));
        return false;
    }
    return true;
}

/* object.__format__: str(self) for an empty spec, a TypeError otherwise. */
static Value m_object_format(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!format_args(vm, args, nargs, kwnames))
        return VNULL;
    if (AS_STR(args[1])->len > 0)
        return vm_raise(vm, vm->exc_types.TypeError,
                        "unsupported format string passed to %s.__format__",
                        val_type_name(vm, args[0]));
    StrObj *s = obj_str(vm, args[0]);
    return s ? VOBJ(s) : VNULL;
}

/* int/float/str.__format__ (also reached by super().__format__ from a subclass). */
static Value m_plain_format(VM *vm, Value *args, int nargs, TupleObj *kwnames) {
    if (!format_args(vm, args, nargs, kwnames))
        return VNULL;
    if (!is_plain(vm, args[0]))
        return m_object_format(vm, args, nargs, kwnames);
    StrObj *spec = AS_STR(args[1]);
    StrObj *s = spec->len == 0 ? obj_str(vm, args[0]) : format_builtin(vm, args[0], spec);
    return s ? VOBJ(s) : VNULL;
}

bool format_init(VM *vm) {
    Types *t = &vm->types;
    return type_add_method(vm, t->object, "__format__", m_object_format) &&
           type_add_method(vm, t->int_, "__format__", m_plain_format) &&
           type_add_method(vm, t->float_, "__format__", m_plain_format) &&
           type_add_method(vm, t->str, "__format__", m_plain_format);
}

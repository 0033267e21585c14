/*
 * library.h - declarations shared only by the library files: errors.c, builtins.c,
 * strmethods.c, format.c and modules.c (the built-in functions, exceptions, str methods,
 * format mini-language and native modules).
 *
 * Not for: what the rest of the engine calls (that is in object.h, vm.h and objimpl.h:
 * vm_raise & co, str_mod, format_value, vm_import).
 */
#ifndef LS_LIBRARY_H
#define LS_LIBRARY_H

#include "vm.h"

/* errors.c: creates BaseException and every type of LS_EXCEPTIONS into vm->exc_types.
 * Called first thing by builtins_init. */
bool errors_init(VM *vm);

/* strmethods.c: adds the str methods to vm->types.str. Called by builtins_init. */
bool strmethods_init(VM *vm);

/* builtins.c: binds the names of vm->types that were still NULL when builtins_init ran
 * (types created by a later init). modules_init calls it, since it runs last. */
bool builtins_bind_types(VM *vm);

/* strmethods.c: ascii(v), repr(v) with non-ASCII characters escaped. */
StrObj *str_ascii(VM *vm, Value v);

/* modules.c: sys.stdout / sys.stderr as the program currently sees them (borrowed; the sys
 * module's attribute, which a program may reassign). */
Value sys_stream(VM *vm, LsStream which);
/* modules.c: is `file` one of loopscope's own text streams? Then text_write writes to it
 * without a method call. */
bool is_textio(VM *vm, Value file);
void text_write(VM *vm, Value file, const char *s, size_t len);

/* format.c: a parsed format spec, [[fill]align][sign][z][#][0][width][grouping][.prec][type]. */
typedef struct {
    char fill[5];  /* UTF-8 of the fill code point, NUL-terminated; default " " */
    char align;    /* '<' '>' '^' '=' or 0 when not given */
    char sign;     /* '+' '-' ' ' or 0 */
    bool no_neg_0; /* 'z': coerce negative zero to positive (floats) */
    bool alt;      /* '#' */
    bool zero;     /* the '0' flag before the width: zero fill ('=' for numbers) */
    int64_t width; /* -1 when not given */
    char grouping; /* ',' '_' or 0 */
    int64_t prec;  /* -1 when not given */
    char type;     /* presentation type letter, 0 when not given */
} FmtSpec;

/* Parses a format spec; raises ValueError with CPython's text ("Invalid format specifier
 * 'abc' for object of type 'int'") and returns false when it is malformed. `tname` is the
 * type name used in messages; `default_type` is the type when none is given ('d' for int,
 * 's' for str, 0 for float). */
bool fmt_parse(VM *vm, const char *s, size_t len, const char *tname, char default_type,
               FmtSpec *out);

/* format.c: adds __format__ to object, int, float and str. Called by builtins_init. */
bool format_init(VM *vm);

/* Format an int / float / str per a parsed spec, appending to sb. Return false on error. */
bool fmt_int(VM *vm, StrBuf *sb, int64_t v, const FmtSpec *spec, const char *tname);
bool fmt_float(VM *vm, StrBuf *sb, double x, const FmtSpec *spec, const char *tname);
bool fmt_str(VM *vm, StrBuf *sb, const StrObj *s, const FmtSpec *spec);

/* CPython's repr of a float ('0.1', '1e+16', 'inf') into buf (at least 32 bytes). */
void fmt_float_repr(double x, char *buf, size_t cap);

/* UTF-8 helpers shared by str methods and formatting. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp); /* bytes used (>=1) */
size_t utf8_encode(uint32_t cp, char *out);                  /* bytes written (1..4) */
size_t utf8_char_offset(const StrObj *s, size_t byte_off);   /* code points before byte */
size_t utf8_byte_offset(const StrObj *s, size_t char_off);   /* byte of the code point */

#endif

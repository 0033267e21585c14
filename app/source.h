/*
 * source.h - reads a scenario file for the engine and checks that it is valid UTF-8.
 *
 * The engine does no I/O (ARCHITECTURE.md): the host reads the bytes and hands them over.
 * Not for: decoding or parsing Python; only the checks the engine relies on.
 */
#ifndef LS_SOURCE_H
#define LS_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

/* A file's bytes, NUL-terminated (the NUL is not counted in `length`), BOM stripped. */
typedef struct {
    char *text;    /* owned; release with source_free() */
    size_t length; /* bytes in text, without the terminating NUL */
} Source;

/* Where a byte string stops being valid UTF-8. */
typedef struct {
    size_t offset;      /* byte offset of the first byte of the bad sequence */
    unsigned char byte; /* that byte */
    int line;           /* 1-based line of that byte */
    int column;         /* 1-based column, counted in characters (code points) */
} Utf8Error;

/*
 * Reads `path` into `source`, strips a leading UTF-8 BOM and checks the encoding.
 * On failure returns false and writes a one-line reason naming the file (no newline)
 * into `error`, e.g. "cannot open 'x.py': No such file or directory".
 */
bool source_load(Source *source, const char *path, char *error, size_t error_size);

/* Releases what source_load() allocated; safe on a zeroed Source. */
void source_free(Source *source);

/*
 * Checks `text` against UTF-8 as Unicode defines it: no overlong forms, no surrogates
 * (U+D800..U+DFFF), nothing above U+10FFFF, no truncated sequences. Returns true when
 * valid; otherwise false with the position of the first bad sequence in `where`.
 */
bool utf8_validate(const char *text, size_t length, Utf8Error *where);

#endif

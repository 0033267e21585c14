/*
 * source.c - reads a scenario file and checks its UTF-8 (see source.h).
 *
 * Error texts follow the one-line style of UI.md: the caller prefixes "loopscope: ".
 */
#include "source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Bytes in the valid UTF-8 sequence at s[0..avail), or 0 when it is not valid there.
 * Ranges from the Unicode Standard, table 3-7 "Well-Formed UTF-8 Byte Sequences". */
static size_t sequence_length(const unsigned char *s, size_t avail) {
    unsigned char b = s[0], lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    size_t need;
    if (b < 0x80) {
        return 1;
    } else if (b >= 0xC2 && b <= 0xDF) {
        need = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 3;
        lo = b == 0xE0 ? 0xA0 : lo; /* E0 80..9F would be overlong */
        hi = b == 0xED ? 0x9F : hi; /* ED A0..BF would be a surrogate */
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 4;
        lo = b == 0xF0 ? 0x90 : lo; /* F0 80..8F would be overlong */
        hi = b == 0xF4 ? 0x8F : hi; /* F4 90.. would be above U+10FFFF */
    } else {
        return 0; /* 80..C1 (continuation or overlong lead), F5..FF */
    }
    if (avail < need || s[1] < lo || s[1] > hi) {
        return 0;
    }
    for (size_t k = 2; k < need; k++) {
        if ((s[k] & 0xC0) != 0x80) {
            return 0;
        }
    }
    return need;
}

bool utf8_validate(const char *text, size_t length, Utf8Error *where) {
    const unsigned char *s = (const unsigned char *)text;
    int line = 1, column = 1;
    size_t i = 0;
    while (i < length) {
        size_t n = sequence_length(s + i, length - i);
        if (n == 0) {
            *where = (Utf8Error){.offset = i, .byte = s[i], .line = line, .column = column};
            return false;
        }
        /* "\n", "\r\n" and a lone "\r" each end a line, as in Python source. */
        bool newline = s[i] == '\n' || (s[i] == '\r' && (i + 1 == length || s[i + 1] != '\n'));
        line += newline;
        column = newline ? 1 : column + 1;
        i += n;
    }
    return true;
}

/* Reads all of `f` into a NUL-terminated heap buffer. Leaves errno set on failure. */
static bool read_all(FILE *f, Source *source) {
    size_t capacity = 4096, length = 0;
    char *text = malloc(capacity);
    while (text != NULL) {
        length += fread(text + length, 1, capacity - 1 - length, f);
        if (ferror(f)) {
            free(text);
            return false;
        }
        if (length < capacity - 1) { /* a short read without error: end of file */
            text[length] = '\0';
            *source = (Source){.text = text, .length = length};
            return true;
        }
        char *bigger = realloc(text, capacity * 2);
        if (bigger == NULL) {
            free(text);
        }
        text = bigger;
        capacity *= 2;
    }
    errno = ENOMEM;
    return false;
}

/* Drops a UTF-8 byte order mark at the start, as CPython does for source files. */
static void strip_bom(Source *source) {
    if (source->length >= 3 && memcmp(source->text, "\xEF\xBB\xBF", 3) == 0) {
        source->length -= 3;
        memmove(source->text, source->text + 3, source->length + 1);
    }
}

/* Opens `path` for reading, refusing directories (fopen alone accepts them on Linux). */
static FILE *open_regular(const char *path, char *error, size_t error_size) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        snprintf(error, error_size, "cannot open '%s': %s", path, strerror(errno));
        return NULL;
    }
    struct stat info;
    if (fstat(fileno(f), &info) == 0 && S_ISDIR(info.st_mode)) {
        snprintf(error, error_size, "'%s' is a directory", path);
        fclose(f);
        return NULL;
    }
    return f;
}

bool source_load(Source *source, const char *path, char *error, size_t error_size) {
    *source = (Source){0};
    FILE *f = open_regular(path, error, error_size);
    if (f == NULL) {
        return false;
    }
    bool ok = read_all(f, source);
    if (!ok) {
        snprintf(error, error_size, "cannot read '%s': %s", path, strerror(errno));
    }
    fclose(f);
    if (!ok) {
        return false;
    }
    strip_bom(source);
    Utf8Error bad;
    if (!utf8_validate(source->text, source->length, &bad)) {
        snprintf(error, error_size, "'%s' is not valid UTF-8 (byte 0x%02x at line %d, column %d)",
                 path, bad.byte, bad.line, bad.column);
        source_free(source);
        return false;
    }
    return true;
}

void source_free(Source *source) {
    free(source->text);
    *source = (Source){0};
}

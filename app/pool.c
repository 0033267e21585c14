/*
 * pool.c - the bump allocator of pool.h.
 */
#include "pool.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct PoolBlock {
    PoolBlock *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
};

enum { BLOCK_SIZE = 64 * 1024 };

static PoolBlock *block_new(size_t cap, PoolBlock *next) {
    PoolBlock *b = malloc(sizeof *b + cap);
    if (b == NULL) {
        fprintf(stderr, "%s:%d: out of memory\n", __FILE__, __LINE__);
        abort();
    }
    b->next = next;
    b->used = 0;
    b->cap = cap;
    return b;
}

void *pool_alloc(Pool *pool, size_t size) {
    size = (size + 15) & ~(size_t)15;
    PoolBlock *b = pool->blocks;
    if (b == NULL || b->used + size > b->cap) {
        size_t cap = size > BLOCK_SIZE ? size : BLOCK_SIZE;
        if (b != NULL && b->used == 0 && b->cap >= size) {
            cap = b->cap; /* unreachable in practice: an empty block always fits */
        }
        b = pool->blocks = block_new(cap, pool->blocks);
    }
    void *p = b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

char *pool_strndup(Pool *pool, const char *text, size_t len) {
    if (text == NULL) {
        return NULL;
    }
    if (len == (size_t)-1) {
        len = strlen(text);
    }
    char *out = pool_alloc(pool, len + 1);
    memcpy(out, text, len);
    out[len] = '\0';
    return out;
}

char *pool_strdup(Pool *pool, const char *text) {
    return pool_strndup(pool, text, (size_t)-1);
}

char *pool_printf(Pool *pool, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    int n = vsnprintf(NULL, 0, format, ap);
    va_end(ap);
    char *out = pool_alloc(pool, (size_t)(n < 0 ? 0 : n) + 1);
    va_start(ap, format);
    vsnprintf(out, (size_t)(n < 0 ? 0 : n) + 1, format, ap);
    va_end(ap);
    return out;
}

void pool_reset(Pool *pool) {
    PoolBlock *keep = NULL;
    for (PoolBlock *b = pool->blocks, *next; b != NULL; b = next) {
        next = b->next;
        if (b->next == NULL && b->cap == BLOCK_SIZE) {
            keep = b; /* the oldest standard block is reused */
        } else {
            free(b);
        }
    }
    if (keep != NULL) {
        keep->used = 0;
        keep->next = NULL;
    }
    pool->blocks = keep;
}

void pool_free(Pool *pool) {
    for (PoolBlock *b = pool->blocks, *next; b != NULL; b = next) {
        next = b->next;
        free(b);
    }
    pool->blocks = NULL;
}

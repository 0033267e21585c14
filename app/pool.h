/*
 * pool.h - a bump allocator for data rebuilt as a whole (a picture, a scene).
 *
 * Everything allocated from a pool is released at once by pool_reset or pool_free,
 * so a picture of 2,000 tasks costs no per-string bookkeeping. Not for: long-lived data.
 */
#ifndef LS_POOL_H
#define LS_POOL_H

#include <stddef.h>

typedef struct PoolBlock PoolBlock;

typedef struct {
    PoolBlock *blocks; /* newest first */
} Pool;

/* `size` zeroed bytes, aligned for any type; aborts with file:line when memory runs out. */
void *pool_alloc(Pool *pool, size_t size);
/* A NUL-terminated copy of text[0..len) (len == (size_t)-1: up to its NUL); NULL stays NULL. */
char *pool_strndup(Pool *pool, const char *text, size_t len);
char *pool_strdup(Pool *pool, const char *text);
/* printf into the pool. */
char *pool_printf(Pool *pool, const char *format, ...);
/* Keeps the first block for reuse and frees the rest. */
void pool_reset(Pool *pool);
void pool_free(Pool *pool);

#endif

/*
 * aio.h - the native core of loopscope's asyncio: the event loop (aio_loop.c), Future and
 * Task (aio_future.c), the module object (aio_module.c) and the Python half embedded from
 * engine/aio_lib.py. Shared by those files and the unit tests only.
 *
 * Not for: the language VM (vm.h, code.h) nor the event records themselves (aio_events.h).
 */
#ifndef LS_AIO_H
#define LS_AIO_H

#include "code.h"

/* The text of engine/aio_lib.py, embedded at build time by tools/embed.cmake. */
extern const char ls_aio_lib_source[];
extern const size_t ls_aio_lib_source_len;

/* The file name shown for frames of the embedded library in tracebacks and reprs. */
#define AIO_LIB_FILENAME "<asyncio>"

/* aio_module.c: fills a fresh `asyncio` module (the row of modules.c's native table). */
bool aio_module_init(VM *vm, Value module);

#endif

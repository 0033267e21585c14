# aio_lib.py - the Python part of loopscope's asyncio module.
#
# Compiled into the engine (tools/embed.cmake -> aio_lib_py.c) and run by aio_module.c, on
# the first `import asyncio`, in the namespace of the module object that the native core
# (aio_loop.c, aio_future.c, aio_module.c) has already filled. Every native name (Future,
# Task, get_running_loop, CancelledError ...) is therefore a plain global here, and every
# top-level name defined here becomes an attribute of `asyncio`. Names starting with "_"
# are private helpers (they are still reachable as asyncio._x, as in CPython).
#
# Two sections, one owner each: "core" (the native-core engineer: small coroutines that
# are simplest written in Python, like sleep) and "library" (the library engineer: gather,
# wait, wait_for, shield, timeout, TaskGroup, run/Runner, locks, queues ...), written
# against the native API exactly as CPython's asyncio/*.py uses _asyncio and BaseEventLoop.
# Coordinate through comments here.

# ======================================================================== core

def _set_result_unless_cancelled(fut, result):
    """Helper setting the result only if the future was not cancelled."""
    if fut.cancelled():
        return
    fut.set_result(result)


async def sleep(delay, result=None):
    """Coroutine that completes after a given time (in seconds)."""
    if delay <= 0:
        await _sleep0()
        return result
    loop = get_running_loop()
    future = loop.create_future()
    h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()

# ======================================================================== library

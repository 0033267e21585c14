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
# Written by the native-core side. Natives available here: Future, Task, Handle,
# TimerHandle, _UnixSelectorEventLoop, CancelledError, InvalidStateError, TimeoutError,
# get_running_loop, _get_running_loop, get_event_loop, new_event_loop, set_event_loop,
# current_task, all_tasks, ensure_future, create_task, isfuture, iscoroutine,
# iscoroutinefunction, _set_sigint_handler(fn|None) (fn() runs at SIGINT), _sleep0,
# _add_method(cls, name, fn), _print_exception(exc).
# Queue fast paths (native, for an exact Queue; subclasses get False/_QUEUE_EMPTY):
#   _queue_put_fast(q, item) -> True when it did q.put_nowait(item) (not full), else False;
#   _queue_get_fast(q) -> q.get_nowait() when not empty, else _QUEUE_EMPTY. They read the
#   instance attributes _maxsize, _queue, _unfinished_tasks, _finished, _getters, _putters.

import sys as _sys
from functools import partial as _partial


# ---- reprlib.repr (maxlevel 6, maxstring 30, maxother 30, maxlong 40, lists/tuples 6)

def _rl_trim(s, limit):
    if len(s) > limit:
        i = max(0, (limit - 3) // 2)
        j = max(0, limit - 3 - i)
        s = s[:i] + '...' + s[len(s) - j:]
    return s


def _rl_iterable(x, level, left, right, maxiter, trail=''):
    n = len(x)
    if level <= 0 and n:
        s = '...'
    else:
        pieces = []
        for elem in x:
            if len(pieces) >= maxiter:
                break
            pieces.append(_rl_repr(elem, level - 1))
        if n > maxiter:
            pieces.append('...')
        s = ', '.join(pieces)
        if n == 1 and trail:
            right = trail + right
    return left + s + right


def _rl_repr(x, level=6):
    t = type(x)
    if t is str:
        s = repr(x[:30])
        if len(s) > 30:
            s = _rl_trim(repr(x), 30)
        return s
    if t is int:
        return _rl_trim(repr(x), 40)
    if t is tuple:
        return _rl_iterable(x, level, '(', ')', 6, ',')
    if t is list:
        return _rl_iterable(x, level, '[', ']', 6)
    if t is set:
        if not x:
            return 'set()'
        return _rl_iterable(_rl_sorted(x), level, '{', '}', 6)
    if t is frozenset:
        if not x:
            return 'frozenset()'
        return _rl_iterable(_rl_sorted(x), level, 'frozenset({', '})', 6)
    if t is dict:
        n = len(x)
        if n == 0:
            return '{}'
        if level <= 0:
            return '{...}'
        pieces = []
        for key in _rl_sorted(x):
            if len(pieces) >= 4:
                break
            pieces.append(_rl_repr(key, level - 1) + ': ' + _rl_repr(x[key], level - 1))
        if n > 4:
            pieces.append('...')
        return '{' + ', '.join(pieces) + '}'
    try:
        s = repr(x)
    except Exception:
        return '<%s instance at %#x>' % (t.__name__, id(x))
    return _rl_trim(s, 30)


def _rl_sorted(x):
    try:
        return sorted(x)
    except Exception:
        return list(x)


# ---- format_helpers

def _get_function_source(func):
    while hasattr(func, '__wrapped__'):
        func = func.__wrapped__
    if hasattr(func, '__code__') and hasattr(func, '__defaults__'):
        code = func.__code__
        return (code.co_filename, code.co_firstlineno)
    if isinstance(func, _partial):
        return _get_function_source(func.func)
    return None


def _format_args_and_kwargs(args, kwargs):
    items = []
    if args:
        for arg in args:
            items.append(_rl_repr(arg))
    if kwargs:
        for k, v in kwargs.items():
            items.append(f'{k}={_rl_repr(v)}')
    return '(' + ', '.join(items) + ')'


def _format_callback(func, args, kwargs, suffix=''):
    if isinstance(func, _partial):
        suffix = _format_args_and_kwargs(args, kwargs) + suffix
        return _format_callback(func.func, func.args, func.keywords, suffix)
    if hasattr(func, '__qualname__') and func.__qualname__:
        func_repr = func.__qualname__
    elif hasattr(func, '__name__') and func.__name__:
        func_repr = func.__name__
    else:
        func_repr = repr(func)
    func_repr += _format_args_and_kwargs(args, kwargs)
    if suffix:
        func_repr += suffix
    return func_repr


def _format_callback_source(func, args):
    func_repr = _format_callback(func, args, None)
    source = _get_function_source(func)
    if source:
        func_repr += f' at {source[0]}:{source[1]}'
    return func_repr


# ---- reprs of futures, tasks and handles (base_futures, base_tasks, events)

def _format_callbacks(cb):
    size = len(cb)
    if not size:
        cb = ''
    elif size == 1:
        cb = _format_callback_source(cb[0][0], ())
    elif size == 2:
        cb = '{}, {}'.format(_format_callback_source(cb[0][0], ()),
                             _format_callback_source(cb[1][0], ()))
    else:
        cb = '{}, <{} more>, {}'.format(_format_callback_source(cb[0][0], ()), size - 2,
                                        _format_callback_source(cb[-1][0], ()))
    return f'cb=[{cb}]'


def _future_repr_info(future):
    info = [future._state.lower()]
    if future._state == 'FINISHED':
        if future._exception is not None:
            info.append(f'exception={future._exception!r}')
        else:
            info.append(f'result={_rl_repr(future._result)}')
    if future._callbacks:
        info.append(_format_callbacks(future._callbacks))
    return info


def _format_coroutine(coro):
    if hasattr(coro, '__qualname__') and coro.__qualname__:
        coro_name = coro.__qualname__ + '()'
    elif hasattr(coro, '__name__') and coro.__name__:
        coro_name = coro.__name__ + '()'
    else:
        coro_name = f'<{type(coro).__name__} without __name__>()'
    coro_code = None
    if hasattr(coro, 'cr_code') and coro.cr_code:
        coro_code = coro.cr_code
    elif hasattr(coro, 'gi_code') and coro.gi_code:
        coro_code = coro.gi_code
    if not coro_code:
        return coro_name
    coro_frame = None
    if hasattr(coro, 'gi_frame') and coro.gi_frame:
        coro_frame = coro.gi_frame
    elif hasattr(coro, 'cr_frame') and coro.cr_frame:
        coro_frame = coro.cr_frame
    filename = coro_code.co_filename or '<empty co_filename>'
    if coro_frame is not None:
        return f'{coro_name} running at {filename}:{coro_frame.f_lineno}'
    return f'{coro_name} done, defined at {filename}:{coro_code.co_firstlineno}'


def _task_repr_info(task):
    info = _future_repr_info(task)
    if task.cancelling() and not task.done():
        info[0] = 'cancelling'
    info.insert(1, 'name=%r' % task.get_name())
    info.insert(2, f'coro=<{_format_coroutine(task._coro)}>')
    if task._fut_waiter is not None:
        info.insert(3, f'wait_for={task._fut_waiter!r}')
    return info


_repr_running = set()


def _future_repr(self):
    key = id(self)
    if key in _repr_running:
        return '...'
    _repr_running.add(key)
    try:
        info = self._repr_info() if hasattr(self, '_repr_info') else _future_repr_info(self)
        return f'<{self.__class__.__name__} {" ".join(info)}>'
    finally:
        _repr_running.discard(key)


def _task_repr(self):
    key = id(self)
    if key in _repr_running:
        return '...'
    _repr_running.add(key)
    try:
        return f'<{self.__class__.__name__} {" ".join(_task_repr_info(self))}>'
    finally:
        _repr_running.discard(key)


def _handle_repr(self):
    info = [self.__class__.__name__]
    if self._cancelled:
        info.append('cancelled')
    if self._callback is not None:
        info.append(_format_callback_source(self._callback, self._args))
    if isinstance(self, TimerHandle):
        info.insert(2 if self._cancelled else 1, f'when={self._when}')
    return '<{}>'.format(' '.join(info))


# ---- BaseEventLoop methods written in Python (added to the native loop type)

def _loop_default_exception_handler(self, context):
    message = context.get('message')
    if not message:
        message = 'Unhandled exception in event loop'
    exception = context.get('exception')
    log_lines = [message]
    for key in sorted(context):
        if key in {'message', 'exception'}:
            continue
        log_lines.append(f'{key}: {context[key]!r}')
    _sys.stderr.write('\n'.join(log_lines) + '\n')
    if exception is not None:
        _print_exception(exception)


def _loop_call_exception_handler(self, context):
    handler = self.__dict__.get('_exception_handler')
    if handler is None:
        try:
            self.default_exception_handler(context)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            _sys.stderr.write('Exception in default exception handler\n')
            _print_exception(exc)
    else:
        try:
            handler(self, context)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            try:
                self.default_exception_handler({
                    'message': 'Unhandled error in exception handler',
                    'exception': exc,
                    'context': context,
                })
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc2:
                _sys.stderr.write('Exception in default exception handler while handling an '
                                  'unexpected error in custom exception handler\n')
                _print_exception(exc2)


def _loop_set_exception_handler(self, handler):
    if handler is not None and not callable(handler):
        raise TypeError(f'A callable object or None is expected, got {handler!r}')
    self._exception_handler = handler


def _loop_get_exception_handler(self):
    return self.__dict__.get('_exception_handler')


async def _loop_shutdown_asyncgens(self):
    """Shutdown all active asynchronous generators."""
    self._asyncgens_shutdown_called = True


async def _loop_shutdown_default_executor(self):
    """Schedule the shutdown of the default executor."""
    self._executor_shutdown_called = True


_loop_default_exception_handler.__qualname__ = 'BaseEventLoop.default_exception_handler'
_loop_shutdown_asyncgens.__qualname__ = 'BaseEventLoop.shutdown_asyncgens'
_loop_shutdown_default_executor.__qualname__ = 'BaseEventLoop.shutdown_default_executor'

_add_method(_UnixSelectorEventLoop, 'default_exception_handler', _loop_default_exception_handler)
_add_method(_UnixSelectorEventLoop, 'call_exception_handler', _loop_call_exception_handler)
_add_method(_UnixSelectorEventLoop, 'set_exception_handler', _loop_set_exception_handler)
_add_method(_UnixSelectorEventLoop, 'get_exception_handler', _loop_get_exception_handler)
_add_method(_UnixSelectorEventLoop, 'shutdown_asyncgens', _loop_shutdown_asyncgens)
_add_method(_UnixSelectorEventLoop, 'shutdown_default_executor',
            _loop_shutdown_default_executor)


# ---- coroutines, sleep

async def _wrap_awaitable(awaitable):
    return await awaitable


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


# Names of CPython's asyncio submodules, so that `asyncio.coroutine` suggests
# 'coroutines' as CPython's AttributeError does.
base_events = coroutines = events = exceptions = futures = locks = queues = None
runners = taskgroups = tasks = timeouts = None

# ======================================================================== library

# Ported from CPython 3.11.7 Lib/asyncio/{tasks,locks,queues,timeouts,
# taskgroups,runners,mixins}.py, inside loopscope's Python subset (LANGUAGE.md):
# no weakref/contextvars/enum/heapq/signal/threading; single inheritance only.
#
# Names this part expects from the core (plain globals of the asyncio module):
#   Future (subclassable; `cancel` looked up dynamically by Task.cancel on its
#   _fut_waiter; attributes _cancel_message, _make_cancelled_error(),
#   _log_destroy_pending settable on tasks), Task (cancelling/uncancel/set_name),
#   sleep, ensure_future(x, *, loop=None), current_task, all_tasks,
#   get_event_loop, new_event_loop, set_event_loop, get_running_loop,
#   _get_running_loop, iscoroutine, CancelledError, InvalidStateError,
#   TimeoutError (the builtin), and _set_sigint_handler(fn): fn() is called
#   with no arguments when SIGINT arrives (an exception it raises escapes the
#   loop like KeyboardInterrupt would); _set_sigint_handler(None) restores the
#   default (KeyboardInterrupt).  Loops: create_future, create_task, call_soon,
#   call_soon_threadsafe, call_later, call_at, time, run_until_complete,
#   close, call_exception_handler, set_debug, shutdown_asyncgens and
#   shutdown_default_executor (optional: a no-op coroutine is used if absent).

from collections import deque as _deque
from functools import partial as _partial


# ---------------------------------------------------------------- helpers

try:
    isfuture
except NameError:
    def isfuture(obj):
        """Check for a Future (an object with a non-None _asyncio_future_blocking)."""
        return (hasattr(type(obj), '_asyncio_future_blocking') and
                obj._asyncio_future_blocking is not None)


async def _noop_coro():
    return None


def _noop_callback():
    return None


# ---------------------------------------------------------------- mixins.py

class _LoopBoundMixin:
    __module__ = 'asyncio.mixins'
    _loop = None

    def _get_loop(self):
        loop = _get_running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f'{self!r} is bound to a different event loop')
        return loop


# ---------------------------------------------------------------- tasks.py

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


def _set_task_name(task, name):
    if name is not None:
        task.set_name(name)


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the Futures or Tasks given by fs to complete."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')

    fs = set(fs)

    for f in fs:
        if iscoroutine(f):
            raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")

    loop = get_running_loop()
    return await _wait(fs, timeout, return_when, loop)


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def wait_for(fut, timeout):
    """Wait for the single Future or coroutine to complete, with timeout
    (the 3.11 implementation)."""
    loop = get_running_loop()

    if timeout is None:
        return await fut

    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)

        if fut.done():
            return fut.result()

        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc

    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = _partial(_release_waiter, waiter)

    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)

    try:
        # wait until the future completes or the timeout
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            else:
                fut.remove_done_callback(cb)
                # We must ensure that the task is not running
                # after wait_for() returns.
                await _cancel_and_wait(fut, loop=loop)
                raise

        if fut.done():
            return fut.result()
        else:
            fut.remove_done_callback(cb)
            # We must ensure that the task is not running
            # after wait_for() returns.
            await _cancel_and_wait(fut, loop=loop)
            # In case task cancellation failed with some
            # exception, we should re-raise it
            try:
                return fut.result()
            except CancelledError as exc:
                raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


async def _wait(fs, timeout, return_when, loop):
    """Internal helper for wait(); fs is a non-empty set of futures."""
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or
            return_when == FIRST_COMPLETED or
            return_when == FIRST_EXCEPTION and (not f.cancelled() and
                                                f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)

    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)

    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


async def _cancel_and_wait(fut, loop):
    """Cancel the *fut* future or task and wait until it completes."""
    waiter = loop.create_future()
    cb = _partial(_release_waiter, waiter)
    fut.add_done_callback(cb)

    try:
        fut.cancel()
        # We cannot wait on *fut* directly to make
        # sure _cancel_and_wait itself is reliably cancellable.
        await waiter
    finally:
        fut.remove_done_callback(cb)


# This is *not* a coroutine!  It is just an iterator (yielding coroutines).
def as_completed(fs, *, timeout=None):
    """Return an iterator whose values are coroutines, in completion order."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")

    done = Queue()

    loop = get_event_loop()
    # CPython builds `{ensure_future(f) for f in set(fs)}`: coroutines become
    # tasks in set (address-hash) order.  loopscope uses argument order
    # (ASYNCIO.md Appendix A); `todo` is an insertion-ordered dict used as a set.
    todo = {}
    seen = {}
    for f in fs:
        if f not in seen:
            seen[f] = None
            todo[ensure_future(f, loop=loop)] = None
    seen = None
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)  # Queue a dummy value for _wait_for_one().
        todo.clear()  # Can't do todo.remove(f) in the loop.

    def _on_completion(f):
        if not todo:
            return  # _on_timeout() was here first.
        del todo[f]
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            # Dummy value from _on_timeout().
            raise TimeoutError
        return f.result()  # May raise f.exception().

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


class _GatheringFuture(Future):
    """Helper for gather(): cancel() cancels all the children and acts like
    Task.cancel(), which doesn't immediately mark itself as cancelled."""
    __module__ = 'asyncio.tasks'

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            # If any child tasks were actually cancelled, we should
            # propagate the cancellation request regardless of
            # *return_exceptions* argument.  See issue 32684.
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    """Return a future aggregating results from the given coroutines/futures."""
    if not coros_or_futures:
        loop = get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1

        if outer is None or outer.done():
            if not fut.cancelled():
                # Mark exception retrieved.
                fut.exception()
            return

        if not return_exceptions:
            if fut.cancelled():
                # Check if 'fut' is cancelled first, as
                # 'fut.exception()' will *raise* a CancelledError
                # instead of returning it.
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
                return
            else:
                exc = fut.exception()
                if exc is not None:
                    outer.set_exception(exc)
                    return

        if nfinished == nfuts:
            # All futures are done; create a list of results
            # and set it to the 'outer' future.
            results = []

            for fut in children:
                if fut.cancelled():
                    # Check if 'fut' is cancelled first, as 'fut.exception()'
                    # will *raise* a CancelledError instead of returning it.
                    res = CancelledError(
                        '' if fut._cancel_message is None else
                        fut._cancel_message)
                else:
                    res = fut.exception()
                    if res is None:
                        res = fut.result()
                results.append(res)

            if outer._cancel_requested:
                # If gather is being cancelled we must propagate the
                # cancellation regardless of *return_exceptions* argument.
                # See issue 32684.
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
            else:
                outer.set_result(results)

    arg_to_fut = {}
    children = []
    nfuts = 0
    nfinished = 0
    loop = None
    outer = None  # bpo-46672
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut.get_loop()
            if fut is not arg:
                # 'arg' was not a Future, therefore, 'fut' is a new
                # Future created specifically for 'arg'.  Since the caller
                # can't control it, disable the "destroy pending task"
                # warning.
                fut._log_destroy_pending = False

            nfuts += 1
            arg_to_fut[arg] = fut
            fut.add_done_callback(_done_callback)

        else:
            # There's a duplicate Future object in coros_or_futures.
            fut = arg_to_fut[arg]

        children.append(fut)

    outer = _GatheringFuture(children, loop=loop)
    return outer


def shield(arg):
    """Wait for a future, shielding it from cancellation."""
    inner = ensure_future(arg)
    if inner.done():
        # Shortcut.
        return inner
    loop = inner.get_loop()
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                # Mark inner's result as retrieved.
                inner.exception()
            return

        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


# ---------------------------------------------------------------- locks.py

class _ContextManagerMixin(_LoopBoundMixin):
    # CPython: class Lock(_ContextManagerMixin, mixins._LoopBoundMixin); the
    # subset has single inheritance only, so this mixin derives from the other.
    __module__ = 'asyncio.locks'

    async def __aenter__(self):
        await self.acquire()
        # We have no use for the "as ..."  clause in the with
        # statement for locks.
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Lock(_ContextManagerMixin):
    """Primitive lock objects."""
    __module__ = 'asyncio.locks'

    def __init__(self):
        self._waiters = None
        self._locked = False

    def __repr__(self):
        res = super().__repr__()
        extra = 'locked' if self._locked else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    def locked(self):
        """Return True if lock is acquired."""
        return self._locked

    async def acquire(self):
        """Acquire a lock (FIFO; no barging past live waiters)."""
        if not self._locked:
            waiters = self._waiters
            if waiters is None:
                self._locked = True
                return True
            for w in waiters:
                if not w.cancelled():
                    break
            else:
                self._locked = True
                return True

        if self._waiters is None:
            self._waiters = _deque()
        fut = self._get_loop().create_future()
        self._waiters.append(fut)

        # Finally block should be called before the CancelledError
        # handling as we don't want CancelledError to call
        # _wake_up_first() and attempt to wake up itself.
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise

        self._locked = True
        return True

    def release(self):
        """Release a lock."""
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError('Lock is not acquired.')

    def _wake_up_first(self):
        """Wake up the first waiter if it isn't done."""
        if not self._waiters:
            return
        fut = self._waiters[0]

        # .done() necessarily means that a waiter will wake up later on and
        # either take the lock, or, if it was cancelled and lock wasn't
        # taken already, will hit this again and wake up a new waiter.
        if not fut.done():
            fut.set_result(True)


class Event(_LoopBoundMixin):
    """Asynchronous equivalent to threading.Event."""
    __module__ = 'asyncio.locks'

    def __init__(self):
        self._waiters = _deque()
        self._value = False

    def __repr__(self):
        res = super().__repr__()
        extra = 'set' if self._value else 'unset'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    def is_set(self):
        """Return True if and only if the internal flag is true."""
        return self._value

    def set(self):
        """Set the internal flag to true and wake all waiters."""
        if not self._value:
            self._value = True

            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        """Reset the internal flag to false."""
        self._value = False

    async def wait(self):
        """Block until the internal flag is true."""
        if self._value:
            return True

        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Condition(_ContextManagerMixin):
    """Asynchronous equivalent to threading.Condition."""
    __module__ = 'asyncio.locks'

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()

        self._lock = lock
        # Export the lock's locked(), acquire() and release() methods.
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release

        self._waiters = _deque()

    def __repr__(self):
        res = super().__repr__()
        extra = 'locked' if self.locked() else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    async def wait(self):
        """Wait until notified (the lock must be held)."""
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')

        self.release()
        try:
            fut = self._get_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)

        finally:
            # Must reacquire lock even if wait is cancelled
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True

            if cancelled:
                raise CancelledError

    async def wait_for(self, predicate):
        """Wait until a predicate becomes true; return its final value."""
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up at most n of the coroutines waiting on this condition."""
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')

        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break

            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        """Wake up all coroutines waiting on this condition."""
        self.notify(len(self._waiters))


class Semaphore(_ContextManagerMixin):
    """A Semaphore implementation."""
    __module__ = 'asyncio.locks'

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value

    def __repr__(self):
        res = super().__repr__()
        extra = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    def locked(self):
        """Returns True if semaphore cannot be acquired immediately."""
        if self._value == 0:
            return True
        waiters = self._waiters
        if waiters:
            for w in waiters:
                if not w.cancelled():
                    return True
        return False

    async def acquire(self):
        """Acquire a semaphore."""
        if not self.locked():
            self._value -= 1
            return True

        if self._waiters is None:
            self._waiters = _deque()
        fut = self._get_loop().create_future()
        self._waiters.append(fut)

        # Finally block should be called before the CancelledError
        # handling as we don't want CancelledError to call
        # _wake_up_first() and attempt to wake up itself.
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise

        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        """Release a semaphore, incrementing the internal counter by one."""
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        """Wake up the first waiter that isn't done."""
        if not self._waiters:
            return

        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return


class BoundedSemaphore(Semaphore):
    """A bounded semaphore implementation."""
    __module__ = 'asyncio.locks'

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


# ---------------------------------------------------------------- queues.py

class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""
    __module__ = 'asyncio.queues'


class QueueFull(Exception):
    """Raised when the Queue.put_nowait() method is called on a full Queue."""
    __module__ = 'asyncio.queues'


def _heappush(heap, item):
    # heapq.heappush, same algorithm (so equal-priority order matches CPython).
    heap.append(item)
    pos = len(heap) - 1
    newitem = heap[pos]
    while pos > 0:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _heappop(heap):
    # heapq.heappop (with _siftup/_siftdown), same algorithm.
    lastelt = heap.pop()    # raises IndexError if heap is empty
    if not heap:
        return lastelt
    returnitem = heap[0]
    heap[0] = lastelt
    endpos = len(heap)
    pos = 0
    newitem = lastelt
    childpos = 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2*pos + 1
    heap[pos] = newitem
    # _siftdown(heap, 0, pos)
    while pos > 0:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem
    return returnitem


class Queue(_LoopBoundMixin):
    """A queue, useful for coordinating producer and consumer coroutines."""
    __module__ = 'asyncio.queues'

    def __init__(self, maxsize=0):
        self._maxsize = maxsize

        # Futures.
        self._getters = _deque()
        # Futures.
        self._putters = _deque()
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._init(maxsize)

    # These three are overridable in subclasses.

    def _init(self, maxsize):
        self._queue = _deque()

    def _get(self):
        return self._queue.popleft()

    def _put(self, item):
        self._queue.append(item)

    # End of the overridable methods.

    def _wakeup_next(self, waiters):
        # Wake up the next waiter (if any) that isn't cancelled.
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return f'<{type(self).__name__} at {id(self):#x} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def _format(self):
        result = f'maxsize={self._maxsize!r}'
        if getattr(self, '_queue', None):
            result += f' _queue={list(self._queue)!r}'
        if self._getters:
            result += f' _getters[{len(self._getters)}]'
        if self._putters:
            result += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            result += f' tasks={self._unfinished_tasks}'
        return result

    def qsize(self):
        """Number of items in the queue."""
        return len(self._queue)

    @property
    def maxsize(self):
        """Number of items allowed in the queue."""
        return self._maxsize

    def empty(self):
        """Return True if the queue is empty, False otherwise."""
        return not self._queue

    def full(self):
        """Return True if there are maxsize items in the queue."""
        if self._maxsize <= 0:
            return False
        else:
            return self.qsize() >= self._maxsize

    # Hot paths: put/put_nowait/get/get_nowait inline full()/empty()/qsize()
    # and skip the wake-up call when nobody waits; for a plain Queue (not a
    # subclass, which may override put_nowait/_put ...), put() and get() also
    # inline put_nowait()/get_nowait() and _put()/_get().  Same behaviour as
    # CPython, fewer calls per item (the VM's calls are the cost here).

    async def put(self, item):
        """Put an item into the queue, waiting while it is full."""
        if _queue_put_fast(self, item):  # core: a plain Queue, not full (see the core section)
            return None
        while 0 < self._maxsize <= len(self._queue):
            putter = self._get_loop().create_future()
            self._putters.append(putter)
            try:
                await putter
            except:
                putter.cancel()  # Just in case putter is not done yet.
                try:
                    # Clean self._putters from canceled putters.
                    self._putters.remove(putter)
                except ValueError:
                    # The putter could be removed from self._putters by a
                    # previous get_nowait call.
                    pass
                if not self.full() and not putter.cancelled():
                    # We were woken up by get_nowait(), but can't take
                    # the call.  Wake up the next in line.
                    self._wakeup_next(self._putters)
                raise
        if type(self) is not Queue:
            return self.put_nowait(item)
        # self.put_nowait(item), inlined:
        self._queue.append(item)
        self._unfinished_tasks += 1
        self._finished._value = False    # self._finished.clear()
        if self._getters:
            self._wakeup_next(self._getters)

    def put_nowait(self, item):
        """Put an item into the queue without blocking (QueueFull if full)."""
        if 0 < self._maxsize <= len(self._queue):
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished._value = False    # self._finished.clear()
        if self._getters:
            self._wakeup_next(self._getters)

    async def get(self):
        """Remove and return an item, waiting while the queue is empty."""
        item = _queue_get_fast(self)  # core: a plain Queue, not empty (see the core section)
        if item is not _QUEUE_EMPTY:
            return item
        while not self._queue:
            getter = self._get_loop().create_future()
            self._getters.append(getter)
            try:
                await getter
            except:
                getter.cancel()  # Just in case getter is not done yet.
                try:
                    # Clean self._getters from canceled getters.
                    self._getters.remove(getter)
                except ValueError:
                    # The getter could be removed from self._getters by a
                    # previous put_nowait call.
                    pass
                if not self.empty() and not getter.cancelled():
                    # We were woken up by put_nowait(), but can't take
                    # the call.  Wake up the next in line.
                    self._wakeup_next(self._getters)
                raise
        if type(self) is not Queue:
            return self.get_nowait()
        # self.get_nowait(), inlined (the loop above left the queue non-empty):
        item = self._queue.popleft()
        if self._putters:
            self._wakeup_next(self._putters)
        return item

    def get_nowait(self):
        """Remove and return an item if one is available, else QueueEmpty."""
        if not self._queue:
            raise QueueEmpty
        item = self._get()
        if self._putters:
            self._wakeup_next(self._putters)
        return item

    def task_done(self):
        """Indicate that a formerly enqueued task is complete."""
        n = self._unfinished_tasks
        if n <= 0:
            raise ValueError('task_done() called too many times')
        n -= 1
        self._unfinished_tasks = n
        if n == 0:
            self._finished.set()

    async def join(self):
        """Block until all items in the queue have been gotten and processed."""
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class PriorityQueue(Queue):
    """A subclass of Queue; retrieves entries in priority order (lowest first)."""
    __module__ = 'asyncio.queues'

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        _heappush(self._queue, item)

    def _get(self):
        return _heappop(self._queue)


class LifoQueue(Queue):
    """A subclass of Queue that retrieves most recently added entries first."""
    __module__ = 'asyncio.queues'

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()


# ---------------------------------------------------------------- timeouts.py
# _State enum -> its string values.

_T_CREATED = "created"
_T_ENTERED = "active"
_T_EXPIRING = "expiring"
_T_EXPIRED = "expired"
_T_EXITED = "finished"


class Timeout:
    """Asynchronous context manager for cancelling overdue coroutines."""
    __module__ = 'asyncio.timeouts'

    def __init__(self, when):
        self._state = _T_CREATED

        self._timeout_handler = None
        self._task = None
        self._when = when

    def when(self):
        """Return the current deadline."""
        return self._when

    def reschedule(self, when):
        """Reschedule the timeout."""
        if self._state != _T_ENTERED:
            if self._state == _T_CREATED:
                raise RuntimeError("Timeout has not been entered")
            raise RuntimeError(
                f"Cannot change state of {self._state} Timeout",
            )

        self._when = when

        if self._timeout_handler is not None:
            self._timeout_handler.cancel()

        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        """Is timeout expired during execution?"""
        return self._state == _T_EXPIRING or self._state == _T_EXPIRED

    def __repr__(self):
        info = ['']
        if self._state == _T_ENTERED:
            when = round(self._when, 3) if self._when is not None else None
            info.append(f"when={when}")
        info_str = ' '.join(info)
        return f"<Timeout [{self._state}]{info_str}>"

    async def __aenter__(self):
        if self._state != _T_CREATED:
            raise RuntimeError("Timeout has already been entered")
        task = current_task()
        if task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self._state = _T_ENTERED
        self._task = task
        self._cancelling = self._task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        assert self._state == _T_ENTERED or self._state == _T_EXPIRING

        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None

        if self._state == _T_EXPIRING:
            self._state = _T_EXPIRED

            if self._task.uncancel() <= self._cancelling and exc_type is CancelledError:
                # Since there are no new cancel requests, we're
                # handling this.
                raise TimeoutError from exc_val
        elif self._state == _T_ENTERED:
            self._state = _T_EXITED

        return None

    def _on_timeout(self):
        assert self._state == _T_ENTERED
        self._task.cancel()
        self._state = _T_EXPIRING
        # drop the reference early
        self._timeout_handler = None


def timeout(delay):
    """Timeout async context manager: `async with asyncio.timeout(10): ...`."""
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    """Like timeout() but with an absolute deadline in loop.time() terms."""
    return Timeout(when)


# ---------------------------------------------------------------- taskgroups.py

class TaskGroup:
    """Asynchronous context manager for managing groups of tasks."""
    __module__ = 'asyncio.taskgroups'

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        # CPython: a set (abort order = address-hash order); loopscope: an
        # insertion-ordered dict used as a set, so abort order = creation order.
        self._tasks = {}
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        info = ['']
        if self._tasks:
            info.append(f'tasks={len(self._tasks)}')
        if self._errors:
            info.append(f'errors={len(self._errors)}')
        if self._aborting:
            info.append('cancelling')
        elif self._entered:
            info.append('entered')

        info_str = ' '.join(info)
        return f'<TaskGroup{info_str}>'

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(
                f"TaskGroup {self!r} has already been entered")
        if self._loop is None:
            self._loop = get_running_loop()
        self._parent_task = current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(
                f'TaskGroup {self!r} cannot determine the parent task')
        self._entered = True

        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True

        if (exc is not None and
                self._is_base_error(exc) and
                self._base_error is None):
            self._base_error = exc

        propagate_cancellation_error = \
            exc if et is CancelledError else None
        if self._parent_cancel_requested:
            # If this flag is set we *must* call uncancel().
            if self._parent_task.uncancel() == 0:
                # If there are no pending cancellations left,
                # don't propagate CancelledError.
                propagate_cancellation_error = None

        if et is not None:
            if not self._aborting:
                # Our parent task is being cancelled, or there's an
                # exception in "async with".
                self._abort()

        # We use while-loop here because "self._on_completed_fut"
        # can be cancelled multiple times if our parent task
        # is being cancelled repeatedly (or even once, when
        # our own cancellation is already in progress)
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()

            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    # Our parent task is being cancelled while
                    # children are still running.
                    propagate_cancellation_error = ex
                    self._abort()

            self._on_completed_fut = None

        assert not self._tasks

        if self._base_error is not None:
            raise self._base_error

        # Propagate CancelledError if there is one, except if there
        # are other errors -- those have priority.
        if propagate_cancellation_error and not self._errors:
            raise propagate_cancellation_error

        if et is not None and et is not CancelledError:
            self._errors.append(exc)

        if self._errors:
            # Exceptions are heavy objects that can have object
            # cycles (bad for GC); let's not keep a reference to
            # a bunch of them.
            try:
                me = BaseExceptionGroup('unhandled errors in a TaskGroup', self._errors)
                raise me from None
            finally:
                self._errors = None

    def create_task(self, coro, *, name=None, context=None):
        """Create a new task in this group and return it."""
        if not self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")
        if self._exiting and not self._tasks:
            raise RuntimeError(f"TaskGroup {self!r} is finished")
        if self._aborting:
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")
        task = self._loop.create_task(coro)
        _set_task_name(task, name)
        task.add_done_callback(self._on_task_done)
        self._tasks[task] = None
        return task

    def _is_base_error(self, exc):
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):
        self._aborting = True

        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.pop(task, None)

        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)

        if task.cancelled():
            return

        exc = task.exception()
        if exc is None:
            return

        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc

        if self._parent_task.done():
            # Not sure if this case is possible, but we want to handle
            # it anyways.
            self._loop.call_exception_handler({
                'message': f'Task {task!r} has errored out but its parent '
                           f'task {self._parent_task} is already completed',
                'exception': exc,
                'task': task,
            })
            return

        if not self._aborting and not self._parent_cancel_requested:
            # If parent task *is not* being cancelled, it means that we want
            # to manually cancel it to abort whatever is being run right now
            # in the TaskGroup.  But we want to mark parent task as
            # "not cancelled" later in __aexit__.
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


# ---------------------------------------------------------------- runners.py
# _State enum -> strings; signal handling through the core's SIGINT hook.

_R_CREATED = "created"
_R_INITIALIZED = "initialized"
_R_CLOSED = "closed"


class Runner:
    """A context manager that controls event loop life cycle."""
    __module__ = 'asyncio.runners'

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = _R_CREATED
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._context = None
        self._interrupt_count = 0
        self._set_event_loop = False

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        """Shutdown and close event loop."""
        if self._state != _R_INITIALIZED:
            return
        try:
            loop = self._loop
            _cancel_all_tasks(loop)
            shutdown = getattr(loop, 'shutdown_asyncgens', None)
            loop.run_until_complete(_noop_coro() if shutdown is None else shutdown())
            shutdown = getattr(loop, 'shutdown_default_executor', None)
            loop.run_until_complete(_noop_coro() if shutdown is None else shutdown())
        finally:
            if self._set_event_loop:
                set_event_loop(None)
            loop.close()
            self._loop = None
            self._state = _R_CLOSED

    def get_loop(self):
        """Return embedded event loop."""
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        """Run a coroutine inside the embedded event loop."""
        if not iscoroutine(coro):
            raise ValueError("a coroutine was expected, got {!r}".format(coro))

        if _get_running_loop() is not None:
            # fail fast with short traceback
            raise RuntimeError(
                "Runner.run() cannot be called from a running event loop")

        self._lazy_init()

        # (no contextvars in loopscope: the context argument is ignored)
        task = self._loop.create_task(coro)

        sigint_handler = _partial(self._on_sigint, task)
        _set_sigint_handler(sigint_handler)

        self._interrupt_count = 0
        try:
            return self._loop.run_until_complete(task)
        except CancelledError:
            if self._interrupt_count > 0:
                uncancel = getattr(task, "uncancel", None)
                if uncancel is not None and uncancel() == 0:
                    raise KeyboardInterrupt()
            raise  # CancelledError
        finally:
            _set_sigint_handler(None)

    def _lazy_init(self):
        if self._state == _R_CLOSED:
            raise RuntimeError("Runner is closed")
        if self._state == _R_INITIALIZED:
            return
        if self._loop_factory is None:
            self._loop = new_event_loop()
            if not self._set_event_loop:
                # Call set_event_loop only once to avoid calling
                # attach_loop multiple times on child watchers
                set_event_loop(self._loop)
                self._set_event_loop = True
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        self._state = _R_INITIALIZED

    def _on_sigint(self, main_task, *args):
        self._interrupt_count += 1
        if self._interrupt_count == 1 and not main_task.done():
            main_task.cancel()
            # wakeup loop if it is blocked by select() with long timeout
            wake = getattr(self._loop, 'call_soon_threadsafe', None)
            if wake is None:
                wake = self._loop.call_soon
            wake(_noop_callback)
            return
        raise KeyboardInterrupt()


def run(main, *, debug=None):
    """Execute the coroutine and return the result."""
    if _get_running_loop() is not None:
        # fail fast with short traceback
        raise RuntimeError(
            "asyncio.run() cannot be called from a running event loop")

    with Runner(debug=debug) as runner:
        return runner.run(main)


def _cancel_all_tasks(loop):
    to_cancel = all_tasks(loop)
    if not to_cancel:
        return

    for task in to_cancel:
        task.cancel()

    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))

    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })

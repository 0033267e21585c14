"""loopscope oracle bootstrap: the virtual clock of ASYNCIO.md section 1.7.

This module is imported automatically by CPython's `site` machinery because
oracle.py puts this directory first on PYTHONPATH when it starts the child
`python3 FILE.py`.  It does nothing unless LOOPSCOPE_ORACLE=1 is set, so the
program itself runs exactly as under plain `python3 FILE.py` (same argv,
__file__, __main__, tracebacks, SyntaxError printing, exit statuses); only time
is virtual:

* the clock starts at 0.0; time.time() = 1_700_000_000 + clock;
  time.monotonic(), time.perf_counter() and loop.time() read the clock;
  time.sleep(s) advances it by s and never really sleeps;
* the event loop's selector advances the clock instead of waiting: to the
  earliest timer's deadline (now = max(now, when)), or by the (capped) timeout;
* TimerHandles are ordered by (when, sequence): equal deadlines fire in
  scheduling order;
* `#| iteration-cost: D` (LOOPSCOPE_ITERATION_COST) charges D seconds at the
  start of every BaseEventLoop._run_once;
* `#| interrupt-at: T` (LOOPSCOPE_INTERRUPT_AT, comma separated) raises a real
  SIGINT in the process at the first select() whose wait would leave the clock
  beyond T; the clock is then at max(now, T);
* select(None) with nothing pending and no interrupt left: stdout is flushed,
  "loop idle forever" is written to stderr and the process exits with status 3.
"""
import os

if os.environ.get("LOOPSCOPE_ORACLE") == "1":

    def _install():
        import sys
        import time
        import signal
        import operator
        import itertools
        import selectors

        # Import asyncio (and with it threading, concurrent.futures, ...) before
        # patching `time`, so that modules binding `from time import monotonic`
        # for real thread waits keep the real clock.  asyncio itself always
        # looks up time.monotonic at call time.
        import asyncio
        from asyncio import base_events, events

        WALL_EPOCH = 1_700_000_000
        state = {"now": 0.0, "loop": None}

        def _num_env(name):
            raw = os.environ.get(name, "").strip()
            if not raw:
                return []
            return [float(x) for x in raw.split(",") if x.strip()]

        cost_list = _num_env("LOOPSCOPE_ITERATION_COST")
        iteration_cost = cost_list[-1] if cost_list else 0.0
        interrupts = sorted(_num_env("LOOPSCOPE_INTERRUPT_AT"))

        # ---- time module ------------------------------------------------
        def monotonic():
            return state["now"]

        def perf_counter():
            return state["now"]

        def time_():
            return WALL_EPOCH + state["now"]

        def monotonic_ns():
            return int(round(state["now"] * 1e9))

        def time_ns():
            return WALL_EPOCH * 1_000_000_000 + int(round(state["now"] * 1e9))

        def sleep(secs):
            if isinstance(secs, float):
                if secs != secs:
                    raise ValueError("Invalid value NaN (not a number)")
            else:
                secs = operator.index(secs)
            if secs < 0:
                raise ValueError("sleep length must be non-negative")
            state["now"] = state["now"] + secs

        monotonic.__name__ = "monotonic"
        perf_counter.__name__ = "perf_counter"
        time_.__name__ = "time"
        time.monotonic = monotonic
        time.perf_counter = perf_counter
        time.time = time_
        time.monotonic_ns = monotonic_ns
        time.perf_counter_ns = monotonic_ns
        time.time_ns = time_ns
        time.sleep = sleep

        # ---- TimerHandle ordered by (when, sequence) ----------------------
        Base = events.TimerHandle
        seq = itertools.count()

        class TimerHandle(Base):
            __slots__ = ("_seq",)

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self._seq = next(seq)

            def _key(self):
                return (self._when, self._seq)

            def __lt__(self, other):
                if isinstance(other, TimerHandle):
                    return self._key() < other._key()
                return NotImplemented

            def __le__(self, other):
                if isinstance(other, TimerHandle):
                    return self._key() <= other._key()
                return NotImplemented

            def __gt__(self, other):
                if isinstance(other, TimerHandle):
                    return self._key() > other._key()
                return NotImplemented

            def __ge__(self, other):
                if isinstance(other, TimerHandle):
                    return self._key() >= other._key()
                return NotImplemented

            __hash__ = Base.__hash__

        TimerHandle.__module__ = Base.__module__
        TimerHandle.__qualname__ = Base.__qualname__
        events.TimerHandle = TimerHandle
        asyncio.TimerHandle = TimerHandle

        # ---- iteration cost + which loop is polling -------------------------
        orig_run_once = base_events.BaseEventLoop._run_once

        def _run_once(self):
            if iteration_cost:
                state["now"] = state["now"] + iteration_cost
            prev = state["loop"]
            state["loop"] = self
            try:
                return orig_run_once(self)
            finally:
                state["loop"] = prev

        base_events.BaseEventLoop._run_once = _run_once

        # ---- work done by real threads ----------------------------------------
        # run_in_executor()/to_thread() and shutdown_default_executor() finish in
        # another thread, which wakes the loop through its self-pipe.  While
        # such work is outstanding, a waiting select() blocks for real (virtual
        # time does not move) until the thread's wake-up arrives.
        executor_futures = []
        shutdown_waits = [0]

        orig_rie = base_events.BaseEventLoop.run_in_executor

        def run_in_executor(self, executor, func, *args):
            fut = orig_rie(self, executor, func, *args)
            executor_futures.append(fut)
            return fut

        base_events.BaseEventLoop.run_in_executor = run_in_executor

        orig_sde = base_events.BaseEventLoop.shutdown_default_executor

        async def shutdown_default_executor(self, *args, **kwargs):
            shutdown_waits[0] += 1
            try:
                return await orig_sde(self, *args, **kwargs)
            finally:
                shutdown_waits[0] -= 1

        base_events.BaseEventLoop.shutdown_default_executor = shutdown_default_executor

        def thread_work_pending():
            executor_futures[:] = [f for f in executor_futures if not f.done()]
            return bool(executor_futures) or shutdown_waits[0] > 0

        # ---- the selector --------------------------------------------------
        Real = selectors.DefaultSelector

        def _idle_forever():
            try:
                sys.stdout.flush()
            except Exception:
                pass
            try:
                sys.stderr.write("loop idle forever\n")
                sys.stderr.flush()
            except Exception:
                pass
            os._exit(3)

        class VirtualSelector(Real):
            def select(self, timeout=None):
                if (timeout is None or timeout > 0) and thread_work_pending():
                    events = super().select(None)
                    if events:
                        return events
                now = state["now"]
                if timeout is None:
                    target = float("inf")
                elif timeout <= 0:
                    target = now
                else:
                    target = now + timeout
                    loop = state["loop"]
                    sched = getattr(loop, "_scheduled", None)
                    if sched and timeout < base_events.MAXIMUM_SELECT_TIMEOUT:
                        target = max(now, sched[0]._when)
                if interrupts and target > interrupts[0]:
                    t = interrupts.pop(0)
                    state["now"] = max(now, t)
                    signal.raise_signal(signal.SIGINT)
                    # A handler that returns normally (asyncio.run's first
                    # Ctrl-C) has queued work; collect the self-pipe byte.
                    return super().select(0)
                if timeout is None:
                    _idle_forever()
                state["now"] = target
                return super().select(0)

        VirtualSelector.__name__ = Real.__name__
        VirtualSelector.__qualname__ = Real.__qualname__
        selectors.DefaultSelector = VirtualSelector

    _install()
    del _install

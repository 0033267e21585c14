import asyncio
import functools as ft
import time, sys
from collections import deque as Deque
from functools import partial, wraps
from time import monotonic as now, sleep
print(asyncio.sleep is not None, ft.partial is partial)
print(Deque([1, 2]))
sleep(2)
print(now(), time.monotonic())
print(sys.argv[0].split("/")[-1])
import collections
print(collections.deque is Deque)
print(type(wraps).__name__)
def inner_import():
    import functools
    from collections import deque
    return functools.partial(deque, maxlen=1)
print(inner_import()([1, 2, 3]))

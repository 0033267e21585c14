# The seed tutorial's pattern: bind leading arguments of a callback.
from functools import partial
def callback(param1, param2, result):
    print(param1, param2)
    print("Callback:", result)
cb = partial(callback, "param1", "param2")
cb("stop")
handlers = []
for name in ["a", "b", "c"]:
    handlers.append(partial(print, "handler", name, sep=":"))
for h in handlers:
    h()
def log(level, msg, *, stream_name="stdout"):
    print(f"[{level}] {msg} ({stream_name})")
warn = partial(log, "WARN")
warn("disk")
warn("cpu", stream_name="stderr")
override = partial(log, stream_name="file")
override("INFO", "ok", stream_name="net")
print(partial(int, base=2)("1010"))

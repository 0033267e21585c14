async def guarded():
    try:
        while True:
            try:
                yield "ready"
            except ValueError as e:
                print("handled", e)
                yield "recovered"
    finally:
        print("guarded finally")
def run(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return "StopAsyncIteration"
g = guarded()
print(run(g.__anext__()))
print(run(g.athrow(ValueError("v"))))
print(run(g.__anext__()))
print(run(g.aclose()))
print(run(g.__anext__()))
h = guarded()
print(run(h.__anext__()))
try:
    run(h.athrow(KeyError("k")))
except KeyError as e:
    print("propagated", repr(e))
async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
run(s.__anext__())
try:
    run(s.aclose())
except RuntimeError as e:
    print("RuntimeError:", e)

import asyncio
async def guarded():
    try:
        print("waiting")
        await asyncio.sleep(0)
        print("not reached")
    except ValueError as e:
        print("caught inside:", e)
        return "handled"
    finally:
        print("finally inside")
c = guarded()
c.send(None)
try:
    c.throw(ValueError("injected"))
except StopIteration as e:
    print("returned:", e.value)
async def unguarded():
    await asyncio.sleep(0)
u = unguarded()
u.send(None)
try:
    u.throw(KeyError("not handled"))
except KeyError as e:
    print("propagated:", repr(e))
try:
    u.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

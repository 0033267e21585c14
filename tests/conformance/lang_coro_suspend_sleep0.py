import asyncio
# asyncio.sleep(0) yields None once, with no event loop needed.
async def stepper(name, steps):
    for i in range(steps):
        print(name, "step", i)
        await asyncio.sleep(0)
    return name + " finished"
c = stepper("A", 3)
n = 0
while True:
    try:
        yielded = c.send(None)
        n += 1
        print("suspended, yielded", yielded)
    except StopIteration as e:
        print("result:", e.value, "after", n, "suspensions")
        break

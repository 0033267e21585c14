import asyncio
async def work():
    await asyncio.sleep(0)
    return 1
c = work()
print(type(c).__name__, c.__name__, c.__qualname__)
print(c.cr_running, c.cr_frame is not None, c.cr_await)
c.send(None)
print(c.cr_frame is not None, c.cr_await is not None)
try:
    c.send(None)
except StopIteration:
    pass
print(c.cr_frame, c.cr_await)
class Service:
    async def handle(self):
        pass
h = Service().handle()
print(h.__qualname__)
h.close()
print(asyncio.iscoroutine(h), asyncio.iscoroutinefunction(work), asyncio.iscoroutinefunction(print))

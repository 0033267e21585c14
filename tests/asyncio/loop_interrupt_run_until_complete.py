#| interrupt-at: 1
# Without asyncio.run() there is no SIGINT handler: Ctrl+C raises
# KeyboardInterrupt straight out of run_until_complete(). The tasks are
# still pending and can be cancelled and finished by hand. The first
# gather future then ends with CancelledError that nobody retrieves, which
# is logged on stderr ("_GatheringFuture exception was never retrieved").
import asyncio

async def job(n):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("job", n, "cancelled")
        raise

loop = asyncio.new_event_loop()
tasks = [loop.create_task(job(n)) for n in range(3)]
try:
    loop.run_until_complete(asyncio.gather(*tasks))
except KeyboardInterrupt:
    print("KeyboardInterrupt at t =", loop.time())
    print("pending tasks:", sum(not t.done() for t in tasks))
    for t in tasks:
        t.cancel()
    loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
finally:
    loop.close()
print("all cancelled:", all(t.cancelled() for t in tasks))

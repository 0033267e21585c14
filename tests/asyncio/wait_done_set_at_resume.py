# The (done, pending) split is computed when the waiting task resumes: a
# task that finished in between is reported done as well.
import asyncio

async def steps(name, n):
    for _ in range(n):
        await asyncio.sleep(0)
    print(name, "finished")
    return name

async def main():
    ts = [asyncio.create_task(steps(n, k)) for n, k in [("long", 6), ("one", 1), ("two", 2)]]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("done:", sorted(t.result() for t in done), "| pending:", len(pending))
    await asyncio.wait(pending)

asyncio.run(main())

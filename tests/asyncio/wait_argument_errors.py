# wait() argument checks: an empty collection, a single task instead of a
# list, and a bad return_when value.
import asyncio

async def job():
    return 1

async def main():
    t = asyncio.create_task(job())
    for label, args, kwargs in [("empty", ([],), {}),
                                ("single task", (t,), {}),
                                ("bad return_when", ([t],), {"return_when": "SOMETIMES"})]:
        try:
            await asyncio.wait(*args, **kwargs)
        except (ValueError, TypeError) as e:
            print(label, "->", type(e).__name__ + ":", str(e).split(" <")[0])
    print(await t)
    print("constants:", asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)

asyncio.run(main())

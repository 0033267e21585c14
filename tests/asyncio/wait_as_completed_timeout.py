# as_completed(timeout=...) raises TimeoutError for the results that did not
# arrive in time; the unfinished tasks are not cancelled.
import asyncio

async def job(d):
    await asyncio.sleep(d)
    return d

async def main():
    tasks = [asyncio.create_task(job(d)) for d in (1, 5, 2)]
    try:
        for fut in asyncio.as_completed(tasks, timeout=3):
            print("got", await fut, "at", asyncio.get_running_loop().time())
    except asyncio.TimeoutError:
        print("TimeoutError at", asyncio.get_running_loop().time())
    print("slow task cancelled?", tasks[1].cancelled(), "| done?", tasks[1].done())
    print("it still finishes:", await tasks[1], "at", asyncio.get_running_loop().time())

asyncio.run(main())

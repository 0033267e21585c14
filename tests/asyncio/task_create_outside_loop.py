# asyncio.create_task() needs a running loop. Outside one it raises
# RuntimeError and the coroutine is never awaited (a RuntimeWarning).
import asyncio

async def job():
    print("job runs")

try:
    asyncio.create_task(job())
except RuntimeError as e:
    print("RuntimeError:", e)

async def main():
    await asyncio.create_task(job())

asyncio.run(main())
print("end of program")

# locked() is True when acquire() would block. Semaphore.release() may go
# above the initial value (only BoundedSemaphore forbids it).
import asyncio

async def main():
    sem = asyncio.Semaphore(2)
    print("locked:", sem.locked())
    await sem.acquire()
    await sem.acquire()
    print("after two acquires, locked:", sem.locked())
    sem.release()
    sem.release()
    sem.release()
    print("released three times, no error; locked:", sem.locked())
    for i in range(3):
        await sem.acquire()
    print("so three acquires succeed now; locked:", sem.locked())

asyncio.run(main())

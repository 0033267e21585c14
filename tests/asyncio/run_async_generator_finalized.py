# asyncio.run() closes async generators that were left unfinished; their
# finally blocks run during shutdown.
import asyncio

async def numbers():
    try:
        for i in range(100):
            yield i
            await asyncio.sleep(0)
    finally:
        print("generator finally: closed during shutdown")

async def main():
    gen = numbers()
    async for n in gen:
        print("got", n)
        if n == 2:
            break
    print("main returns, generator left open")

asyncio.run(main())
print("after asyncio.run")

# A running loop cannot be closed from inside: RuntimeError.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        loop.close()
    except RuntimeError as e:
        print("close() inside:", e)
    print("still open:", not loop.is_closed())
    return loop

loop = asyncio.run(main())
print("asyncio.run closed it afterwards:", loop.is_closed())
print(repr(loop))

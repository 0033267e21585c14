# Callbacks scheduled with call_soon keep running while asyncio.run() shuts
# down (it runs a few more loop iterations), until the loop is closed.
import asyncio

def chain(n):
    print("chain", n)
    asyncio.get_running_loop().call_soon(chain, n + 1)

async def main():
    asyncio.get_running_loop().call_soon(chain, 0)
    await asyncio.sleep(0)
    print("main returns")

asyncio.run(main())
print("loop closed; the chain stops")

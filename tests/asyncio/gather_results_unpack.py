# gather() results unpack nicely into names.
import asyncio

async def get_user():
    await asyncio.sleep(0.2)
    return {"id": 7, "name": "ada"}

async def get_orders(uid):
    await asyncio.sleep(0.3)
    return [uid * 100 + i for i in range(3)]

async def get_stock():
    await asyncio.sleep(0.1)
    return 12

async def main():
    user, orders, stock = await asyncio.gather(get_user(), get_orders(7), get_stock())
    print("user:", user["name"], "| orders:", orders, "| stock:", stock)
    print("took", asyncio.get_running_loop().time(), "seconds, not 0.6")

asyncio.run(main())

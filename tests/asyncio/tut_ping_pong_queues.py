# Ping-pong between two tasks using two queues.
import asyncio

async def player(name, inbox, outbox, rounds):
    for _ in range(rounds):
        ball = await inbox.get()
        print(name, "hits ball", ball, "at t =", asyncio.get_running_loop().time())
        await asyncio.sleep(0.5)
        await outbox.put(ball + 1)

async def main():
    a_box, b_box = asyncio.Queue(), asyncio.Queue()
    await a_box.put(1)
    await asyncio.gather(player("ping", a_box, b_box, 3), player("pong", b_box, a_box, 3))
    print("final ball left in ping's inbox:", a_box.get_nowait())

asyncio.run(main())

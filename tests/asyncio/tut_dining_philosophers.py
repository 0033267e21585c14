# Dining philosophers with ordered fork acquisition (always the lower-
# numbered fork first), so no deadlock can happen.
import asyncio

async def philosopher(n, forks, meals):
    left, right = n, (n + 1) % len(forks)
    first, second = min(left, right), max(left, right)
    for meal in range(meals):
        async with forks[first]:
            async with forks[second]:
                print("t = %.1f philosopher %d eats meal %d" % (asyncio.get_running_loop().time(), n, meal))
                await asyncio.sleep(1)
        await asyncio.sleep(0.5)

async def main():
    forks = [asyncio.Lock() for _ in range(4)]
    await asyncio.gather(*(philosopher(n, forks, 2) for n in range(4)))
    print("everyone ate twice by t =", asyncio.get_running_loop().time())

asyncio.run(main())

#| interrupt-at: 1
# If main catches the Ctrl+C cancellation and returns normally, asyncio.run()
# returns its value: no KeyboardInterrupt.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(10)
        return "finished"
    except asyncio.CancelledError:
        print("interrupted at t =", loop.time(), "- saving state and returning")
        await asyncio.sleep(0.5)
        return "saved at t = %s" % loop.time()

print("asyncio.run returned:", asyncio.run(main()))

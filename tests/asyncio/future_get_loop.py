# A future belongs to one loop; awaiting it from a task on another loop is an
# error delivered into that task.
import asyncio

other = asyncio.new_event_loop()
foreign = other.create_future()

async def main():
    try:
        await foreign
    except RuntimeError as e:
        print("RuntimeError, 'attached to a different loop' in message:",
              "attached to a different loop" in str(e))
    mine = asyncio.get_running_loop().create_future()
    print("own future loop ok:", mine.get_loop() is asyncio.get_running_loop())
    print("foreign future loop is other:", foreign.get_loop() is other)
    mine.cancel()

asyncio.run(main())
other.close()

# A tiny chat room: each member waits on its own Event; posting a message
# stores it and sets every member's event (publish/subscribe).
import asyncio

class Room:
    def __init__(self):
        self.inboxes = {}

    def join(self, name):
        self.inboxes[name] = ([], asyncio.Event())

    def post(self, sender, text):
        for name, (box, ev) in self.inboxes.items():
            if name != sender:
                box.append((sender, text))
                ev.set()

async def member(room, name, expected):
    box, ev = room.inboxes[name]
    seen = 0
    while seen < expected:
        await ev.wait()
        ev.clear()
        while box:
            sender, text = box.pop(0)
            seen += 1
            print("[%s] %s says: %s" % (name, sender, text))

async def main():
    room = Room()
    for name in ("ann", "bob", "cy"):
        room.join(name)
    tasks = [asyncio.create_task(member(room, n, 2)) for n in ("ann", "bob", "cy")]
    await asyncio.sleep(0)
    room.post("ann", "hi all")
    room.post("bob", "hello ann")
    await asyncio.sleep(1)
    room.post("cy", "hey, I'm late")
    await asyncio.gather(*tasks)

asyncio.run(main())

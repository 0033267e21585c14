# Debouncing: a burst of events schedules one action that only runs after
# 0.5 s of quiet (each new event cancels the pending TimerHandle).
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    state = {"handle": None, "runs": 0}

    def action(last):
        state["runs"] += 1
        print("action runs at t = %.1f for event %s" % (loop.time(), last))

    def on_event(name):
        print("event", name, "at t = %.1f" % loop.time())
        if state["handle"] is not None:
            state["handle"].cancel()
        state["handle"] = loop.call_later(0.5, action, name)

    for name, at in [("a", 0.0), ("b", 0.2), ("c", 0.4), ("d", 1.5), ("e", 1.6)]:
        loop.call_at(at, on_event, name)
    await asyncio.sleep(3)
    print("events: 5, actions:", state["runs"])

asyncio.run(main())

import asyncio
async def holder():
    try:
        print("acquired")
        await asyncio.sleep(0)
        print("never")
    finally:
        print("released in finally")
c = holder()
c.send(None)
print("closing")
c.close()
print("closed")
c.close()
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
async def catches():
    try:
        await asyncio.sleep(0)
    except GeneratorExit:
        print("saw GeneratorExit")
        raise
k = catches()
k.send(None)
k.close()
print("done")

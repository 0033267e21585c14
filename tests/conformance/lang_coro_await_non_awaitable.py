async def await_int():
    await 5
async def await_str():
    await "text"
async def await_none():
    await None
for f in [await_int, await_str, await_none]:
    try:
        f().send(None)
    except TypeError as e:
        print("TypeError:", e)
def plain():
    return 1
async def await_call_result():
    await plain()
try:
    await_call_result().send(None)
except TypeError as e:
    print("TypeError:", e)

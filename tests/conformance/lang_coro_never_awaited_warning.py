# A coroutine that never started warns when it is freed (stderr only).
async def job():
    print("never runs")
print("creating a coroutine and dropping it")
c = job()
del c
print("the warning went to stderr")
job()
print("a bare call as a statement warns too")
d = job()
d.close()
print("a closed coroutine does not warn")

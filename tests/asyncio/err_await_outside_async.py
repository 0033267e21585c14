# `await` inside a plain function is a SyntaxError: the file does not even
# start running.
import asyncio

print("never printed")

def not_a_coroutine():
    await asyncio.sleep(1)

not_a_coroutine()

# Fan-out/fan-in: start many small jobs, collect all results, summarise.
import asyncio

async def word_length(word):
    await asyncio.sleep(len(word) * 0.1)
    return word, len(word)

async def main():
    words = "the quick brown fox jumps over the lazy dog".split()
    pairs = await asyncio.gather(*(word_length(w) for w in words))
    total = sum(n for _, n in pairs)
    longest = max(pairs, key=lambda p: p[1])
    print("pairs:", pairs)
    print("total letters:", total, "| longest:", longest[0])
    print("elapsed:", round(asyncio.get_running_loop().time(), 3), "(the longest word)")

asyncio.run(main())

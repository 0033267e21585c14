# Popping from an empty list.
queue = ["a", "b"]
print(queue.pop())
print(queue.pop())
print("empty now:", queue, len(queue))
try:
    queue[0]
except IndexError as e:
    print("caught:", e)
print(queue.pop())
print("not reached")

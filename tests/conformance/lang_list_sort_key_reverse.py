people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22)]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
byname = sorted(people, key=lambda p: p[0], reverse=True)
print(byname)
# stability: a second sort keeps the first order among equal keys
step1 = sorted(people, key=lambda p: p[0])
step2 = sorted(step1, key=lambda p: p[1])
print(step2)
nums = [5, -3, 2, -8, 0, 7]
nums.sort()
print(nums)
nums.sort(key=abs)
print(nums)
nums.sort(reverse=True)
print(nums)
print(sorted("Hello World", key=str.lower))
print(sorted([3, 1, 2], reverse=True), sorted([]), sorted((2, 1)))
words = ["bb", "a", "ccc", "dd", "e"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
print(nums.sort())
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)

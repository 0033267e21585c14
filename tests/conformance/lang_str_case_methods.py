s = "Hello, World! 你好 café"
print(s.upper())
print(s.lower())
print("MiXeD cAsE".lower().upper())
print("already lower".lower() == "already lower")
print("abc".upper() + "DEF".lower())
words = ["Apple", "banana", "Cherry", "apple"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=lambda w: w.upper(), reverse=True))
print("x".upper() * 3)
print(len(s), len(s.upper()))
print("123 abc!".upper(), "ÉCOLE".lower())
name = "ada lovelace"
parts = [p[0].upper() + p[1:] for p in name.split()]
print(" ".join(parts))

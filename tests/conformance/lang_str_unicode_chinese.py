# 中文字符串和注释
greeting = "你好，世界"
print(greeting)
print(len(greeting))
for ch in greeting[:2]:
    print(ch, ord(ch), hex(ord(ch)))
print(chr(20013) + chr(25991))
print(greeting.replace("世界", "Python"))
print("协程" in "异步协程", "任务".center(8, "-"))
print(repr("中文"), str("中文"))
print(f"{'名字':>6}|{'值':<4}|")
words = ["事件", "循环", "任务"]
print(" / ".join(words))
print(sorted(["b", "a", "中", "A"]))
print("🌰", len("🌰"), ord("🌰"))
print(greeting[::-1])

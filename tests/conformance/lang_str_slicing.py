s = "abcdefghij"
print(s[0], s[-1], s[3:6], s[:3], s[7:])
print(s[::2], s[1::2], s[::-1], s[::-2])
print(s[8:2:-1], s[-3:], s[:-3], s[-3:-1])
print(s[5:100], repr(s[100:]), repr(s[6:3]))
print(s[::3], s[-1:-11:-3])
print(s[2:8:3], s[9:0:-4])
t = "你好世界"
print(t[1:3], t[::-1])
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)

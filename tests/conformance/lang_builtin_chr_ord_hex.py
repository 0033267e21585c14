print(chr(65), chr(97), chr(48), chr(0x4e2d), chr(32) == " ")
print(ord("A"), ord("a"), ord("0"), ord("中"), ord("€"))
print(hex(0), hex(15), hex(16), hex(-1), hex(2 ** 32))
print([chr(ord("a") + i) for i in range(5)])
print("".join(chr(c) for c in [72, 101, 108, 108, 111]))
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) for c in "xyzabc")
print(caesar)

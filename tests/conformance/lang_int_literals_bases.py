# Integer literals in all bases, with underscores.
print(0x1F, 0XFF, 0o17, 0O777, 0b1010, 0B11)
print(1_000_000, 0x_FF_FF, 0b_1111_0000)
print(hex(255), hex(-255), hex(0), hex(4096))
print(1e3, 1E-2, 1_0.5, 2.5e+2)
print(int("1_000"), 0o10 + 0x10 + 0b10 + 10)
n = 0xDEAD_BEEF
print(n, hex(n))
print(00, 0_0, 0x0)
print(9223372036854775807)
print(-9223372036854775807 - 1)

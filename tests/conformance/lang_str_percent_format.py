print("%d items" % 5)
print("%s and %s" % ("a", "b"))
print("%r" % "quoted")
print("%5d|%-5d|%05d" % (42, 42, 42))
print("%.2f %8.3f %-8.1f|" % (3.14159, 2.71828, 1.5))
print("%x %X %o" % (255, 255, 8))
print("%e" % 123456.789)
print("%g %g" % (0.00001234, 123456789.0))
print("100%%" % ())
print("50%")
print("%s" % [1, 2])
print("%s" % (None,))
print("%c%c" % (72, "i"))
print("%(name)s is %(age)d" % {"name": "Bo", "age": 7})
print("%+d %+d" % (3, -3))
print("%i" % 3.99)
print("%10s|%-10s|" % ("r", "l"))
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s" % (1, 2))
except TypeError as e:
    print("TypeError:", e)

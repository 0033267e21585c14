a = 'single'
b = "double"
c = '''triple
single'''
d = """triple
double"""
print(a, b)
print(c)
print(d)
e = "adjacent " 'literals ' """are """ '''joined'''
print(e)
f = ("implicit "
     "concatenation "
     "inside parens")
print(f)
print('it\'s', "say \"hi\"", 'mixed "quotes"', "it's")
print("""has 'single' and "double" quotes""")
print(repr('it\'s'), repr('say "x"'), repr("both ' and \""))
print("" == '', len(""""""))
print("multi" "ple" == "multiple")

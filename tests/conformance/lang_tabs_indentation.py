# Indentation with tabs (consistently) is valid Python.
def f(n):
	if n > 0:
		return "positive"
	else:
		return "non-positive"
class K:
	def m(self):
		for i in range(2):
			print("tab loop", i)
		return "m"
print(f(1), f(0))
print(K().m())
if True:
	print("tab block")
x = [1,
	2]
print(x)
print("tab\tin string")

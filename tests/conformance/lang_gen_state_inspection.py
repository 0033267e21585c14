def g():
    yield 1
    yield 2
gen = g()
print(gen.__name__, gen.__qualname__)
print(gen.gi_running, gen.gi_frame is not None)
next(gen)
print(gen.gi_frame is not None)
list(gen)
print(gen.gi_frame)
class K:
    def items(self):
        yield "x"
print(K().items().__qualname__)

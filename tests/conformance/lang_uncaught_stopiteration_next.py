# next() on an exhausted iterator at module level: a bare StopIteration.
it = iter([1])
print(next(it))
print(next(it, "default instead of StopIteration"))
def first(xs):
    for x in xs:
        return x
    return None
print(first([]), first([7]))
print("next without default:")
print(next(it))

class Temperature:
    def __init__(self, celsius):
        if celsius < -273.15:
            raise ValueError(f"{celsius} is below absolute zero")
        self.celsius = celsius
    def __repr__(self):
        return f"Temperature({self.celsius})"
print(Temperature(20))
try:
    Temperature(-300)
except ValueError as e:
    print("ValueError:", e)
class Strict:
    def __init__(self, **kw):
        for k, v in kw.items():
            if not isinstance(v, int):
                raise TypeError(f"{k} must be int, not {type(v).__name__}")
            setattr(self, k, v)
s = Strict(a=1, b=2)
print(s.a + s.b)
Strict(a=1, b="2")

class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, what):
        super().__init__(f"{what} not found")
        self.what = what
class Invalid(AppError):
    def __init__(self, field, value):
        self.field = field
        self.value = value
    def __str__(self):
        return f"invalid {self.field}: {self.value!r}"
for exc in [NotFound("user"), Invalid("age", -1), AppError("generic"), AppError()]:
    try:
        raise exc
    except NotFound as e:
        print("NotFound:", e, e.what, e.args)
    except AppError as e:
        print(type(e).__name__ + ":", str(e), e.args, repr(e))
print(issubclass(NotFound, Exception), NotFound.__bases__[0].__name__)
class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr("x")), str(WithRepr("x")))
raise Invalid("name", "")

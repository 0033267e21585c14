class ConfigError(Exception):
    pass
def load(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError as e:
        raise ConfigError(f"missing key {key}") from e
try:
    load("b")
except ConfigError as e:
    print("caught:", e)
    print("cause:", repr(e.__cause__))
    print("context is cause:", e.__context__ is e.__cause__)
    print("suppress:", e.__suppress_context__)
err = ValueError("explicit")
err2 = TypeError("wrapper")
try:
    raise err2 from err
except TypeError as t:
    print(repr(t.__cause__), t.__context__)
load("zzz")

names = [
    BaseException, Exception, KeyboardInterrupt, SystemExit, GeneratorExit,
    StopIteration, StopAsyncIteration, ArithmeticError, ZeroDivisionError,
    OverflowError, LookupError, KeyError, IndexError, NameError,
    UnboundLocalError, AttributeError, TypeError, ValueError, RuntimeError,
    RecursionError, NotImplementedError, AssertionError, TimeoutError,
    OSError,
]
for cls in names:
    chain = []
    c = cls
    while c is not object:
        chain.append(c.__name__)
        c = c.__bases__[0]
    print(" -> ".join(chain))
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, Exception))
print(issubclass(GeneratorExit, Exception), issubclass(StopIteration, Exception))
print(issubclass(RecursionError, RuntimeError), issubclass(TimeoutError, OSError))
print(issubclass(ExceptionGroup, Exception), issubclass(ExceptionGroup, BaseException))

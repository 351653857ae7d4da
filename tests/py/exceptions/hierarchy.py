pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (ArithmeticError, Exception),
    (KeyError, LookupError), (IndexError, LookupError), (LookupError, Exception),
    (UnboundLocalError, NameError), (NotImplementedError, RuntimeError), (RecursionError, RuntimeError),
    (ModuleNotFoundError, ImportError), (FileNotFoundError, OSError), (StopIteration, Exception),
    (GeneratorExit, BaseException), (GeneratorExit, Exception), (KeyboardInterrupt, Exception),
    (SystemExit, BaseException), (SystemExit, Exception), (Exception, BaseException),
    (UnicodeDecodeError, ValueError), (UnicodeError, ValueError), (IndentationError, SyntaxError),
    (TabError, IndentationError), (AssertionError, Exception), (AttributeError, Exception),
    (TypeError, ValueError), (StopAsyncIteration, Exception), (EOFError, Exception), (MemoryError, Exception),
    (bool, Exception), (KeyError, IndexError),
]
for a, b in pairs:
    print(a.__name__, b.__name__, issubclass(a, b))
print([c.__name__ for c in ZeroDivisionError.__mro__])
print([c.__name__ for c in KeyError.__mro__])

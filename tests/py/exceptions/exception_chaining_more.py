def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise TypeError(f'bad input {s!r}') from e
try:
    parse('x')
except TypeError as e:
    print(repr(e), repr(e.__cause__), e.__context__ is e.__cause__, e.__suppress_context__)
def implicit():
    try:
        {}['k']
    except KeyError:
        return 1 / 0
try:
    implicit()
except ZeroDivisionError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
try:
    try:
        raise ValueError('a')
    except ValueError as inner:
        raise inner
except ValueError as e:
    print('same object re-raised:', repr(e), e.__context__)
e = RuntimeError('x')
e.__cause__ = KeyError('y')
print(e.__suppress_context__ if False else 'cause assigned', repr(e.__cause__))

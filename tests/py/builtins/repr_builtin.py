print(repr(1), repr(1.5), repr('s'), repr("it's"), repr(None), repr(True), repr([1, 'a']), repr((1,)), repr({'a': [1]}))
print(repr(b'x'), repr(bytearray(b'y')), repr(range(2)), repr(set()), repr({1}), repr(frozenset({1})), repr(1j))
print(repr(int), repr(str), repr(Exception), repr(len) if False else 'builtin skipped')
class R:
    def __repr__(self): return 'R!'
print(repr(R()), repr([R(), R()]), ascii('é'), ascii([R()]))
print(repr(...), repr(NotImplemented), repr(type(None)))

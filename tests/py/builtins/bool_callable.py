print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool(0.1), bool(''), bool('0'), bool([]), bool([[]]), bool({}), bool(None))
print(bool(range(0)), bool(range(1)), bool(0j), bool(b''), bool(bytearray(1)), bool(frozenset()))
print(type(bool(1)).__name__, bool is type(True))
class C:
    def m(self): pass
    def __call__(self): pass
class D: pass
print(callable(C), callable(C()), callable(D()), callable(C().m), callable(len), callable(None), callable('x'), callable(lambda: 0))

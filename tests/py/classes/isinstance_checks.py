class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, B), isinstance(b, C), isinstance(b, (C, A)), isinstance(b, object))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(B, B), issubclass(A, object))
print(isinstance(True, int), isinstance(1, bool), isinstance(1.0, int), isinstance(None, object), isinstance(int, type))
print(issubclass(bool, int), issubclass(int, object), issubclass(type, object))
try:
    issubclass(b, A)
except TypeError as e:
    print('TypeError', e)
try:
    isinstance(b, b)
except TypeError as e:
    print('TypeError')
print(isinstance(b, (C, (A,))))
print(isinstance([], list), isinstance({}, dict), isinstance((), tuple), isinstance('', str), isinstance(b'', bytes))

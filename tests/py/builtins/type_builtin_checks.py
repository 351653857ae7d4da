vals = [1, 1.0, 1j, 'a', b'a', bytearray(b'a'), [1], (1,), {1}, frozenset([1]), {1: 1}, None, True, range(1), len, type, object()]
print([type(v).__name__ for v in vals])
print([type(v) in (int, float) for v in vals][:4])
print(type(type(1)) is type, type(int) is type, type(object) is type)
print(type('X', (), {}).__name__, type(type('X', (), {})()).__name__)
print(isinstance(vals[-1], object), type(vals[-1]) is object)

class Vector(list):
    def __add__(self, other):
        return Vector(a + b for a, b in zip(self, other))
    def __mul__(self, k):
        return Vector(a * k for a in self)
    def __repr__(self):
        return f'Vector({list.__repr__(self)})'
v = Vector([1, 2, 3])
w = Vector([10, 20, 30])
print(v + w, v * 3, len(v), v[0], v[-1], sum(v))
print(v[:2], type(v[:2]).__name__, isinstance(v, list), v == [1, 2, 3])
v.append(4)
print(v, list(v))

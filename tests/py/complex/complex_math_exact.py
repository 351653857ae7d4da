roots = [1, 1j, -1, complex(0, -1)]
print([r ** 2 for r in roots], [r ** 4 for r in roots])
print([abs(r) for r in roots], sum(roots), [r.conjugate() for r in roots])
z = 3 + 4j
print(z * z.conjugate(), abs(z) ** 2, (z * z.conjugate()).real == abs(z) ** 2)
print((1 + 1j) * (1 - 1j), (2 + 3j) - (2 + 3j), (1 + 2j) / (1 + 2j))
def mandel(c, limit=20):
    z = 0
    for i in range(limit):
        z = z * z + c
        if abs(z) > 2:
            return i
    return limit
print([mandel(complex(x / 2, 0)) for x in range(-4, 2)])
print([mandel(complex(0, y / 2)) for y in range(-3, 4)])

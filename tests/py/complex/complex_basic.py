z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate())
print(complex(1, 2), complex(1), complex(), complex('1+2j'), complex('3j'), complex(' 2-1j '))
print(1j * 1j, (1 + 2j) * (3 - 1j), (1 + 2j) + (3 - 1j), (1 + 2j) - 1)
print((1 + 2j) / (1 - 1j), (4 + 2j) / 2, 2 / (1 + 1j))
print((1 + 1j) ** 2, 1j ** 2, (2 + 0j) ** 3)
print(repr(1j), repr(-1j), repr(0j), repr(1 + 0j), repr(complex(1.5, -2.5)))
print(complex(1e20, 1e-5), complex(float('inf'), 1), complex(0, float('nan')))
print(z == 3 + 4j, z != 3, (1 + 0j) == 1, 1j == 1j)
print(type(z).__name__, isinstance(z, complex), bool(0j), bool(1j))
print(-z, +z, abs(-3j), abs(complex(0, -5)))
for e in ['(1+2j) < (2+3j)', '(1j) // 2', '(1j) % 2', 'int(1j)', 'float(1j)', '1j / 0', "complex('abc')"]:
    try:
        print(eval(e))
    except Exception as ex:
        print(type(ex).__name__)
print(hash(1 + 0j) == hash(1), hash(2j) == hash(2j))
print(f'{z}', str(z), '%s' % z, format(1.5 + 2j, ''))
print(complex(1, 2) == complex('1+2j'), complex(True, False))

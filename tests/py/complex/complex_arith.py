a = 3 + 4j
b = 1 - 2j
print(a + b, a - b, a * b, a / b, a * 2, a / 2, 2 / a if False else 'skip', a + 1.5, -a)
print(a ** 2, a ** 0, b ** 3, (1j) ** 4, (2 + 0j) ** 2)
print(abs(a), abs(b * 0), a.conjugate(), (a * a.conjugate()).real)
print(a == complex(3, 4), a != b, a == 3, (3 + 0j) == 3, (3 + 0j) == 3.0)
print(a.real + a.imag, type(a.real).__name__)

print(complex(), complex(2), complex(2.5), complex(1, -1), complex(0, 0), complex(real=1, imag=2))
print(complex('1'), complex('1j'), complex('-1.5+2.5j'), complex('(3-4j)'), complex(' 5j '), complex('1e3+1e-3j'))
print(complex(1j, 1j), complex(1 + 2j), complex(True, False))
for bad in ['1+', 'j1', '1 + 2j', 'abc', '']:
    try:
        print(complex(bad))
    except ValueError:
        print(repr(bad), 'ValueError')
try:
    complex('1', 2)
except TypeError:
    print('TypeError')

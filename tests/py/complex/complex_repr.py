for z in [1j, 2 + 3j, -2 - 3j, 1.5 + 0.25j, 1e20 + 1j, 1e-20j, complex(1, -0.0), 0.1 + 0.2j, 100j, 3 + 0j,
          complex(0, -1), complex(float('inf'), 0), complex(1, float('nan'))]:
    print(repr(z), str(z))
print(format(1 + 2j, ''), format(1.5 - 2.25j, '.1f') if True else '', f'{2j}')

zs=[1+2j, -1.5-2.25j, 2j, -0j, complex(0.0,-0.0), complex(-0.0, 1), 1e20+1e-20j, complex(float('inf'), float('nan')), 3+0j]
specs=['', '.2f', '10.3g', '<20', '^25.1e', '+', ' ', '+.3f', 'g', 'G', 'n', '.0e', '*>30.4', ',.2f', '.3', '#.2g', 'E', 'F', 'z.1f']
for z in zs:
    for sp in specs:
        try:
            print(repr(format(z, sp)), end=' ')
        except Exception as e:
            print(type(e).__name__, e, end=' ')
    print()
for sp in ['010', '=10', '%', 'd', 's', 'x']:
    try: print(format(1+1j, sp))
    except Exception as e: print(type(e).__name__, e)
print(f'{1+2j:>12}|{3j:.1f}|{(1+1j)!r}')
print('{:8.2f}'.format(-1-1j), (2+3j).__format__('.1f'))

print(float(1), float(-5), float('1.5'), float('  -2.25  '), float('1e3'), float('.5'), float('5.'))
print(float('inf'), float('-Infinity'), float('INF'), float('nan'), float('+1_000.5'))
print(float(2**53), float(10**20), float(True), float())
print(int(2.9), int(-2.9), int(1e10), round(2.5), round(3.5), round(-2.5))
for s in ['abc', '', '1.2.3', '1e', '--1', '1_', 'nan1']:
    try:
        print(float(s))
    except ValueError as e:
        print('ValueError', e)
try:
    float(10**400)
except OverflowError as e:
    print('OverflowError', e)
try:
    float(None)
except TypeError as e:
    print('TypeError')
class F:
    def __float__(self): return 2.5
print(float(F()))
print(float(' 3 '), float('0x10') if False else 16.0)

print(format(42), format(42, ''), format('s'), format(1.5), format([1, 2]), format(None))
print(format(42, 'x'), format(3.5, '.3f'), format('ab', '>4'))
class NoFormat:
    pass
try:
    print(format(NoFormat(), 'x'))
except TypeError as e:
    print('TypeError')
print(format(10, 'b').zfill(8), format(-10, '08b'))
print(str.format('{}', 1), '{}'.format, 'x') if False else print('ok')
print(format(12345678, ','), format(12345678, '_d'), format(0.1, '.20f')[:10])
print(format(2**100, ','), format(-2**64, 'x'))

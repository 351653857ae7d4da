print('{0} {1} {0}'.format('a', 'b'))
print('{} and {}'.format(1, [2]))
print('{x}-{y}'.format(x=1, y=2), '{0}-{k}'.format('p', k='kw'))
print('{0.real} {0.imag}'.format(3 + 4j))
print('{0[0]} {0[1][0]} {1[key]}'.format([1, [2]], {'key': 'v'}))
print('{:>{width}}|'.format('r', width=6), '{:{fill}{align}{w}}'.format('c', fill='.', align='^', w=7))
print('{!r:^10}|{!s:>4}|{!a}'.format('q', 1, 'ü'))
print('{0:{1}}|'.format(3.5, '8.2f'))
print('{:%}'.format(0.25), '{:.2%}'.format(1 / 8), '{:e}'.format(100))
print('{:#b} {:#o} {:#x}'.format(5, 8, 255))
print('{:c}{:c}'.format(72, 105))
print('{{{}}}'.format('braced'), '{{}}'.format())
print('{0}'.format(None), '{}'.format(True), '{:d}'.format(True), '{:>5}'.format(True))
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
    def __format__(self, spec):
        if spec == 'polar':
            return 'polar!'
        return '({}, {})'.format(self.x, self.y)
p = Point(1, 2)
print('{}'.format(p), '{:polar}'.format(p), f'{p:polar}', format(p))
try:
    '{0} {}'.format(1, 2)
except ValueError as e:
    print('ValueError', e)
try:
    '{a.b}'.format(a=1)
except AttributeError as e:
    print('AttributeError', e)

print('{} {}'.format('a', 'b'), '{1} {0}'.format('a', 'b'), '{0}{0}'.format('x'))
print('{name} is {age}'.format(name='Bob', age=30), '{0[1]}'.format([10, 20]), '{d[k]}'.format(d={'k': 'v'}))
class P:
    x = 3
    y = [4, 5]
print('{p.x} {p.y[1]}'.format(p=P()))
print('{:>5}|{:<5}|{:^5}|'.format('a', 'b', 'c'), '{!r} {!s}'.format('q', 'q'))
print('{:{w}.{p}f}'.format(3.14159, w=8, p=2), '{{}}'.format(), '{{{0}}}'.format(1))
print('{0:x} {0:o} {0:b} {0:#x}'.format(255))
print('{:,}'.format(10**9), '{0!r:>8}'.format('s'))
print('{name}'.format_map({'name': 'mapped'}))
class D(dict):
    def __missing__(self, k): return '<' + k + '>'
print('{a} {b}'.format_map(D(a=1)))
for fmt, args, kw in [('{}', (), {}), ('{1}', ('a',), {}), ('{x}', (), {}), ('{0[5]}', ([1],), {}), ('{', (), {}), ('}', (), {}), ('{0:d}', ('s',), {})]:
    try:
        print(fmt.format(*args, **kw))
    except (IndexError, KeyError, ValueError) as e:
        print(type(e).__name__, e)

print(max(1, 2, 3), min(1, 2, 3), max([4, 5]), min('hello'), max('a', 'b'), max([1, 2.5]), min([-1, -1.5]))
print(max(['apple', 'fig', 'banana'], key=len), min(['apple', 'fig', 'banana'], key=len))
print(max([], default='empty'), min([], default=None), max([3], default=0))
print(max([(1, 'b'), (1, 'a')]), max([1, 3, 2], key=lambda x: -x))
print(max([2, 1, 2], key=lambda x: x), max(['b', 'a', 'B'], key=str.lower))
pairs = [('a', 3), ('b', 3), ('c', 1)]
print(max(pairs, key=lambda p: p[1]), min(pairs, key=lambda p: p[1]))
for f, args, kw in [(max, ([],), {}), (min, (), {}), (max, (1,), {}), (max, ([1, 'a'],), {})]:
    try:
        f(*args, **kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print('TypeError', e)

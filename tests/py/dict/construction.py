print(dict(), dict(a=1, b=2), dict([('a', 1), ('b', 2)]), dict({'a': 1}, b=2), dict(zip('xy', [1, 2])))
print({}, {1: 'int', 'k': 'str', (1, 2): 'tuple', None: 'none', 1.5: 'float', True: 'bool?'})
print({1: 'a', 1.0: 'b', True: 'c'})
print({'k': 1, 'k': 2})
print(dict([[1, 2], 'ab']))
for bad in [[1, 2], [(1, 2, 3)], 5]:
    try:
        dict(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
d = {x: x ** 2 for x in range(5)}
print(d)
print({k: v for k, v in zip('abc', range(3)) if v != 1})
print({**{'a': 1}, 'b': 2, **{'a': 3}})

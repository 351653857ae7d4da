print(len(''), len('abc'), len([1, 2]), len(()), len({1: 2}), len({1, 2, 3}), len(range(10)), len(b'ab'), len(bytearray(3)))
print(len(range(0, 10, 3)), len(range(10, 0, -2)), len(range(5, 5)), len(frozenset('aab')), len({}.keys()))
class L:
    def __len__(self): return 42
print(len(L()))
for bad in [5, None, 1.5, iter([])]:
    try:
        len(bad)
    except TypeError as e:
        print('TypeError', e)

print(set(), set([]), set(()), set(''), set({}), len(set('hello')), sorted(set('hello')))
print(sorted(set([3, 1, 3, 2])), sorted(set(range(0, 10, 3))), sorted({x % 3 for x in range(10)}))
print({1, 2, 3} == set([3, 2, 1]), {1, 2} == {1, 2, 2.0}, {True, 1, 1.0} == {1})
s = {(1, 2), (2, 1), (1, 2)}
print(len(s), sorted(s))
print(set('aab') == set('ab'), sorted(set([('a', 1), ('a', 1)])))
print({None, 0, False, ''} == {None, 0, ''}, len({0, False, 0.0}))

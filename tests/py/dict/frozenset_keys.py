d = {frozenset([1, 2]): 'a', frozenset(): 'empty'}
print(d[frozenset([2, 1])], d[frozenset()])
graph = {}
for a, b in [(1, 2), (2, 1), (3, 4)]:
    graph.setdefault(frozenset((a, b)), []).append((a, b))
print(sorted((sorted(k), v) for k, v in graph.items()))
try:
    {set([1]): 1}
except TypeError as e:
    print('TypeError', e)
print({(1, (2, 3)): 'nested tuple key'}[(1, (2, 3))])

it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, 'end'), next(it, None))
print(list(iter('ab')), list(iter((1, 2))), sorted(iter({3, 1})), list(iter({'k': 1})))
count = [0]
def counter():
    count[0] += 1
    return count[0]
print(list(iter(counter, 5)))
data = ['a', 'b', '', 'c']
pos = [0]
def reader():
    v = data[pos[0]]
    pos[0] += 1
    return v
print(list(iter(reader, '')))
it2 = iter([])
try:
    next(it2)
except StopIteration:
    print('StopIteration')
try:
    iter(5)
except TypeError as e:
    print('TypeError', e)
try:
    iter(5, 1)
except TypeError as e:
    print('TypeError', e)
i = iter(range(3))
print(iter(i) is i)

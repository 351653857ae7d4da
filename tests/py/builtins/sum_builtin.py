print(sum([1, 2, 3]), sum([]), sum([], 10), sum(range(101)), sum([0.5, 0.25]), sum([1, 2.5]), sum([True, True]))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([1, 2], start=100), sum(x * x for x in range(4)))
print(sum([10**20, 10**20]), sum([1j, 2]), sum([0.1] * 3) == 0.3)
for args in [(['a', 'b'],), (['a'], ''), ([1, 'a'],)]:
    try:
        sum(*args)
    except TypeError as e:
        print('TypeError', e)

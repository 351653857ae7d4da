def use_list():
    list = [1, 2, 3]
    return list
print(use_list(), list('ab'))
def use_max(values):
    max = 0
    for v in values:
        if v > max:
            max = v
    return max
print(use_max([3, 7, 2]), max(1, 2))
sum = lambda *a: 'shadowed sum'
print(sum(1, 2))
del sum
print(sum([1, 2]))



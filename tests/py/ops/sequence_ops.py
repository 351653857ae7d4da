print([1, 2] + [3], (1,) + (2,), 'ab' + 'cd', b'a' + b'b')
print([0] * 3, 3 * [0], 'ab' * 3, (1, 2) * 2, [1] * 0, 'x' * -1)
print([[0] * 2] * 2)
l = [[]] * 3
l[0].append(1)
print(l)
for e in ['[1] + (1,)', '"a" + 1', '[1] * 1.5', '"a" * "b"', '1 + "a"', 'None + 1']:
    try:
        print(eval(e))
    except TypeError as ex:
        print('TypeError', ex)
print(True * 'ab', 'ab' * True)

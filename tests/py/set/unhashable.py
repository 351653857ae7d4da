for v in [[1], {1: 2}, {1}, bytearray(b'x')]:
    try:
        {v}
    except TypeError as e:
        print('TypeError', e)
    try:
        hash(v)
    except TypeError as e:
        print('TypeError', e)
try:
    {1, 2}.add([3])
except TypeError as e:
    print('TypeError', e)
try:
    [1] in {1, 2}
except TypeError as e:
    print('TypeError', e)
print((1, 2) in {(1, 2)}, frozenset([1]) in {frozenset([1])}, {1} == frozenset([1]))
print(set([1]) in {frozenset([1])})

a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, True is True)
x = None
print(x is None, x is not None)
print(1 in [1, 2], 3 in [1, 2], 3 not in [1, 2])
print('b' in 'abc', 'bc' in 'abc', 'ac' in 'abc', '' in 'abc')
print(1 in {1: 'a'}, 'a' in {1: 'a'}, 2 in {1, 2}, 2 in (1, 2))
print(1.0 in [1], True in [1], 0 in [False])
print(b'a' in b'abc', 97 in b'abc')
print(5 in range(10), 10 in range(10), 5 in range(0, 10, 2))
nan = float('nan')
print(nan in [nan], nan == nan)
try:
    print(1 in 5)
except TypeError as e:
    print('TypeError', e)
try:
    print([] in {1})
except TypeError as e:
    print('TypeError', e)

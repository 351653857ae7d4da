print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1.0, 1 != 1)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1.0)
print(1 < 2 > 0, 0 < 1 != 2, 1 < 2 == 2 < 3)
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(0) < v(5))
print(calls)
calls.clear()
print(v(1) < v(2) < v(3))
print(calls)
print('a' < 'b', 'abc' < 'abd', 'a' < 'ab', 'Z' < 'a', '' < 'a')
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 'a') < (1, 'b'), () < (0,))
print([1] == [1.0], (1, 2) == [1, 2], None == None, None == 0)
for a, b in [(1, 'a'), ([1], (1,)), (None, 1), ({}, {})]:
    try:
        print(a < b)
    except TypeError as e:
        print('TypeError', e)
print(float('nan') == float('nan'), float('nan') != float('nan'))
print(1 == True, 0 == False, 2 == True)

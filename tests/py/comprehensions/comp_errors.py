try:
    [1 / x for x in [1, 0]]
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    [x for x in 5]
except TypeError as e:
    print('TypeError', e)
try:
    {[x]: x for x in range(2)}
except TypeError as e:
    print('TypeError', e)
try:
    [undefined for _ in range(1)]
except NameError as e:
    print('NameError', e)
try:
    {x for x in [[1]]}
except TypeError as e:
    print('TypeError', e)
print([x for x in []], {x: x for x in ()}, set(x for x in ''))

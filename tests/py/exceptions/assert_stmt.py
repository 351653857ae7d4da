assert True
assert 1 == 1, 'not shown'
try:
    assert False
except AssertionError as e:
    print('AssertionError', repr(e), e.args)
try:
    assert 1 > 2, 'one is not greater'
except AssertionError as e:
    print('AssertionError', e)
try:
    x = []
    assert x, f'empty list: {x}'
except AssertionError as e:
    print('AssertionError', e)
try:
    assert False, ('tuple', 1)
except AssertionError as e:
    print(e.args)
def check(v):
    assert isinstance(v, int), type(v).__name__
    return v
print(check(3))
try:
    check('s')
except AssertionError as e:
    print('AssertionError', e)

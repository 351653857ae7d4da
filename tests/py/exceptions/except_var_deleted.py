e = 'before'
try:
    raise ValueError('x')
except ValueError as e:
    print('in handler', e)
try:
    print(e)
except NameError as ex:
    print('NameError', ex)
def f():
    err = None
    try:
        1 / 0
    except ZeroDivisionError as exc:
        err = exc
    return type(err).__name__, str(err)
print(f())
try:
    raise KeyError('k')
except KeyError:
    print('no binding')

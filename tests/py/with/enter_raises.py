class BadEnter:
    def __enter__(self):
        raise RuntimeError('enter failed')
    def __exit__(self, *a):
        print('exit should not run')
try:
    with BadEnter():
        print('body should not run')
except RuntimeError as e:
    print('RuntimeError', e)
class Good:
    def __enter__(self):
        print('good enter')
    def __exit__(self, *a):
        print('good exit', a[0].__name__ if a[0] else None)
try:
    with Good(), BadEnter():
        pass
except RuntimeError as e:
    print('second item failed:', e)
class NoExit:
    def __enter__(self): return 1
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__)
class ExitRaises:
    def __enter__(self): return self
    def __exit__(self, *a):
        raise ValueError('from exit')
try:
    with ExitRaises():
        raise KeyError('original')
except ValueError as e:
    print('ValueError', e, repr(e.__context__))

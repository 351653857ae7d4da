class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with CM('a') as v:
    print('body', v)
with CM('b', suppress=True):
    raise ValueError('suppressed')
print('after b')
try:
    with CM('c'):
        raise KeyError('k')
except KeyError as e:
    print('caught', repr(e))
with CM('outer') as o, CM('inner') as i:
    print('both', o, i)

class contextmanager_like:
    def __init__(self, gen_func):
        self.gen_func = gen_func
    def __call__(self, *args):
        return _GenCM(self.gen_func(*args))
class _GenCM:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, et, ev, tb):
        if et is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
        else:
            try:
                self.gen.throw(ev)
            except StopIteration:
                return True
            except BaseException as e:
                if e is ev:
                    return False
                raise
@contextmanager_like
def tag(name):
    print(f'<{name}>')
    try:
        yield name.upper()
    finally:
        print(f'</{name}>')
with tag('div') as t:
    print('inside', t)
    with tag('span'):
        print('text')
try:
    with tag('p'):
        raise ValueError('in p')
except ValueError as e:
    print('propagated', e)

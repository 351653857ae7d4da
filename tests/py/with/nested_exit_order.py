class CM:
    def __init__(self, name, fail_exit=False):
        self.name, self.fail_exit = name, fail_exit
    def __enter__(self):
        print('enter', self.name)
        return self
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None)
        if self.fail_exit:
            raise RuntimeError(f'exit of {self.name} failed')
        return False
try:
    with CM('a'), CM('b', fail_exit=True), CM('c'):
        print('body')
        raise ValueError('body error')
except Exception as e:
    print('final', repr(e), repr(e.__context__))
with CM('x') as x:
    with CM('y') as y:
        print(x.name + y.name)

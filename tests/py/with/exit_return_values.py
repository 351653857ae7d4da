class CM:
    def __init__(self, ret):
        self.ret = ret
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return self.ret
for ret in [True, 1, 'yes', [0], False, 0, None, '', []]:
    try:
        with CM(ret):
            raise ValueError
        print(repr(ret), 'suppressed')
    except ValueError:
        print(repr(ret), 'propagated')

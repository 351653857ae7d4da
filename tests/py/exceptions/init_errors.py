class Fails:
    def __init__(self, v):
        if v < 0:
            raise ValueError(f'negative: {v}')
        self.v = v
print(Fails(1).v)
try:
    Fails(-1)
except ValueError as e:
    print('ValueError', e)
class Partial:
    instances = []
    def __init__(self):
        Partial.instances.append(self)
        self.a = 1
        raise RuntimeError('half built')
try:
    Partial()
except RuntimeError as e:
    print('RuntimeError', e, Partial.instances[0].a)
try:
    int('x')
except ValueError as e:
    print('ValueError', e)

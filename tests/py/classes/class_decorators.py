def add_repr(cls):
    def __repr__(self):
        fields = ', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())
        return f'{cls.__name__}({fields})'
    cls.__repr__ = __repr__
    return cls
@add_repr
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Pt(1, 'a'))
registry = {}
def register(name):
    def deco(cls):
        registry[name] = cls
        return cls
    return deco
@register('circle')
class Circle: pass
@register('square')
class Square: pass
print(sorted(registry), registry['circle'].__name__)
def singleton(cls):
    instances = {}
    def get():
        if cls not in instances:
            instances[cls] = cls()
        return instances[cls]
    return get
@singleton
class Config: pass
print(Config() is Config())

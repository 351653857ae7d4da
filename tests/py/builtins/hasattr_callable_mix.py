class Thing:
    attr = 1
    def method(self): return 'm'
    @property
    def prop(self): return 'p'
    @staticmethod
    def sm(): return 's'
t = Thing()
for name in ['attr', 'method', 'prop', 'sm', 'missing', '__init__', '__class__']:
    has = hasattr(t, name)
    print(name, has, callable(getattr(t, name, None)))
print(callable(Thing), callable(t), callable(t.method), callable(Thing.sm))
print(getattr(t, 'method')(), getattr(Thing, 'sm')(), getattr(t, 'prop'))

class Fallback:
    a = 1
    def __getattr__(self, name):
        return f'fallback:{name}'
f = Fallback()
f.b = 2
print(f.a, f.b, f.c, getattr(f, 'd'))
class Defaults(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)
d = Defaults(x=1)
print(d.x, hasattr(d, 'y'), getattr(d, 'y', 'none'))

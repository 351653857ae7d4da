class Counter(dict):
    def __missing__(self, key):
        return 0
    def add(self, key):
        self[key] = self[key] + 1
c = Counter()
for ch in 'hello world':
    c.add(ch)
print(sorted(c.items()), c['z'], 'z' in c)
class AttrDict(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k)
    def __setattr__(self, k, v):
        self[k] = v
a = AttrDict(x=1)
a.y = 2
print(a, a.x, a.y, isinstance(a, dict))
try:
    a.z
except AttributeError as e:
    print('AttributeError', e)
class LowerDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
ld = LowerDict()
ld['KEY'] = 'v'
print(ld, ld['Key'], ld.get('key'))
print(type(a.copy()).__name__, repr(AttrDict()))

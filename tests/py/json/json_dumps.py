import json

print(json.dumps(None), json.dumps(True), json.dumps(False), json.dumps(0), json.dumps(-12))
print(json.dumps(2**100), json.dumps(1.5), json.dumps(1e300), json.dumps(0.1), json.dumps(-0.0), json.dumps(1e16))
print(json.dumps(float('nan')), json.dumps(float('inf')), json.dumps(-float('inf')))
print(json.dumps('abc'), json.dumps('a"b\\c\n\r\t\b\f\x00\x1f\x7f'), json.dumps('é€😀'))
print(json.dumps('é€😀', ensure_ascii=False), json.dumps('\x00"', ensure_ascii=False))
print(json.dumps([1, 'a', None, [], {}, (2, 3)]))
print(json.dumps({'a': 1, 'b': [1, 2], 'c': {'d': None}}))
print(json.dumps({1: 'x', 2.5: 'y', True: 'z', None: 'w', 10**20: 'v'}))
print(json.dumps({False: 1, float('inf'): 2}))
print(json.dumps({'b': 1, 'a': 2, 'c': {'z': 1, 'y': 2}}, sort_keys=True))
print(json.dumps([1, {'a': [1, 2, {}], 'b': []}], indent=2))
print(json.dumps({'a': [1, 2]}, indent='\t'))
print(json.dumps({'a': [1, 2]}, indent=0))
print(json.dumps({'a': [1, 2]}, indent=''))
print(json.dumps({'a': [1, 2], 'b': 3}, separators=(',', ':')))
print(json.dumps({'a': [1, 2], 'b': 3}, indent=1, separators=(', ', ' = ')))
print(json.dumps({(1, 2): 3, 'a': 1}, skipkeys=True))

class P:
    def __init__(self, x):
        self.x = x

print(json.dumps([P(1), P(2)], default=lambda o: {'x': o.x}))
print(json.dumps(P(3), default=lambda o: [o.x, 'p']))

class MyDict(dict):
    pass

class MyList(list):
    pass

class MyInt(int):
    pass

print(json.dumps(MyDict(a=MyList([1, MyInt(5)]))))

class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)

w = W()
json.dump({'k': [1, 2]}, w)
print(''.join(w.parts))

def err(f, *a, **k):
    try:
        print('ok', f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)

err(json.dumps, P(1))
err(json.dumps, {1, 2})
err(json.dumps, b'x')
err(json.dumps, {(1, 2): 3})
err(json.dumps, float('nan'), allow_nan=False)
err(json.dumps, [float('inf')], allow_nan=False)
err(json.dumps, {'b': 1, 2: 3}, sort_keys=True)
a = []
a.append(a)
err(json.dumps, a)
d = {}
d['x'] = d
err(json.dumps, d)
err(json.dumps, P(1), default=lambda o: o)

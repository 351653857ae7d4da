cfg = {'db': {'host': 'localhost', 'port': 5432}, 'debug': True, 'tags': ['a', 'b']}
print(cfg['db']['port'], cfg.get('db', {}).get('user', 'root'))
cfg['db']['user'] = 'admin'
print(cfg)
def deep_get(d, path, default=None):
    for p in path.split('.'):
        if not isinstance(d, dict) or p not in d:
            return default
        d = d[p]
    return d
print(deep_get(cfg, 'db.host'), deep_get(cfg, 'db.nope', '?'), deep_get(cfg, 'debug.x'))
tree = lambda: {}
t = {}
t.setdefault('a', {}).setdefault('b', {})['c'] = 1
print(t)
print(repr({'k': {'k': {'k': {}}}}))
d = {}
d['self'] = d
print(d)

def config(**opts):
    defaults = {'debug': False, 'level': 1}
    defaults.update(opts)
    return defaults
print(config(), config(debug=True), config(level=3, extra='x'))
def forward(*args, **kwargs):
    return target(*args, **kwargs)
def target(a, b=2, *, c=3):
    return a, b, c
print(forward(1), forward(1, 5, c=7), forward(a=0))
def pick(d, *keys, default=None):
    return {k: d.get(k, default) for k in keys}
print(pick({'x': 1, 'y': 2}, 'x', 'z', default=0))
def accepts_all(*a, **k):
    return len(a), sorted(k)
print(accepts_all(), accepts_all(1, 2, x=1, y=2))

def gen():
    yield 1
    raise RuntimeError('generator failed')
for v in gen():
    print('got', v)

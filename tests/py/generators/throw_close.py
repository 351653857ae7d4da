def worker():
    try:
        while True:
            try:
                x = yield
                print('processing', x)
            except ValueError as e:
                print('recovered from', e)
                yield 'recovered'
    finally:
        print('worker cleanup')
w = worker()
next(w)
w.send(1)
print(w.throw(ValueError('bad input')))
next(w)
w.send(2)
w.close()
print('closed')
try:
    w.send(3)
except StopIteration:
    print('send after close -> StopIteration')
def g():
    try:
        yield 1
    except GeneratorExit:
        print('got GeneratorExit')
        raise
gen = g()
next(gen)
gen.close()
gen.close()
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
bad = ignores_exit()
next(bad)
try:
    bad.close()
except RuntimeError as e:
    print('RuntimeError', e)
def simple():
    yield 1
s = simple()
try:
    s.throw(KeyError('thrown'))
except KeyError as e:
    print('unstarted throw propagates', repr(e))
fresh = simple()
fresh.close()
print(list(fresh))

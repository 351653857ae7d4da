def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            return (count, avg)
        total += value
        count += 1
        avg = total / count
a = averager()
next(a)
for v in [10, 20, 30, 40]:
    print(a.send(v))
try:
    a.send(None)
except StopIteration as e:
    print('final', e.value)
def coroutine(f):
    def start(*args):
        g = f(*args)
        next(g)
        return g
    return start
@coroutine
def grep(pattern, results):
    while True:
        line = yield
        if pattern in line:
            results.append(line)
found = []
g = grep('py', found)
for line in ['python', 'rust', 'pypy', 'go', 'cpython']:
    g.send(line)
g.close()
print(found)

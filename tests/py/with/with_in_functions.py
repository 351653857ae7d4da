class Timer:
    calls = []
    def __init__(self, label):
        self.label = label
    def __enter__(self):
        Timer.calls.append(('start', self.label))
        return self
    def __exit__(self, *exc):
        Timer.calls.append(('stop', self.label))
def work(n):
    with Timer(f'work{n}'):
        if n == 0:
            return 'zero'
        return work(n - 1) + f'+{n}'
print(work(3))
for c in Timer.calls:
    print(c)
def gen():
    with Timer('gen'):
        yield 'a'
        yield 'b'
g = gen()
print(next(g), Timer.calls[-1])
g.close()
print(Timer.calls[-1])

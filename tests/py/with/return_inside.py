class CM:
    def __enter__(self):
        print('enter')
        return self
    def __exit__(self, *a):
        print('exit', a[0])
def f():
    with CM():
        return 'returned from with'
print(f())
def g():
    for i in range(3):
        with CM():
            if i == 1:
                break
            print('iteration', i)
    return i
print(g())
def h():
    for i in range(2):
        with CM():
            continue
    return 'h done'
print(h())
def gen():
    with CM():
        yield 1
        yield 2
for v in gen():
    print('got', v)

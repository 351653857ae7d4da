g = (i for i in range(3))
print(list(g), list(g), sum(g))
def gen():
    yield 1
it = gen()
for x in it:
    print('first loop', x)
for x in it:
    print('second loop never')
print(next(it, 'default'))
print(3 in (i for i in range(5)), 3 in (i for i in range(2)))
g2 = (i for i in range(5))
print(2 in g2, list(g2))
def running():
    print('running state check')
    yield g_self.gi_running if False else 'ok'
g_self = running()
print(next(g_self))

def resource(name):
    print('open', name)
    try:
        yield f'{name}-1'
        yield f'{name}-2'
    finally:
        print('close', name)
for v in resource('A'):
    print(v)
g = resource('B')
print(next(g))
g.close()
g2 = resource('C')
print(next(g2))
try:
    g2.throw(ValueError('abort'))
except ValueError as e:
    print('propagated', e)
def nested():
    try:
        yield from resource('inner')
    finally:
        print('outer cleanup')
n = nested()
print(next(n))
n.close()

x = 'outer'
l = [x for x in range(3)]
print(l, x)
g = list(x for x in 'ab')
print(g, x)
y = 10
print([y * i for i in range(3)])
class C:
    val = 5
    items = [1, 2]
    doubled = [i * 2 for i in items]
    try:
        broken = [val * i for i in range(2)]
    except NameError as e:
        err = str(e)
print(C.doubled, C.err)
def f():
    n = 3
    return [[n * i + j for j in range(n)] for i in range(n)]
print(f())
print({k: k * 2 for k in 'ab'}, {v for v in [1, 1, 2]})
try:
    print(i)
except NameError as e:
    print('NameError', e)

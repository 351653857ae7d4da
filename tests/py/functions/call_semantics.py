def mutate(l, d, n, s):
    l.append(99)
    d['new'] = True
    n += 1
    s += '!'
    return n, s
L, D, N, S = [1], {}, 5, 'hi'
print(mutate(L, D, N, S), L, D, N, S)
def rebind(l):
    l = [0]
    return l
print(rebind(L), L)
def kwonly_order(a, b, c):
    return a, b, c
print(kwonly_order(c=3, a=1, b=2), kwonly_order(1, c=3, b=2))
def side(x):
    print('eval', x)
    return x
def three(a, b, c): return a + b + c
print(three(side(1), side(2), c=side(3)))
print(callable(print), callable(len), callable(1), callable(lambda: 0), callable(type), callable('s'))

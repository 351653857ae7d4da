sq = lambda x: x * x
print(sq(5), (lambda: 'no args')(), (lambda a, b=2: a + b)(1), (lambda *a, **k: (a, k))(1, x=2))
print(sorted([(1, 'b'), (2, 'a')], key=lambda p: p[1]))
adders = [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in adders])
late = [lambda x: x + i for i in range(3)]
print([f(10) for f in late])
print(sq.__name__, (lambda: 0).__name__)
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda x: x + 1)(3))
print((lambda x: (lambda y: x * y))(3)(4))
print(list(map(lambda x: x * 2, [1, 2])), list(filter(lambda x: x % 2, range(6))))

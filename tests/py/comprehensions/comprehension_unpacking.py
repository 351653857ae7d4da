pairs = [(1, 'a'), (2, 'b'), (3, 'c')]
print([n for n, _ in pairs], [s * n for n, s in pairs])
print({s: n for n, s in pairs})
print([(b, a) for a, b in pairs if a != 2])
nested = [(1, (2, 3)), (4, (5, 6))]
print([a + b + c for a, (b, c) in nested])
print([first for first, *rest in ['abc', 'de']], [rest for first, *rest in ['abc', 'de']])
print([k + str(v) for k, v in {'x': 1, 'y': 2}.items()])
print([i * c for i, c in enumerate('abc')])

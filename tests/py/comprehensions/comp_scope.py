x = 'outer'
print([x for x in 'ab'], x)
y = 5
print([y + i for i in range(3)])
def f():
    n = 2
    return [i * n for i in range(3)], {i: n for i in range(2)}, list(i + n for i in range(2))
print(f())
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([fn() for fn in funcs])
print([[i for i in range(j)] for j in range(3)])
items = [1, 2, 3]
print([items[0] for _ in items])
class K:
    data = [1, 2, 3]
    squares = [d * d for d in data]
print(K.squares)
print([(yy := v * 2) for v in range(3)], yy)

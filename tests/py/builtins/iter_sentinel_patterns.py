chunks = iter(['alpha', 'beta', '', 'gamma'])
print(list(iter(lambda: next(chunks), '')))
n = [0]
def tick():
    n[0] += 1
    return n[0] % 4
print(list(iter(tick, 0)), n)
data = list(range(10))
it = iter(data)
print(list(iter(lambda: next(it) * 2, 10)))
stack = [1, 2, 3, None, 4]
print(list(iter(stack.pop, 3)), stack)

for i in range(3):
    print('a', i)
for i in range(2, 8, 2):
    print('b', i)
for i in range(5, 0, -2):
    print('c', i)
for i in range(0):
    print('never')
for i, ch in enumerate('xyz', start=1):
    print('d', i, ch)
for a, b in zip(range(3), range(10, 13)):
    print('e', a, b)
for i in reversed(range(3)):
    print('f', i)
total = 0
for i in range(1, 11):
    if i % 3 == 0:
        continue
    total += i
print(total)

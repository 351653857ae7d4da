total = 0
for i in range(1, 101):
    total += i
print(total)
for i in range(10, 0, -3):
    print(i, end=' ')
print()
for ch in 'abc':
    for n in range(2):
        print(ch * (n + 1), end=' ')
print()
l = [1, 2, 3]
for x in l:
    if x == 2:
        l.append(4)
print(l)
it = iter(range(5))
for x in it:
    if x == 1:
        next(it)
    print('x', x)
for i in range(3):
    i = 10
    print(i)
print(i)
k = 0
for k in []:
    pass
print(k)

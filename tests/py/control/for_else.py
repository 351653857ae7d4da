for i in range(3):
    print(i)
else:
    print('done', i)
for i in []:
    pass
else:
    print('empty else')
def find(items, target):
    for idx, it in enumerate(items):
        if it == target:
            print('found at', idx)
            break
    else:
        print('not found')
find([1, 2, 3], 2)
find([1, 2, 3], 5)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, 'is prime')
for x in range(5):
    if x % 2:
        continue
    print('even', x)
else:
    print('continue does not skip else')

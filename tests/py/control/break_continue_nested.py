for i in range(4):
    for j in range(4):
        if j > i:
            break
        if (i + j) % 2:
            continue
        print(i, j)
found = None
for i in range(5):
    for j in range(5):
        if i * j == 6:
            found = (i, j)
            break
    if found:
        break
print('found', found)
i = 0
while True:
    i += 1
    if i % 2:
        continue
    if i > 8:
        break
    print('i', i)
print('end', i)

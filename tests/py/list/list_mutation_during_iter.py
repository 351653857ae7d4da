l = [1, 2, 3, 4, 5, 6]
for x in l[:]:
    if x % 2 == 0:
        l.remove(x)
print(l)
l = [1, 2, 3, 4, 5, 6]
out = []
for x in l:
    out.append(x)
    if x == 2:
        l.pop()
print(out, l)
l = [1, 2, 3]
i = 0
while i < len(l):
    if l[i] == 2:
        l.insert(i + 1, 'after 2')
        i += 1
    i += 1
print(l)

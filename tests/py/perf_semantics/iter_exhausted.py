# An exhausted list or range iterator stays exhausted, whether a for loop or next() used it up
# (a list that grows afterwards is not read again).
l = [1, 2]
it = iter(l)
for x in it:
    pass
l.append(3)
print(list(it), next(it, "done"))
t = (1,)
r = iter(range(2))
for x in r:
    pass
print(next(r, "done"))
l2 = [1]
it2 = iter(l2)
print(next(it2), next(it2, "done"))
l2.append(2)
print(next(it2, "done"), list(it2))

l = [3, 1, 2]
l.append(4); print(l)
l.extend([5, 6]); print(l)
l.extend(range(7, 9)); l.extend('ab'); print(l)
l.insert(0, 'first'); l.insert(100, 'last'); l.insert(-1, 'penult'); l.insert(-100, 'front'); print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove('a'); print(l)
print(l.index(2), l.index(5, 2), l.count(1), [1, 1, 2].count(1))
l2 = [x for x in l if isinstance(x, int)]
l2.reverse(); print(l2)
l2.sort(); print(l2)
c = l2.copy(); c.append(99); print(l2, c)
c.clear(); print(c)
for f in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1].index(2), lambda: [1, 2].index(1, 1)]:
    try:
        f()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)

from collections import deque

d = deque([1, 2, 3])
print(d, len(d), d[0], d[-1], list(d), bool(deque()), deque())
d.append(4)
d.appendleft(0)
print(d, d.pop(), d.popleft(), d)
d.extend([5, 6])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
d[0] = 'x'
print(d, d.count(5), d.index(5), 5 in d, 99 in d)
del d[0]
d.remove(6)
print(d)
d.reverse()
print(d, list(reversed(d)))
m = deque(range(10), maxlen=3)
print(m, m.maxlen, deque().maxlen)
m.append(10)
m.appendleft(0)
print(m)
m.extend(range(5))
print(m)
z = deque([1], 0)
z.append(1)
print(z)
c = m.copy()
c.append(99)
print(m, c, m == deque([2, 3, 4]), m != c)
d += [7, 8]
print(d)
d.clear()
print(d, len(d))
for x in deque('abc'):
    print(x)
r = deque()
r.append(r)
print(r)

def err(f, *a):
    try:
        print('ok', f(*a))
    except Exception as e:
        print(type(e).__name__, e)

err(deque().pop)
err(deque().popleft)
err(lambda: deque([1])[5])
err(deque([1]).remove, 2)
err(deque, [1], -1)

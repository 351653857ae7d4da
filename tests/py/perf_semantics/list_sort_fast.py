# list.sort fast paths (all-int or all-str keys): order, stability and reverse keep equal items
# in their original order, as the general comparison sort does.
seed = 7
xs = []
for _ in range(200):
    seed = (seed * 1103515245 + 12345) % 2**31
    xs.append(seed % 100 - 50)
xs += [2**62, -(2**62), 0]
a = xs[:]
a.sort()
print(a[:10], a[-5:], a == sorted(xs))
a.sort(reverse=True)
print(a[:5], a == sorted(xs, reverse=True))
words = ["pear", "Apple", "apple", "é", "z", "", "ab", "a", "日本", "\x00", "ab"]
w = words[:]
w.sort()
print(w)
w.sort(reverse=True)
print(w)
w.sort(key=len)
print(w)
w.sort(key=len, reverse=True)
print(w)
recs = [(k % 5, i) for i, k in enumerate(range(30, 0, -1))]
r = recs[:]
r.sort(key=lambda t: t[0])
print(r)
r = recs[:]
r.sort(key=lambda t: t[0], reverse=True)
print(r)
class K:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return self.name
objs = [K("b1"), K("a1"), K("b2"), K("a2"), K("c")]
objs.sort(key=lambda o: o.name[0])
print(objs)
objs.sort(key=lambda o: o.name[0], reverse=True)
print(objs)
s1, s2 = "x" * 30, "".join(["x"] * 30)
lst = [s1, s2]
lst.sort(reverse=True)
print(lst[0] is s1, lst[1] is s2)
mixed = [3, True, 1, False, 2.5, -0.0, 0]
mixed.sort()
print(mixed)
try:
    [1, "a", 2].sort()
except TypeError as e:
    print("TypeError", e)
try:
    [3, 1, 2].sort(key=lambda v: 1 / (v - 1))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
calls = []
q = [3, 1, 2]
q.sort(key=lambda v: calls.append(v) or -v)
print(q, calls)
e = []
e.sort()
print(e, [5].sort(), [[2], [1]].__class__)

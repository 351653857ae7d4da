class P:
    pass
a = P()
b = P()
c = a
print(a is c, a is b, a == b, a != b, a == c)
print(bool(a), hash(a) == hash(c))
s = {a, b, c}
print(len(s))
d = {a: 'a', b: 'b'}
print(d[c])
print(str(a).startswith('<__main__.P object at'), repr(a) == str(a))
print(P.__repr__ is object.__repr__, P.__eq__ is object.__eq__)

# Bound methods compare equal (and hash equal) when they bind the same object to the
# same function; built-in bound methods too.
class A:
    def f(self):
        return 1

    def g(self):
        return 2


a, b = A(), A()
print(a.f == a.f, a.f != a.f)
print(a.f == b.f, a.f != b.f)
print(a.f == a.g)
print(a.f == None, None == a.f)
print(hash(a.f) == hash(a.f))
print(len({a.f, a.f, b.f}))
d = {a.f: "af"}
print(d[a.f])

lst = [1]
print(lst.append == lst.append)
print(lst.append == [].append)
print(lst.append == lst.pop)
print(hash(lst.append) == hash(lst.append))
print(len({lst.append, lst.append}))

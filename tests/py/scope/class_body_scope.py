y = 'global y'
class C:
    y = 'class y'
    a = y
    b = [y for _ in range(1)]
    def m(self):
        return y
print(C.a, C.b, C().m())
class D:
    items = [1, 2, 3]
    total = sum(items)
    doubled = list(map(lambda x: x * 2, items))
print(D.total, D.doubled)
def f():
    z = 'func z'
    class E:
        z = 'class z'
        def get(self):
            return z
    return E().get(), E.z
print(f())

class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
a, b = C(1), C(2)
f = a.get
print(f(), C.get(b), f.__self__.v)
methods = [a.get, b.get]
print([m() for m in methods])
a.get = lambda: 'instance override'
print(a.get(), b.get())
def external(self):
    return 'external ' + str(self.v)
C.ext = external
print(b.ext())
print(a.get == a.get if False else 'skip', C.get(a) if False else b.get())
class Callable:
    def __call__(self, x):
        return x * 3
C.tripler = Callable()
print(b.tripler(3))

def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = counter()
c2 = counter()
print(c1(), c1(), c1(), c2())
def make_multiplier(n):
    def mult(x):
        return x * n
    return mult
double, triple = make_multiplier(2), make_multiplier(3)
print(double(5), triple(5))
def outer():
    x = 'outer'
    def middle():
        def inner():
            return x
        return inner
    return middle()()
print(outer())
def late_binding():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return [f() for f in fs]
print(late_binding())
def cell_update():
    v = 1
    def get():
        return v
    v = 2
    return get()
print(cell_update())
def acc():
    items = []
    def add(x):
        items.append(x)
        return items
    return add
a = acc()
a(1)
print(a(2))
print(counter.__closure__, c1.__closure__ is not None, len(c1.__closure__))

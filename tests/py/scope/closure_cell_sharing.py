def make_pair():
    value = 0
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_
get, set_ = make_pair()
print(get())
set_(42)
print(get())
g2, s2 = make_pair()
print(g2(), get())
def loop_closures():
    fs = []
    for i in range(3):
        def f(i=i):
            return i
        fs.append(f)
    gs = []
    for j in range(3):
        gs.append(lambda: j)
    return [f() for f in fs], [g() for g in gs]
print(loop_closures())

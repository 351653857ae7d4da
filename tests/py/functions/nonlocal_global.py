x = 'global'
def read_global():
    return x
def write_global():
    global x
    x = 'modified'
print(read_global())
write_global()
print(x)
def define_new_global():
    global brand_new
    brand_new = 42
define_new_global()
print(brand_new)
def outer():
    y = 1
    def inner():
        nonlocal y
        y += 10
    inner()
    inner()
    return y
print(outer())
def outer2():
    z = 'outer2'
    def mid():
        def inner():
            nonlocal z
            z = 'set by inner'
        inner()
    mid()
    return z
print(outer2())
def shadow():
    x = 'local'
    def inner():
        global x
        return x
    return inner()
print(shadow())

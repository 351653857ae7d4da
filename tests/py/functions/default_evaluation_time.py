counter = [0]
def make_default():
    counter[0] += 1
    return counter[0]
def f(x=make_default()):
    return x
print(f(), f(), counter)
def g(x=[]):
    x.append(len(x))
    return x
print(g(), g(), g([9]), g())
def h(d={}):
    d['calls'] = d.get('calls', 0) + 1
    return d['calls']
print(h(), h(), h())
print(h.__defaults__)
def k(a, b=None, c=()):
    return a, b, c
print(k.__defaults__, k(1))

def f(a, b=2, c='three'):
    return a, b, c
print(f(1), f(1, 5), f(1, c='C'), f(a=0, b=0, c=0))
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def safe_append(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(safe_append(1), safe_append(2))
n = 10
def g(v=n):
    return v
n = 20
print(g())
print(f.__defaults__, append_to.__defaults__, g.__defaults__)
def h(a, b=[]): pass
print(h.__defaults__)

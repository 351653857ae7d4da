a = []
b = a
c = list(a)
print(a is b, a is c, a == c)
small1 = 256
small2 = 2 ** 8
print(small1 == small2)
s1 = 'hello'
s2 = 'hel' + 'lo'
print(s1 == s2)
print(None is None, type(None) is type(None), ... is Ellipsis, NotImplemented is NotImplemented)
print(True is (1 == 1), False is (1 == 2), bool(1) is True)
t1 = ()
t2 = ()
print(t1 == t2, len(t1) == 0)
def f(): pass
g = f
print(f is g, f is not (lambda: None))
print(int is type(3), type(3) is not float)

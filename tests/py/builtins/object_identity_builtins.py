a = [1]
b = a
c = [1]
print(a is b, a is c, a == c)
print(None is None, type(None)() is None)
print(int('5') is not None)
x = object()
y = object()
print(x is x, x is y, x == y, x != y, type(x).__name__, isinstance(x, object))
try:
    x.attr = 1
except AttributeError as e:
    print('AttributeError', e)
print(len(set([x, y, x])))

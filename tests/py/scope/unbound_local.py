x = 10
def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print('UnboundLocalError', e)
    x = 5
    return x
print(f())
def g():
    try:
        y += 1
    except UnboundLocalError as e:
        print('UnboundLocalError', e)
g()
def h():
    z = 1
    del z
    try:
        return z
    except UnboundLocalError as e:
        print('UnboundLocalError', e)
h()
def k(flag):
    if flag:
        v = 'set'
    return v
print(k(True))
try:
    k(False)
except UnboundLocalError as e:
    print('UnboundLocalError', e)
print(issubclass(UnboundLocalError, NameError))

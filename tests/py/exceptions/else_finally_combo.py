def f(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print('div zero')
        return 'err'
    else:
        print('else, r =', r)
        return 'ok'
    finally:
        print('finally for', x)
print(f(2))
print(f(0))
def g():
    try:
        pass
    except Exception:
        pass
    else:
        raise ValueError('from else')
    finally:
        print('finally still runs')
try:
    g()
except ValueError as e:
    print('caught', e)

log = []
def f():
    try:
        log.append('try')
        raise ValueError('first')
    except ValueError:
        log.append('except')
        raise KeyError('second')
    finally:
        log.append('finally')
try:
    f()
except KeyError as e:
    log.append('caught ' + repr(e))
print(log)
def g():
    try:
        return 'value'
    finally:
        log.append('g finally')
print(g(), log[-1])
def h():
    try:
        raise ValueError
    except ValueError:
        return 'returned from except'
    finally:
        print('h finally')
print(h())

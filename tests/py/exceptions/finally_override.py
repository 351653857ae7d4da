def f1():
    try:
        return 'try'
    finally:
        return 'finally'
print(f1())
def f2():
    try:
        raise ValueError('lost')
    finally:
        return 'swallowed'
print(f2())
def f3():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            if i < 2:
                continue
            break
    return 'loop done ' + str(i)
print(f3())
def f4():
    x = 'before'
    try:
        return x
    finally:
        x = 'changed'
print(f4())
def f5():
    l = []
    try:
        return l
    finally:
        l.append('mutated')
print(f5())
def f6():
    try:
        try:
            return 'inner'
        finally:
            print('inner finally')
    finally:
        print('outer finally')
print(f6())
def f7():
    while True:
        try:
            raise KeyError('k')
        finally:
            break
    return 'broke out'
print(f7())

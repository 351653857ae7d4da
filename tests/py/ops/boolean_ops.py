print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 'x', '' or [] or 0)
print([] and 'no', 'a' and 'b' and 'c', 'a' and '' and 'c')
print(not 1, not 0, not [], not [0], not '', not None)
def t(x):
    print('eval', x)
    return x
print(t(0) and t(1))
print(t(1) or t(2))
print(t(0) or t(0) or t(3))
print(t(1) and t(2) and t(0) and t(4))
print(not 1 == 2, not (1 == 2))
print(True and not False or False)
print(1 or 0 and 0)
print((1 or 0) and 0)
x = None
print(x is None or x.foo)

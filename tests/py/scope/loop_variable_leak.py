for i in range(3):
    pass
print(i)
for j in []:
    pass
try:
    print(j)
except NameError as e:
    print('NameError', e)
funcs = []
for k in range(3):
    funcs.append(lambda: k)
print([f() for f in funcs])
funcs = [lambda k=k: k for k in range(3)]
print([f() for f in funcs])
try:
    raise ValueError('x')
except ValueError as err:
    pass
try:
    print(err)
except NameError as e:
    print('NameError', e)

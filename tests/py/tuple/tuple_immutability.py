t = (1, [2, 3], {'k': 4})
try:
    t[0] = 10
except TypeError as e:
    print('TypeError', e)
try:
    del t[0]
except TypeError as e:
    print('TypeError', e)
try:
    t.append(5)
except AttributeError as e:
    print('AttributeError', e)
t[1].append(99)
t[2]['k'] = 'changed'
print(t)
u = t
t += (5,)
print(t is u, u)
try:
    hash(t)
except TypeError as e:
    print('TypeError', e)

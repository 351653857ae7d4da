d = {}
for k in ['zebra', 'apple', 'mango', 'banana']:
    d[k] = len(k)
print(d, list(d))
d['apple'] = 0
print(list(d))
del d['zebra']
d['zebra'] = 9
print(list(d))
d.pop('mango')
d['mango'] = 1
print(d)
print({3: 'c', 1: 'a', 2: 'b'})
e = dict.fromkeys([5, 3, 9, 1])
print(list(e), list(reversed(e)), list(reversed(e.items())))

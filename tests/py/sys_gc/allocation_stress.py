import gc
total = 0
for i in range(20000):
    s = str(i) * 3
    l = [i, s, (i, s)]
    d = {'k': l}
    total += len(d['k'][1])
print(total)
gc.collect()
strings = []
for i in range(2000):
    strings.append('x' * (i % 50))
print(sum(len(s) for s in strings))
del strings
gc.collect()
print('ok')

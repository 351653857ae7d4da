d = dict.fromkeys('abcde', 0)
print(d.pop('c'), d)
print(d.popitem(), d.popitem(), d)
d['z'] = 26
print(d.popitem(), d)
print(d.pop('missing', None), d.pop('a', 'x'))
try:
    d.pop('missing')
except KeyError as e:
    print('KeyError', e)
while d:
    print('drain', d.popitem())
try:
    d.popitem()
except KeyError as e:
    print('KeyError', e)

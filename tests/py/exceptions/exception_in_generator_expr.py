def parse_all(items):
    return [int(x) for x in items]
try:
    parse_all(['1', '2', 'three'])
except ValueError as e:
    print('ValueError', e)
g = (10 // x for x in [5, 2, 0, 1])
out = []
try:
    for v in g:
        out.append(v)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e, out)
print(list(g))
def safe(items):
    for x in items:
        try:
            yield int(x)
        except ValueError:
            yield None
print(list(safe(['1', 'x', '3'])))

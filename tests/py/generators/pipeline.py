lines = ['# comment', 'alpha 1', '', 'beta 22', 'gamma 333', '# another', 'delta 4']
def non_blank(ls):
    for l in ls:
        if l.strip():
            yield l
def no_comments(ls):
    for l in ls:
        if not l.startswith('#'):
            yield l
def parse(ls):
    for l in ls:
        name, num = l.split()
        yield name, int(num)
def big(pairs, threshold):
    for name, n in pairs:
        if n > threshold:
            yield name
stages = big(parse(no_comments(non_blank(lines))), 3)
print(list(stages))
def trace(name, it):
    for x in it:
        print(f'{name}: {x}')
        yield x
print(list(trace('double', (x * 2 for x in trace('src', range(3))))))

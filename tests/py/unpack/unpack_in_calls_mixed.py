def show(*args, **kwargs):
    return f'{args} {sorted(kwargs.items())}'
base = [1, 2]
extra = {'x': 1}
print(show(*base, 3, *base))
print(show(0, *base, key='v', **extra))
print(show(*range(3), **{'a': 1}, b=2, **{'c': 3}))
print(show(*(), **{}))
print(show(*[[]], *[()]))
print(max(*[3, 1, 2]), min(*'hello'), list(zip(*[[1, 2], [3, 4]])))
print('{} {}'.format(*['a', 'b']), '{x}'.format(**{'x': 'X'}))

name = 'world'
n = 42
print(f'hello {name}')
print(f'{n} {n+1} {n*2}')
print(f'{name!r} {name!s} {name!a}')
print(f'{"café"!a}')
print(f'{{}} {{literal}} {{{n}}}')
print(f'')
print(f'{n}')
print(f'{n}{n}')
print(f'a{1}b{2}c')
print(f'{None} {True} {1.5} {[1, 2]} {(1,)} {{1: 2}}')
print(f'{ {1: 2} }')
print(f'{3.0!r} {"x"!r:>5}')

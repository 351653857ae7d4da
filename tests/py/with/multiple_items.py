class CM:
    def __init__(self, n): self.n = n
    def __enter__(self):
        print('enter', self.n)
        return self.n
    def __exit__(self, *a):
        print('exit', self.n)
with CM(1) as a, CM(2) as b, CM(3):
    print('body', a, b)
with (CM('x') as x,
      CM('y') as y):
    print('parenthesized', x, y)
with CM('outer'):
    with CM('inner'):
        print('nested')

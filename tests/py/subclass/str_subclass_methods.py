class Path(str):
    def __truediv__(self, other):
        return Path(self.rstrip('/') + '/' + other.lstrip('/'))
    @property
    def name(self):
        return self.rsplit('/', 1)[-1]
    @property
    def parent(self):
        return Path(self.rsplit('/', 1)[0] or '/')
p = Path('/usr') / 'local' / '/bin/'
print(p, type(p).__name__, p.name, p.parent, p.parent.parent)
print(p.upper(), type(p.upper()).__name__, p.startswith('/usr'), len(p))
print(p == '/usr/local/bin/', isinstance(p, str), sorted([Path('b'), Path('a')]))

class ignoring:
    def __init__(self, *excs):
        self.excs = excs
        self.caught = None
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.excs):
            self.caught = ev
            return True
        return None
with ignoring(KeyError) as ig:
    {}['missing']
print('caught', repr(ig.caught))
with ignoring(ValueError, TypeError) as ig:
    int('nope')
print('caught', type(ig.caught).__name__)
with ignoring(ValueError) as ig:
    pass
print('caught', ig.caught)
try:
    with ignoring(KeyError):
        [][0]
except IndexError as e:
    print('escaped', repr(e))
results = []
for v in ['1', 'x', '3']:
    with ignoring(ValueError):
        results.append(int(v))
print(results)

class OnlyRepr:
    def __repr__(self): return 'OnlyRepr()'
class OnlyStr:
    def __str__(self): return 'only-str'
class Both:
    def __repr__(self): return 'Both-repr'
    def __str__(self): return 'Both-str'
for obj in [OnlyRepr(), Both()]:
    print(str(obj), repr(obj), f'{obj}', f'{obj!r}', '%s %r' % (obj, obj), [obj], (obj,), {obj: 1} if False else '')
o = OnlyStr()
print(str(o), f'{o}', '%s' % o, repr(o).startswith('<__main__.OnlyStr'))
class Sub(Both):
    def __str__(self): return 'Sub-str'
print(str(Sub()), repr(Sub()))

class WithBool:
    def __init__(self, b): self.b = b
    def __bool__(self):
        print('__bool__ called')
        return self.b
class WithLen:
    def __init__(self, n): self.n = n
    def __len__(self):
        print('__len__ called')
        return self.n
class Both:
    def __bool__(self): return False
    def __len__(self): return 5
class Neither: pass
print(bool(WithBool(True)), bool(WithBool(False)))
print(bool(WithLen(0)), bool(WithLen(3)), len(WithLen(4)))
print(bool(Both()), len(Both()), bool(Neither()))
if WithLen(0):
    print('no')
else:
    print('empty is falsy')
print(not WithBool(False), WithBool(True) and 'and-result')
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print('TypeError', e)
class NegLen:
    def __len__(self): return -1
try:
    len(NegLen())
except ValueError as e:
    print('ValueError', e)
try:
    len(Neither())
except TypeError as e:
    print('TypeError', e)

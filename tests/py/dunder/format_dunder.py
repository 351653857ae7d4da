class Money:
    def __init__(self, v): self.v = v
    def __format__(self, spec):
        if spec == 'cents':
            return f'{int(self.v * 100)}c'
        return f'${self.v:{spec or ".2f"}}'
m = Money(12.5)
print(f'{m}', f'{m:cents}', f'{m:.1f}', format(m), '{:>8.3f}'.format(m) if False else format(m, '.3f'))
class NoFmt: pass
try:
    format(NoFmt(), 'x')
except TypeError as e:
    print('TypeError')
print(format(NoFmt(), '').startswith('<__main__.NoFmt'))

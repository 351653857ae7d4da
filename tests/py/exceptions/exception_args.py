for e in [Exception(), Exception('one'), Exception('a', 'b'), Exception(1), Exception(None), ValueError(''), KeyError('k'), KeyError(), KeyError('a', 'b'), KeyError(1)]:
    print(repr(e), '|', str(e), '|', e.args)
e = Exception('x')
e.args = ('changed', 2)
print(e, e.args)
try:
    raise IndexError('custom', 42)
except IndexError as err:
    print(err.args[1], err)
print(str(StopIteration(5)), StopIteration(5).value, StopIteration().value)
print(repr(SystemExit(3)), SystemExit(3).code, SystemExit().code)

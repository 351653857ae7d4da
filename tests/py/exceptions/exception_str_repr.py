excs = [ValueError(), ValueError('msg'), ValueError('a', 'b'), ValueError(42), KeyError('key'), KeyError(0),
        IndexError('idx'), TypeError('t'), ZeroDivisionError('division by zero'), AttributeError('attr'),
        StopIteration(), StopIteration(7), RuntimeError(None), Exception(''), Exception([1, 2])]
for e in excs:
    print(f'{type(e).__name__:<18}|{str(e)!r:<22}|{e!r}')

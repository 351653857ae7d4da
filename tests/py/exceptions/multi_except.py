def test(exc):
    try:
        raise exc
    except (ValueError, TypeError) as e:
        return f'VT {type(e).__name__} {e}'
    except KeyError as e:
        return f'K {e!r}'
    except (IndexError,) as e:
        return 'I ' + str(e)
    except Exception as e:
        return 'other ' + type(e).__name__
for exc in [ValueError('v'), TypeError('t'), KeyError('k'), IndexError('i'), ZeroDivisionError('z'), RuntimeError]:
    print(test(exc))
errors = (ValueError, KeyError)
try:
    {}['x']
except errors as e:
    print('tuple var', repr(e))
try:
    raise ValueError
except ValueError as e:
    print(repr(e), str(e) == '', e.args)

try:
    raise ValueError
except ValueError as e:
    print('class', repr(e))
try:
    raise ValueError('instance')
except ValueError as e:
    print('instance', repr(e))
def reraise():
    try:
        raise KeyError('orig')
    except KeyError:
        print('handling, then re-raise')
        raise
try:
    reraise()
except KeyError as e:
    print('re-raised', repr(e))
try:
    raise TypeError('a') from ValueError('b')
except TypeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
try:
    try:
        raise ValueError('first')
    except ValueError:
        raise RuntimeError('second')
except RuntimeError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        raise ValueError('first')
    except ValueError:
        raise RuntimeError('second') from None
except RuntimeError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    raise 5
except TypeError as e:
    print('TypeError', e)
try:
    raise
except RuntimeError as e:
    print('RuntimeError', e)
class NotExc: pass
try:
    raise NotExc()
except TypeError as e:
    print('TypeError', e)

def level3():
    raise ValueError('deep')
def level2():
    try:
        level3()
    except TypeError:
        print('never')
def level1():
    try:
        level2()
    except ValueError as e:
        print('level1 caught', e)
        return 'handled'
print(level1())
try:
    try:
        1 / 0
    except ZeroDivisionError:
        print('inner handler')
        raise ValueError('from handler')
    finally:
        print('inner finally')
except ValueError as e:
    print('outer', e, type(e.__context__).__name__)
def handler_raises():
    try:
        raise KeyError('a')
    except KeyError:
        try:
            raise IndexError('b')
        except IndexError as e:
            return repr(e.__context__)
print(handler_raises())

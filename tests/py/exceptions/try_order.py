def run(fail):
    log = []
    try:
        log.append('try')
        if fail:
            raise ValueError('boom')
        log.append('try-end')
    except ValueError as e:
        log.append('except ' + str(e))
    else:
        log.append('else')
    finally:
        log.append('finally')
    log.append('after')
    return log
print(run(False))
print(run(True))
def nested():
    try:
        try:
            raise KeyError('inner')
        finally:
            print('inner finally')
    except KeyError as e:
        print('outer caught', e)
    finally:
        print('outer finally')
nested()
try:
    try:
        raise TypeError('t')
    except ValueError:
        print('wrong handler')
except TypeError:
    print('propagated to outer')

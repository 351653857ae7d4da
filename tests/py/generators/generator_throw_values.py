def g():
    while True:
        try:
            v = yield
            print('received', v)
        except ValueError as e:
            print('handled ValueError', e)
        except KeyError:
            print('KeyError: leaving')
            return 'ended by KeyError'
gen = g()
next(gen)
gen.send(1)
gen.throw(ValueError('one'))
gen.send(2)
try:
    gen.throw(KeyError('k'))
except StopIteration as e:
    print('StopIteration value', e.value)
try:
    gen.throw(ValueError('after end'))
except ValueError as e:
    print('raised directly', e)

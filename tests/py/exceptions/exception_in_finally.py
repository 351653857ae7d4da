try:
    try:
        raise ValueError('original')
    finally:
        raise KeyError('from finally')
except Exception as e:
    print(repr(e), repr(e.__context__))
def gen_cleanup():
    try:
        yield 1
    finally:
        print('generator cleanup')
for v in gen_cleanup():
    print('got', v)
    break
print('after break')

def outer():
    print('outer start')
    inner()
def inner():
    raise NotImplementedError('inner not done')
outer()

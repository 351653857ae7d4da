print('pkg_a.helpers loaded')
def helper_func(x):
    return f'helped {x}'
SECRET = 42

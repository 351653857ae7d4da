def lazy():
    import pkg_b
    return pkg_b.public_one
print('before call')
print(lazy())
try:
    print(pkg_b)
except NameError as e:
    print('NameError', e)
def lazy_from():
    from pkg_b import public_two as p
    return p
print(lazy_from())

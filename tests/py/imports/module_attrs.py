import pkg_a.helpers as h
print(h.__name__, h.SECRET, hasattr(h, 'helper_func'))
print(sorted(k for k in dir(h) if not k.startswith('__')))
h.NEW = 'added at runtime'
import pkg_a.helpers
print(pkg_a.helpers.NEW)
print(type(h).__name__)
import _star_no_all
print(_star_no_all.__name__, getattr(_star_no_all, 'visible'), '_hidden' in vars(_star_no_all))

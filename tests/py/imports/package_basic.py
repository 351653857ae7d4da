import pkg_a
print(pkg_a.PKG_CONST, pkg_a.helper_func(1))
print(pkg_a.__name__, pkg_a.helpers.__name__)
import pkg_a.helpers
print(pkg_a.helpers.SECRET)

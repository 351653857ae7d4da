print('pkg_a init')
PKG_CONST = 'from pkg_a'
from .helpers import helper_func

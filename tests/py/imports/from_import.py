from pkg_a import helper_func, PKG_CONST
print(helper_func('x'), PKG_CONST)
from pkg_a.helpers import SECRET as S
print(S)
from pkg_a import helpers
print(helpers.SECRET)
try:
    from pkg_a import does_not_exist
except ImportError as e:
    print('ImportError', type(e).__name__)

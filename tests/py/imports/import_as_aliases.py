import pkg_c.alpha as a
import pkg_c.beta as b, pkg_c as c
from pkg_c import ALPHA as A, __version__ as V
print(a.ALPHA, b.BETA, c.ALPHA, A, V)
print(a is c.alpha, b is c.beta)
import math as m, sys as s
print(m.floor(2.5), s.maxsize > 0)

import pkg_c
print(pkg_c.ALPHA, pkg_c.__version__, pkg_c.beta.BETA)
from pkg_c import alpha, beta
print(alpha.whoami(), beta.whoami())
from pkg_c.beta import BETA
print(BETA)
print(sorted(k for k in vars(pkg_c) if not k.startswith('__')))

import pkg_a.sub.deep
print(pkg_a.sub.deep.info())
import pkg_a.sub.deep as d
print(d is pkg_a.sub.deep, d.__name__)
from pkg_a.sub import sibling
print(sibling.NAME, sibling.__name__)
from pkg_a.sub.deep import info as deep_info
print(deep_info())

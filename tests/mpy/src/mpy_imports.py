# Imports from a .mpy module: of another .mpy module and of the standard library.
import mpy_helper
from mpy_helper import twice, Thing as T
import mpy_helper as h2
from math import sqrt
import json

print(mpy_helper.VALUE, twice(4), T().v, h2 is mpy_helper, sqrt(16))
print(json.dumps({"a": [1, 2]}))


def lazy():
    import collections

    return collections.OrderedDict([(1, 2)])


print(list(lazy().items()))

from pkg_b import *
print(public_one, public_two)
try:
    print(not_exported)
except NameError as e:
    print('NameError', e)
from _star_no_all import *
print(visible, func())
try:
    print(_hidden)
except NameError as e:
    print('NameError', e)

import _counted
import _counted
import _counted as again
print(_counted is again)
print(_counted.bump(), again.bump())
import sys
print(sys.modules['_counted'] is _counted)
from _counted import bump
print(bump(), _counted.counter)

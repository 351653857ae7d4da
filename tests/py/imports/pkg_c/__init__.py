from .alpha import ALPHA
from . import beta
__version__ = '1.2.3'

from .. import PKG_CONST
from ..helpers import SECRET
from . import sibling
def info():
    return f'deep sees {PKG_CONST} and {SECRET} and {sibling.NAME}'

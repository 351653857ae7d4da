"""Module docstring."""
def f():
    """Function docstring.

    With more lines.
    """
class C:
    '''Class docstring.'''
    def m(self):
        "Method docstring."
print(__doc__)
print(f.__doc__)
print(C.__doc__, C.m.__doc__)
def g():
    x = 1
    """Not a docstring."""
print(g.__doc__)
def h():
    f"""f-string is not a docstring"""
print(h.__doc__)

import _circular_b
A_VALUE = 'a'
def use_b():
    return _circular_b.B_VALUE

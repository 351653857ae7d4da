# local < int and friends: ints, floats, NaN, big ints, bools, and comparisons that
# return objects whose __bool__ raises.
# (superinstructions: their slow paths must behave exactly as the plain instructions)


def compares(x):
    r = []
    if x < 3:
        r.append("lt")
    if x <= 3:
        r.append("le")
    if x == 3:
        r.append("eq")
    if x != 3:
        r.append("ne")
    if x > 3:
        r.append("gt")
    if x >= 3:
        r.append("ge")
    b = x < 3
    r.append(b)
    return r


for x in [2, 3, 4, 2.5, 3.0, float("nan"), float("inf"), 2**70, -(2**70), True, False]:
    print(x, compares(x))
try:
    compares("3")
except TypeError as e:
    print("TypeError", e)


class Weird:
    def __bool__(self):
        raise ValueError("no truth")


class Cmp:
    def __lt__(self, o):
        return Weird()

    def __gt__(self, o):
        return "yes"


def use_cmp(c):
    if c > 5:
        print("gt taken")
    try:
        if c < 5:
            print("not reached")
    except ValueError as e:
        print("ValueError", e)
    return c < 5


print(type(use_cmp(Cmp())).__name__)

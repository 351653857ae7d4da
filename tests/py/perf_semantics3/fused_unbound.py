# UnboundLocalError of the first or second local of a fused pair or group.
# (superinstructions: their slow paths must behave exactly as the plain instructions)


def second_unbound(flag):
    a = 1
    if flag:
        b = 2
    return a + b


def first_unbound(flag):
    if flag:
        a = 1
    b = 2
    return a * b


def pair_unbound(flag):
    x = 5
    if flag:
        y = 6
    return [x, y]


def store_then_unbound(flag):
    if flag:
        z = 3
    w = 4
    return w, z


for f in (second_unbound, first_unbound, pair_unbound, store_then_unbound):
    print(f.__name__, f(True))
    try:
        f(False)
    except UnboundLocalError as e:
        print(f.__name__, "UnboundLocalError", e)

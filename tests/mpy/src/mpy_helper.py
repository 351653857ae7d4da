# A module imported by mpy_imports (also compiled to .mpy).
VALUE = 41


def twice(x):
    return 2 * x


class Thing:
    def __init__(self):
        self.v = VALUE + 1


print("helper loaded")

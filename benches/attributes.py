# Attribute access: reading and writing instance, class and __slots__-free attributes.
class Point:
    scale = 3

    def __init__(self, x, y):
        self.x = x
        self.y = y


def run(n):
    pts = [Point(i, -i) for i in range(100)]
    acc = 0
    for r in range(n):
        for p in pts:
            p.x = p.x + p.scale
            p.y = p.y - 1
            acc += p.x + p.y
        acc &= 0xFFFFFFF
    return acc


print("checksum", run(80000))

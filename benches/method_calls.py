# Method calls: instance methods, calls through self, a subclass override and super().
class Counter:
    def __init__(self):
        self.n = 0

    def inc(self):
        self.n += 1
        return self

    def add(self, k):
        self.n += k
        return self.n

    def value(self):
        return self.n


class Doubler(Counter):
    def add(self, k):
        return super().add(2 * k)


def run(rounds):
    c = Counter()
    d = Doubler()
    s = 0
    for i in range(rounds):
        c.inc()
        c.add(i & 7)
        d.add(1)
        s += c.value() - d.value()
    return s, c.value(), d.value()


print("result", run(2000000))

class Countdown:
    def __init__(self, start):
        self.cur = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur <= 0:
            raise StopIteration
        self.cur -= 1
        return self.cur + 1
print(list(Countdown(3)))
c = Countdown(2)
for x in c:
    print('x', x)
print(list(c))
class Repeatable:
    def __init__(self, n): self.n = n
    def __iter__(self):
        return iter(range(self.n))
r = Repeatable(3)
print(list(r), list(r), sum(r), sorted(r, reverse=True))
it = iter(Countdown(2))
print(next(it), next(it), next(it, 'exhausted'))
try:
    next(it)
except StopIteration:
    print('StopIteration')
class NotIter: pass
try:
    iter(NotIter())
except TypeError as e:
    print('TypeError', e)
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print('TypeError', e)
try:
    next([1, 2])
except TypeError as e:
    print('TypeError', e)

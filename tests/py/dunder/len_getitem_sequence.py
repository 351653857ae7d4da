class Squares:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError('index out of range')
        return i * i
s = Squares(6)
print(len(s), s[0], s[5], s[-1], s[1:4], s[::-2], list(s), 16 in s, 17 in s)
print(sorted(s, reverse=True), sum(s), list(reversed(s)), max(s))
try:
    s[6]
except IndexError as e:
    print('IndexError', e)
a, b, *rest = s
print(a, b, rest)
print(list(enumerate(Squares(3))), dict(zip('abc', Squares(3))))

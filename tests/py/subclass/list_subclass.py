class Stack(list):
    def push(self, x):
        self.append(x)
        return self
    def peek(self):
        return self[-1]
    def __repr__(self):
        return 'Stack(' + list.__repr__(self) + ')'
s = Stack([1, 2])
s.push(3).push(4)
print(s, s.peek(), len(s), s[1:], type(s[1:]).__name__, isinstance(s, list))
print(s + [5], type(s + [5]).__name__, s == [1, 2, 3, 4])
s.extra = 'attr'
print(s.extra, sorted(s, reverse=True))
class Sorted(list):
    def append(self, x):
        super().append(x)
        self.sort()
ss = Sorted()
for v in [3, 1, 2]:
    ss.append(v)
print(ss, list(ss))
class Typed(list):
    def __setitem__(self, i, v):
        if not isinstance(v, int):
            raise TypeError('ints only')
        super().__setitem__(i, v)
t = Typed([0, 0])
t[0] = 5
try:
    t[1] = 'x'
except TypeError as e:
    print('TypeError', e)
print(t)

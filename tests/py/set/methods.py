s = {3, 1, 2}
s.add(4); s.add(1); print(sorted(s))
s.discard(10); s.discard(4); print(sorted(s))
s.remove(3); print(sorted(s))
try:
    s.remove(99)
except KeyError as e:
    print('KeyError', e)
p = s.pop(); print(p in {1, 2}, len(s)); s.add(p)
s.update([5, 6], {7}, range(8, 10)); print(sorted(s))
c = s.copy(); c.clear(); print(sorted(s), c)
try:
    set().pop()
except KeyError as e:
    print('KeyError', e)
print(set(), set([1, 2, 2]), set('aab') == {'a', 'b'}, set(range(5)), set({1: 'x'}))
print(len({1, 1, 1}), 1 in {1}, {1, 2} == {2, 1}, {1} != {1, 2})
print({1, 2, 3})

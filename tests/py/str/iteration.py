for ch in 'héy':
    print(ch, ord(ch))
print(list(enumerate('ab')), list(zip('abc', 'xy')), list(reversed('abc')))
it = iter('xy')
print(next(it), next(it), next(it, 'done'))
print([c * 2 for c in 'abc'], {c for c in 'aabb'} == {'a', 'b'}, sorted(set('banana')))
print(sum(1 for c in 'mississippi' if c == 's'))

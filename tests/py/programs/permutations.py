def permutations(seq):
    if len(seq) <= 1:
        return [list(seq)]
    out = []
    for i, x in enumerate(seq):
        for p in permutations(seq[:i] + seq[i + 1:]):
            out.append([x] + p)
    return out
print(permutations([1, 2, 3]))
print(len(permutations(list(range(6)))))
def combinations(seq, k):
    if k == 0:
        yield ()
        return
    for i in range(len(seq)):
        for rest in combinations(seq[i + 1:], k - 1):
            yield (seq[i],) + rest
print(list(combinations('abcd', 2)))
print(len(list(combinations(range(10), 4))))
def next_permutation(a):
    i = len(a) - 2
    while i >= 0 and a[i] >= a[i + 1]:
        i -= 1
    if i < 0:
        return False
    j = len(a) - 1
    while a[j] <= a[i]:
        j -= 1
    a[i], a[j] = a[j], a[i]
    a[i + 1:] = reversed(a[i + 1:])
    return True
a = list('aabc')
perms = [''.join(a)]
while next_permutation(a):
    perms.append(''.join(a))
print(perms, len(perms))
def subsets(s):
    return [[s[j] for j in range(len(s)) if i >> j & 1] for i in range(1 << len(s))]
print(subsets(['x', 'y', 'z']))

seq = ['a', 'b', 'c', 'd']
print(list(enumerate(reversed(seq))))
print(list(reversed(list(enumerate(seq)))))
print([(i, x) for i, x in enumerate(seq) if i % 2])
print({x: i for i, x in enumerate(seq, 1)})
print(list(zip(range(len(seq) - 1, -1, -1), seq)))
for i, (a, b) in enumerate(zip(seq, seq[1:])):
    print(i, a + b)

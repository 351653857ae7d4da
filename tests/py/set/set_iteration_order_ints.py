s = {5, 3, 1, 4, 2}
print(s)
print(sorted(s), list(sorted(s, reverse=True)), min(s), max(s), sum(s), len(s))
s.add(0)
print(sorted(s))
for x in sorted(s):
    print(x, end=' ')
print()
print({1, 2, 3} | {3, 4}, {1, 2, 3} & {2, 3, 4}, {1, 2, 3} - {2}, {1, 2} ^ {2, 3})

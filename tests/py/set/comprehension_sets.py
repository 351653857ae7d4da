print(sorted({x % 5 for x in range(20)}), {x * 0 for x in range(3)})
words = ['apple', 'Avocado', 'banana', 'Blueberry']
print(sorted({w[0].lower() for w in words}))
print(sorted({(a, b) for a in range(3) for b in range(3) if a < b}))
s = set()
for i in range(10):
    s.add(i * i % 7)
print(sorted(s), len(s), min(s), max(s), sum(s))
print({1, 2, 3} - {2}, {True, 1, 1.0}, {0, False, 0.0})

matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([[x * 2 for x in row] for row in matrix])
print([x for row in matrix for x in row if x % 2])
print([[(r, c) for c in range(2)] for r in range(2)])
print({r: {c: r * c for c in range(3)} for r in range(2)})
triples = [(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c]
print(triples)
print([[i * j for j in range(1, 4)] for i in range(1, 4)])

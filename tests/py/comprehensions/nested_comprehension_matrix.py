m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([[row[i] for row in m] for i in range(len(m[0]))])
print([[m[i][j] * 2 if i == j else 0 for j in range(3)] for i in range(3)])
print([m[i][j] for i in range(3) for j in range(3) if i + j == 2])
print([[sum(a * b for a, b in zip(r, c)) for c in zip(*m)] for r in m])
print({(i, j): v for i, row in enumerate(m) for j, v in enumerate(row) if v % 4 == 0})

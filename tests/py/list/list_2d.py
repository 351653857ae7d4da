rows, cols = 3, 4
grid = [[r * cols + c for c in range(cols)] for r in range(rows)]
for row in grid:
    print(row)
print([grid[r][c] for c in range(cols) for r in range(rows)][:5])
print([sum(r) for r in grid], [sum(c) for c in zip(*grid)])
grid[1][1:3] = ['x', 'y']
print(grid[1])
diag = [grid[i][i] for i in range(min(rows, cols))]
print(diag)
rot = [list(r) for r in zip(*grid[::-1])]
for r in rot:
    print(r)

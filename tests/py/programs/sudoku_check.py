GRID = [
    [5, 3, 4, 6, 7, 8, 9, 1, 2],
    [6, 7, 2, 1, 9, 5, 3, 4, 8],
    [1, 9, 8, 3, 4, 2, 5, 6, 7],
    [8, 5, 9, 7, 6, 1, 4, 2, 3],
    [4, 2, 6, 8, 5, 3, 7, 9, 1],
    [7, 1, 3, 9, 2, 4, 8, 5, 6],
    [9, 6, 1, 5, 3, 7, 2, 8, 4],
    [2, 8, 7, 4, 1, 9, 6, 3, 5],
    [3, 4, 5, 2, 8, 6, 1, 7, 9],
]
def problems(g):
    errs = []
    full = set(range(1, 10))
    for i in range(9):
        if set(g[i]) != full:
            errs.append(f'row {i}')
        if {g[r][i] for r in range(9)} != full:
            errs.append(f'col {i}')
    for br in range(3):
        for bc in range(3):
            box = {g[br * 3 + r][bc * 3 + c] for r in range(3) for c in range(3)}
            if box != full:
                errs.append(f'box {br},{bc}')
    return errs
print(problems(GRID))
bad = [row[:] for row in GRID]
bad[4][4], bad[4][5] = bad[4][5], bad[4][4]
print(problems(bad))
def solve(g):
    for r in range(9):
        for c in range(9):
            if g[r][c] == 0:
                for v in range(1, 10):
                    if (v not in g[r] and all(g[i][c] != v for i in range(9)) and
                            all(g[r // 3 * 3 + i][c // 3 * 3 + j] != v for i in range(3) for j in range(3))):
                        g[r][c] = v
                        if solve(g):
                            return True
                        g[r][c] = 0
                return False
    return True
puzzle = [row[:] for row in GRID]
for r, c in [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 6), (7, 7), (8, 8), (0, 8), (8, 0), (4, 0), (0, 4)]:
    puzzle[r][c] = 0
print(sum(v == 0 for row in puzzle for v in row), solve(puzzle), puzzle == GRID)

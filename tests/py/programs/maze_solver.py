MAZE = """
##########
#S   #   #
# ## # # #
# #    # #
# # #### #
#   #  #E#
### # ## #
#       # #
##########
""".strip().splitlines()
def find(ch):
    for r, row in enumerate(MAZE):
        c = row.find(ch)
        if c >= 0:
            return r, c
start, end = find('S'), find('E')
def solve():
    frontier = [start]
    came = {start: None}
    while frontier:
        cur = frontier.pop(0)
        if cur == end:
            break
        r, c = cur
        for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
            if MAZE[nr][nc] != '#' and (nr, nc) not in came:
                came[(nr, nc)] = cur
                frontier.append((nr, nc))
    path = []
    node = end
    while node:
        path.append(node)
        node = came.get(node)
    return path[::-1] if path[-1] == start else None
path = solve()
print('steps:', len(path) - 1)
grid = [list(row) for row in MAZE]
for r, c in path[1:-1]:
    grid[r][c] = '.'
print('\n'.join(''.join(row) for row in grid))
print(start, end)

def step(live):
    counts = {}
    for (r, c) in live:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    counts[(r + dr, c + dc)] = counts.get((r + dr, c + dc), 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}
def render(live, rows, cols):
    return '\n'.join(''.join('#' if (r, c) in live else '.' for c in range(cols)) for r in range(rows))
glider = {(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)}
g = glider
for gen in range(5):
    print('gen', gen)
    print(render(g, 6, 6))
    g = step(g)
blinker = {(1, 0), (1, 1), (1, 2)}
print(sorted(step(blinker)), step(step(blinker)) == blinker)
block = {(0, 0), (0, 1), (1, 0), (1, 1)}
print(step(block) == block)
g = glider
for _ in range(4):
    g = step(g)
print(sorted(g) == sorted((r + 1, c + 1) for r, c in glider))

def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((n, src, dst))
    hanoi(n - 1, via, dst, src, moves)
moves = []
hanoi(3, 'A', 'C', 'B', moves)
for disk, s, d in moves:
    print(f'move disk {disk} from {s} to {d}')
for n in range(1, 11):
    m = []
    hanoi(n, 'A', 'C', 'B', m)
    print(n, len(m), len(m) == 2 ** n - 1)
pegs = {'A': [4, 3, 2, 1], 'B': [], 'C': []}
m = []
hanoi(4, 'A', 'C', 'B', m)
for disk, s, d in m:
    top = pegs[s].pop()
    assert top == disk
    assert not pegs[d] or pegs[d][-1] > disk
    pegs[d].append(top)
print(pegs)

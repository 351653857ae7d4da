students = [
    ('alice', {'math': 92, 'physics': 88, 'art': 75}),
    ('bob', {'math': 67, 'physics': 72, 'art': 95}),
    ('carol', {'math': 85, 'physics': 91, 'art': 82}),
    ('dave', {'math': 55, 'physics': 48, 'art': 60}),
    ('erin', {'math': 92, 'physics': 79, 'art': 88}),
]
def letter(score):
    for cutoff, g in ((90, 'A'), (80, 'B'), (70, 'C'), (60, 'D')):
        if score >= cutoff:
            return g
    return 'F'
subjects = sorted({s for _, grades in students for s in grades})
print('name   ' + ''.join(f'{s:>9}' for s in subjects) + '      avg')
ranked = []
for name, grades in students:
    avg = sum(grades.values()) / len(grades)
    ranked.append((avg, name))
    cells = ''.join(f'{grades[s]:>6} {letter(grades[s]):<2}' for s in subjects)
    print(f'{name:<7}{cells}{avg:>9.2f}')
ranked.sort(key=lambda t: (-t[0], t[1]))
for pos, (avg, name) in enumerate(ranked, 1):
    print(pos, name, round(avg, 1), letter(avg))
for s in subjects:
    scores = [g[s] for _, g in students]
    best = [n for n, g in students if g[s] == max(scores)]
    print(s, 'best:', best, 'mean:', sum(scores) / len(scores))
dist = {}
for _, g in students:
    for v in g.values():
        dist[letter(v)] = dist.get(letter(v), 0) + 1
print(sorted(dist.items()))

data = [('alice', (30, ['py', 'rs'])), ('bob', (25, ['go']))]
for name, (age, [first_lang, *other]) in data:
    print(name, age, first_lang, other)
((a, b), (c, d)) = [[1, 2], [3, 4]]
print(a, b, c, d)
[(x, y)] = [(5, 6)]
print(x, y)
p, (q, (r, s)), t = 1, (2, (3, 4)), 5
print(p, q, r, s, t)
m = {}
m['k'], (m['j'], m['l']) = 'K', 'JL'
print(m)

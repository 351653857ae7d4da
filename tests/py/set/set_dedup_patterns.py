items = [3, 1, 3, 2, 1, 5, 2]
seen = set()
ordered = []
for x in items:
    if x not in seen:
        seen.add(x)
        ordered.append(x)
print(ordered, list(dict.fromkeys(items)))
words = 'the cat and the hat and the bat'.split()
print(len(words), len(set(words)), sorted(set(words)))
a = set('hello world')
b = set('lower case')
print(sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted({w for w in words if len(w) == 3} - {'the'}))

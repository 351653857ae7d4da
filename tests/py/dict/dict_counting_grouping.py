text = 'one two three two three three four four four four'
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
by_count = {}
for w, c in counts.items():
    by_count.setdefault(c, []).append(w)
print(dict(sorted(by_count.items())))
first_pos = {}
for i, w in enumerate(text.split()):
    first_pos.setdefault(w, i)
print(first_pos)
inverse = {}
for k, v in {'a': 1, 'b': 2, 'c': 1}.items():
    inverse.setdefault(v, set()).add(k)
print({k: sorted(v) for k, v in inverse.items()})

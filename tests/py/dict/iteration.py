d = {'one': 1, 'two': 2, 'three': 3}
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, '->', v)
print([k for k in d if d[k] > 1], sum(d.values()), max(d), max(d, key=d.get), min(d.items(), key=lambda kv: kv[1]))
inv = {v: k for k, v in d.items()}
print(inv)
counts = {}
for ch in 'mississippi':
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
groups = {}
for w in ['apple', 'avocado', 'banana', 'blueberry', 'cherry']:
    groups.setdefault(w[0], []).append(w)
print(groups)

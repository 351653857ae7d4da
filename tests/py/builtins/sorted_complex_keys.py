records = [{'name': 'bob', 'age': 25, 'score': 88.5}, {'name': 'alice', 'age': 30, 'score': 92.0},
           {'name': 'carol', 'age': 25, 'score': 92.0}, {'name': 'dave', 'age': 35, 'score': 70.25}]
print([r['name'] for r in sorted(records, key=lambda r: r['age'])])
print([r['name'] for r in sorted(records, key=lambda r: (-r['score'], r['name']))])
print([r['name'] for r in sorted(records, key=lambda r: (r['age'], -r['score']), reverse=True)])
print(sorted(['10', '9', '100', '1'], key=int), sorted(['10', '9', '100', '1']))
print(sorted('The quick Brown fox'.split(), key=lambda w: (w.lower(), w)))
print(sorted([(1, 'b'), (1, 'a'), (0, 'z')], key=lambda t: t[0]))
print(sorted(range(10), key=lambda x: (x % 3, -x)))

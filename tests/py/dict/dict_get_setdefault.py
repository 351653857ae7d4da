d = {}
print(d.get('a'), d.get('a', 0), d.setdefault('a', []), d)
d.setdefault('a', []).append(1)
d.setdefault('a', []).append(2)
print(d)
print(d.setdefault('b'), d)
inventory = {'apples': 3}
for item in ['apples', 'pears', 'apples']:
    inventory[item] = inventory.get(item, 0) + 1
print(inventory)
nested = {}
for path in ['a/b/c', 'a/b/d', 'a/e', 'f']:
    node = nested
    for part in path.split('/'):
        node = node.setdefault(part, {})
print(nested)

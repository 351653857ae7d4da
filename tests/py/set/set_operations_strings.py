a = set('programming')
b = set('language')
print(sorted(a), sorted(b))
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(len(a), len(b), 'g' in a & b, sorted(a.union('xyz')))
vowels = set('aeiou')
for word in ['sky', 'banana', 'queue', 'rhythm']:
    print(word, sorted(set(word) & vowels), bool(set(word) & vowels))

s = ''
for i in range(5):
    s += str(i)
print(s)
parts = []
for ch in 'hello':
    parts.append(ch.upper())
print(''.join(parts), list('abc'), [*'xyz'])
vowels = sum(1 for c in 'Programming Language' if c.lower() in 'aeiou')
print(vowels)
print({c: 'mississippi'.count(c) for c in sorted(set('mississippi'))})
print(''.join(sorted('hello world')), ''.join(reversed('stressed')))
acc = ''
for word in ['a', 'bb', 'ccc']:
    acc = acc + word + '|'
print(acc)

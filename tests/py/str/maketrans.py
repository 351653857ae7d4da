t = str.maketrans('abc', 'xyz')
print('aabbcc'.translate(t))
print(sorted(t.items()))
t2 = str.maketrans('ab', 'AB', 'c')
print('abcabc'.translate(t2))
t3 = str.maketrans({'a': '1', 'b': None, 'c': 'three'})
print('abcd'.translate(t3))
print('hello'.translate({ord('l'): 'L'}), 'hello'.translate({108: None}))
try:
    str.maketrans('ab', 'x')
except ValueError as e:
    print('ValueError', e)

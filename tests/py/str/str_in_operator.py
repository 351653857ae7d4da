s = 'the quick brown fox'
for sub in ['quick', 'Quick', 'q', '', ' ', 'fox ', 'the quick brown fox', 'the quick brown fox!']:
    print(repr(sub), sub in s, sub not in s)
print(any(w in s for w in ['cat', 'dog', 'fox']), all(c in 'aeiou' for c in 'aei'))
try:
    1 in 'abc'
except TypeError as e:
    print('TypeError', e)

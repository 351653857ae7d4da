words = ['listen', 'silent', 'enlist', 'google', 'gooegl', 'cat', 'act', 'tac', 'dog', 'god', 'odg', 'bird',
         'inlets', 'banana', 'Tinsel']
groups = {}
for w in words:
    key = ''.join(sorted(w.lower()))
    groups.setdefault(key, []).append(w)
for key in sorted(groups, key=lambda k: (-len(groups[k]), k)):
    print(key, sorted(groups[key]))
def is_palindrome(s):
    cleaned = [c.lower() for c in s if c.isalnum()]
    return cleaned == cleaned[::-1]
for s in ['A man, a plan, a canal: Panama', 'racecar', 'hello', '', 'No lemon, no melon', 'Was it a car or a cat I saw?']:
    print(repr(s), is_palindrome(s))
def longest_palindrome(s):
    best = ''
    for center in range(2 * len(s) - 1):
        l, r = center // 2, center // 2 + center % 2
        while l >= 0 and r < len(s) and s[l] == s[r]:
            l -= 1
            r += 1
        if r - l - 1 > len(best):
            best = s[l + 1:r]
    return best
print([longest_palindrome(s) for s in ['babad', 'cbbd', 'forgeeksskeegfor', 'a', 'abacdfgdcaba']])

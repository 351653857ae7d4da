s = 'Hello, World!'
print(s[:5], s[7:12], s[-6:-1], s[::3], s[1::2], s[::-1][:5])
print(s[0:0], s[5:2], s[-1:-5], s[-1:-5:-1], s[100:200], s[-100:3])
words = s.split(', ')
print(words, [w[::-1] for w in words], [w[0] for w in words])
print(s[:len(s) // 2], s[len(s) // 2:])
def rotate(t, n):
    n %= len(t)
    return t[n:] + t[:n]
print(rotate('abcdef', 2), rotate('abcdef', -1), rotate('abcdef', 8))
print('abcdefgh'[1:7:2], 'abcdefgh'[7:1:-2], 'abcdefgh'[::-3])

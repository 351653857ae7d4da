a = [3, 1, 4, 1, 5, 9, 2, 6]
b = a
a.sort()
print(a, b is a)
a.reverse()
print(a)
a.sort(key=lambda x: x % 3)
print(a)
a.sort(key=lambda x: (x % 3, -x))
print(a)
words = ['bb', 'a', 'ccc', 'dd']
words.sort(key=len, reverse=True)
print(words)
r = list(reversed(words))
print(r, words)
print(a[::-1] == list(reversed(a)))

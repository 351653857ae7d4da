words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', 'éclair', 'zebra', 'Zebra', '123', '']
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, reverse=True)[:3])
print(min(words), max(words), 'apple' < 'apples' < 'applf')
print([w for w in words if 'a' <= w[:1] <= 'c'])
print('a' * 3 < 'a' * 4, 'b' > 'a' * 100, 'Z' < 'a', '9' < 'A')

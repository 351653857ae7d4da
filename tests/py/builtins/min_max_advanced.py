words = ['pear', 'fig', 'banana', 'kiwi', 'apple']
print(max(words), min(words), max(words, key=len), min(words, key=len))
print(max(words, key=lambda w: (len(w), w)), min(words, key=lambda w: w[-1]))
print(max(3, 1, 2), min([4, 2, 8]), max('hello'), min((5, 'e'), (5, 'a')))
print(max([], default=None), min((), default='empty'), max([1], default=99))
print(max({'a': 3, 'b': 7, 'c': 5}, key={'a': 3, 'b': 7, 'c': 5}.get))
print(max(range(-5, 5), key=abs), min(range(-5, 5), key=abs))
print(max([1, 2, 3], key=lambda x: 0), min([1, 2, 3], key=lambda x: 0))
print(max(1.5, 2, True), min(-0.0, 0), max(0, -0.0))

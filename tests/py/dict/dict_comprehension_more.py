words = ['apple', 'banana', 'cherry', 'avocado', 'blueberry']
print({w[0]: w for w in words})
print({w: len(w) for w in words if 'e' in w})
print({k: v for k, v in sorted({'b': 2, 'a': 1}.items())})
print({i: {j: i * j for j in range(1, 3)} for i in range(1, 3)})
print({v: k for k, v in enumerate('abc')})
print(dict(zip(range(3), 'xyz')), {x: x ** 2 for x in range(-2, 3)})
squares = {n: n * n for n in range(6)}
print({k: v for k, v in squares.items() if v % 2 == 0})

import random

# Only properties are printed: the generator is not CPython's, so sequences differ.
random.seed(1)
a = [random.random() for _ in range(5)]
random.seed(1)
b = [random.random() for _ in range(5)]
print(a == b, all(0.0 <= x < 1.0 for x in a))
print(all(0 <= random.getrandbits(8) < 256 for _ in range(200)), random.getrandbits(0))
print(all(0 <= random.getrandbits(100) < 2**100 for _ in range(50)))
print(all(random.getrandbits(32) < 2**32 for _ in range(50)), any(random.getrandbits(100) >= 2**64 for _ in range(50)))
print(all(1 <= random.randint(1, 6) <= 6 for _ in range(500)), sorted(set(random.randint(1, 6) for _ in range(500))))
print(sorted(set(random.randrange(10) for _ in range(500))))
print(sorted(set(random.randrange(5, 15, 5) for _ in range(200))), sorted(set(random.randrange(10, 0, -3) for _ in range(200))))
print(all(-2.0 <= random.uniform(-2, 3) <= 3.0 for _ in range(200)))
print(random.choice('x'), random.choice([7]), random.choice('abc') in 'abc')
x = list(range(20))
random.shuffle(x)
print(sorted(x) == list(range(20)), len(x))
print(sorted(random.sample(range(10), 10)), len(random.sample('abcdef', 3)), len(set(random.sample(range(100), 50))))
print(sorted(random.sample(['a', 'b'], 4, counts=[2, 2])))
print(random.randrange(2**80, 2**80 + 1) == 2**80, 0 <= random.randrange(2**70) < 2**70)
random.seed()
random.seed(2**100)
random.seed('text')

def err(f, *a, **k):
    try:
        print('ok', f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)

err(random.randrange, 0)
err(random.randrange, 5, 2)
err(random.randrange, 1, 10, 0)
err(random.randrange, 1, 2, -1)
err(random.randrange, 1.5)
err(random.randint, 5, 1)
err(random.choice, [])
err(random.sample, range(3), 5)
err(random.sample, {1, 2}, 1)
err(random.getrandbits, -1)

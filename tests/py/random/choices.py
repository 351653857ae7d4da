# random.choices and random.Random: deterministic properties only (the generator differs).
import random

pop = ['a', 'b', 'c', 'd']
r = random.choices(pop, k=20)
print(len(r), all(x in pop for x in r))
r = random.choices(pop, weights=[0, 0, 1, 0], k=5)
print(r)
r = random.choices(pop, cum_weights=[0, 0, 0, 2], k=3)
print(r)
print(len(random.choices(range(10))), random.choices([], k=0))
for kw in [dict(weights=[1, 2]), dict(weights=[1, 1, 1, 1], cum_weights=[1, 2, 3, 4]),
           dict(weights=[0, 0, 0, 0]), dict(weights=[1, 1, 1, float('inf')])]:
    try:
        random.choices(pop, **kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    random.choices(pop, 3)
except TypeError as e:
    print(e)

g = random.Random(42)
h = random.Random(42)
print([g.random() for _ in range(5)] == [h.random() for _ in range(5)])
print(g.randint(1, 6) in range(1, 7), g.randrange(10) < 10, g.choice(pop) in pop)
x = list(range(10))
g.shuffle(x)
print(sorted(x) == list(range(10)), sorted(g.sample(pop, 4)) == pop)
g.seed(5)
h.seed(5)
print(g.getrandbits(40) == h.getrandbits(40), 0.0 <= g.uniform(0, 1) <= 1.0)
print(len(g.choices(pop, k=7)), isinstance(g, random.Random))

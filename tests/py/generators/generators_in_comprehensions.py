def evens(n):
    for i in range(n):
        if i % 2 == 0:
            yield i
print([e * 10 for e in evens(10)])
print({e: e ** 2 for e in evens(7)})
print(sorted({e % 3 for e in evens(20)}))
print([list(evens(n)) for n in range(5)])
print([(a, b) for a in evens(4) for b in evens(a + 1)])
gen_of_gens = (evens(n) for n in range(1, 4))
print([sum(g) for g in gen_of_gens])

def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
for n in [0, 1, 5, 20, 21, 25, 50]:
    print(n, fact(n))
f100 = fact(100)
print(f100)
print(len(str(f100)), f100 % 1000003, f100 // fact(98))
print(fact(30) // fact(28), fact(30) == 30 * 29 * fact(28))

# Big integers: pidigits (the unbounded spigot), a factorial and a power modulo.
def pidigits(n):
    digits = []
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    while len(digits) < n:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = (
                q * k,
                (2 * q + r) * x,
                t * x,
                k + 1,
                (q * (7 * k + 2) + r * x) // (t * x),
                x + 2,
            )
    return "".join(str(d) for d in digits)


def factorial(n):
    f = 1
    for i in range(2, n + 1):
        f *= i
    return f


pi = pidigits(3500)
print(pi[:20], pi[-20:])
f = factorial(6000)
s = str(factorial(1200))
print(len(bin(f)) - 2, f % 1000000007, len(s), s[:20], sum(int(c) for c in s))
print(pow(3, 10000, 10**40 + 7), (f >> 1000) % 1000000007, ((2**4000 - 1) // (3**500)) % 10**30)

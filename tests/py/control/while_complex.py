def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(48, 18), gcd(17, 5), gcd(0, 7), gcd(2**40, 6**20))
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
print([isqrt(n) for n in [0, 1, 15, 16, 17, 10**20, 2**101]])
n, steps = 27, 0
peak = n
while n != 1:
    n = 3 * n + 1 if n % 2 else n // 2
    peak = max(peak, n)
    steps += 1
print(steps, peak)
i = 0
while True:
    i += 1
    if i * i > 200:
        break
else:
    print('unreachable')
print(i)

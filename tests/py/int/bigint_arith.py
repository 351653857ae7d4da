a = 2 ** 1000
print(a)
print(a - 1)
print(a + a == a * 2, a // 2 ** 999, a % 7, a >> 990)
b = -(3 ** 200)
print(b)
print(b // 7, b % 7, divmod(b, 7))
print(divmod(-b, -13), divmod(b, -13))
print(a * b)
print((a + 1) * (a - 1) == a * a - 1)
print(abs(b), -b > a, b < -a)
c = 12345678901234567890123456789
print(c * c)
print(c // 987654321, c % 987654321)
print(-c // 987654321, -c % 987654321)
print(c - c, c + (-c), c * 0, c ** 0)
print(10 ** 50 // 10 ** 25 == 10 ** 25)
x = 1
for i in range(70):
    x = x * 3 + 1
print(x)

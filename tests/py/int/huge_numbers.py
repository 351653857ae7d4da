x = 3 ** 1000
s = str(x)
print(len(s), s[:30], s[-30:])
print(int(s) == x, x % 10**9, x.bit_length())
y = x * x - 1
print((y + 1) == x * x, y % 1000007)
print(sum(int(d) for d in str(2**1000)))
print(len(str(2**4096)), str(-(7**500))[:25])
f = 1
for i in range(1, 201):
    f *= i
print(len(str(f)), str(f).rstrip('0')[-10:], len(str(f)) - len(str(f).rstrip('0')))
print(f // 10**370, f % 10**5, (f >> 1000) & 0xFFFF)

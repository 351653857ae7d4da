a = 2**100
b = 2**100 + 1
print(a < b, a == b - 1, a != b, -a > -b, max(a, b) == b, min(-a, -b) == -b)
print(sorted([b, a, -a, 0, -b]))
print(a == 2.0**100, b == 2.0**100, b > 2.0**100, a < float('inf'), -a > float('-inf'))
print(10**30 > 1e29, 10**30 < 1e31, 10**308 * 10 > 1.7e308)
print(a // 3 * 3 + a % 3 == a, (-a) // 3 * 3 + (-a) % 3 == -a)

a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
l = [1, 2, 3, 4]
l[0], l[-1] = l[-1], l[0]
print(l)
x = [10, 20]
i = 0
i, x[i] = 1, 99
print(i, x)
fib_a, fib_b = 0, 1
seq = []
for _ in range(10):
    seq.append(fib_a)
    fib_a, fib_b = fib_b, fib_a + fib_b
print(seq)

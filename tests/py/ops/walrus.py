if (n := 10) > 5:
    print('n is', n)
data = [1, 2, 3, 4, 5, 6]
print([y for x in data if (y := x * x) > 10])
print(y)
i = 0
while (i := i + 1) < 4:
    print('i', i)
print((a := 1) + (b := 2), a, b)
def f():
    if (r := 3):
        return r
print(f())
print([(z := k) for k in range(3)], z)
vals = iter([1, 2, 0, 3])
while (v := next(vals)):
    print('v', v)
print(total := 7)

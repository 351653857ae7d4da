# A comparison followed by a conditional jump is taken in one step; the outcome must be the
# same as comparing and then testing the bool, for ints, floats (NaN), mixed and chained forms.
nan = float("nan")
vals = [0, 1, -1, 2.5, -0.0, nan, 10**20, True]
out = []
for a in vals:
    for b in vals:
        r = []
        if a < b:
            r.append("lt")
        if not a <= b:
            r.append("nle")
        if a == b:
            r.append("eq")
        if a != b:
            r.append("ne")
        if a > b or a >= b:
            r.append("ge")
        if 0 <= a < 3:
            r.append("in")
        r.append(a < b < 100)
        out.append((a, b, r))
for o in out:
    print(o)
i = 0
while i < 5:
    i += 1
print(i)
while not i <= 0:
    i -= 2
print(i)
x = 3
y = x < 4
print(y, x > 4, [x < k for k in range(6)])
for k in [1, 2, 3]:
    for j in (4, 5):
        if k * j > 8:
            break
    else:
        print("no break", k)
lst = [1, 2, 3]
for v in lst:
    if v == 1:
        lst.append(4)
print(lst)
it = iter([1, 2])
print(list(it), list(it))
for v in range(10, 0, -3):
    print(v, end=" ")
print()
for v in range(2**62, 2**62 + 3):
    print(v)

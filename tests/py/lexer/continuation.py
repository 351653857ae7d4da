x = 1 + \
    2 + \
    3
print(x)
y = (1 +
     2 +
     3)
print(y)
z = [1,
     2,
     3,
]
print(z)
d = {'a': 1,
     'b': 2}
print(d)
def f(a,
      b,
      c=3):
    return a + b + c
print(f(1,
        2))
if x == 6 and \
   y == 6:
    print('both six')
s = 'abc' \
    'def'
print(s)
w = [i
     for i in range(3)
     if i]
print(w)

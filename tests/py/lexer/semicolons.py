a = 1; b = 2; c = a + b
print(a, b, c)
if a: print('inline if'); print('second')
for i in range(2): print(i); print(-i)
while a < 3: a += 1
print(a)
def f(): return 'one-liner'
print(f())
class K: x = 1; y = 2
print(K.x, K.y)
print(1);

class A:
    x = 'A.x'
    def who(self): return 'A.who'
class B(A):
    y = 'B.y'
class C(B):
    x = 'C.x'
c = C()
print(c.x, c.y, c.who(), C.x, B.x, A.x)
c.x = 'instance x'
print(c.x, C.x)
del c.x
print(c.x)
B.x = 'B.x added'
print(C.x, B().x, A().x)
del C.x
print(C.x, c.x)
print('x' in C.__dict__, 'x' in B.__dict__, hasattr(C, 'y'))

class A:
    def who(self): return 'A'
class B(A):
    def who(self): return 'B>' + super().who()
class C(A):
    def who(self): return 'C>' + super().who()
class D(B, C):
    def who(self): return 'D>' + super().who()
print(D().who())
print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in D.mro()])
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
print([k.__name__ for k in Z.__mro__], [k.__name__ for k in W.__mro__])
try:
    class Bad(Z, W): pass
except TypeError as e:
    print('TypeError')
class O: pass
class F(O): pass
class E(O): pass
class K1(F, E): pass
class K2(E, O): pass
class Top(K1, K2): pass
print([k.__name__ for k in Top.__mro__])
class Mixin:
    def greet(self): return 'hello from ' + self.name()
class Named:
    def name(self): return 'Named'
class Both(Mixin, Named): pass
print(Both().greet())

# cmath constants, isclose, argument conversion and error messages.
import cmath

print(cmath.e, cmath.pi, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(cmath.isclose(1, 1 + 1e-10), cmath.isclose(1, 1.1), cmath.isclose(1j, 1.05j, rel_tol=0.1))
print(cmath.isclose(0, 1e-10), cmath.isclose(0, 1e-10, abs_tol=1e-9))
print(cmath.isclose(complex('inf'), complex('inf')), cmath.isclose(complex('inf'), 1))
print(cmath.isclose(a=1, b=1), cmath.isclose(cmath.nan, cmath.nan))


class C:
    def __complex__(self):
        return 3 + 4j


class F:
    def __float__(self):
        return 2.5


class I:
    def __index__(self):
        return 9


class CS(complex):
    pass


print(cmath.sqrt(C()), cmath.sqrt(F()), cmath.sqrt(I()), cmath.sqrt(CS(-4)), cmath.polar(C()))
for expr in ["cmath.sqrt('x')", "cmath.sqrt()", "cmath.sqrt(1, 2)", "cmath.log()",
             "cmath.log(1, 2, 3)", "cmath.rect(1)", "cmath.isclose(1)", "cmath.isclose(1, 2, 3)",
             "cmath.isclose(1, 2, rel_tol=-1)", "cmath.sqrt(z=1)", "cmath.isclose(1, 2, foo=1)",
             "cmath.rect('a', 1)", "cmath.exp(1000)", "cmath.log(0)", "cmath.cosh(1000)",
             "cmath.polar(1e308 + 1e308j)", "cmath.atanh(1)", "cmath.phase(None)"]:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)

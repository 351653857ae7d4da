# cmath on infinities and NaNs: CPython's special-value tables and errors.
import cmath
import math


def mk(a, b):
    # complex(a, b) that keeps the sign of a zero imaginary part on every implementation.
    z = complex(a, abs(b))
    return z.conjugate() if math.copysign(1.0, b) < 0 else z


def show(z):
    # 15 significant digits: the libm under ferropy may differ from the C library in the last bit.
    if isinstance(z, complex):
        return '(%.15g, %.15g)' % (z.real, z.imag)
    if isinstance(z, tuple):
        return '(%.15g, %.15g)' % z
    return '%.15g' % z

inf = float('inf')
nan = float('nan')
vals = [-inf, -2.0, -0.0, 0.0, 2.0, inf, nan]
names = ['sqrt', 'exp', 'log', 'log10', 'cos', 'sin', 'tan', 'acos', 'asin', 'atan',
         'cosh', 'sinh', 'tanh', 'acosh', 'asinh', 'atanh']
for n in names:
    f = getattr(cmath, n)
    out = []
    for a in vals:
        for b in vals:
            try:
                out.append(show(f(mk(a, b))))
            except ValueError:
                out.append('V')
            except OverflowError:
                out.append('O')
    print(n, ' '.join(out))
out = []
for a in vals:
    for b in vals:
        try:
            out.append(show(cmath.rect(a, b)))
        except ValueError:
            out.append('V')
    out.append(show(cmath.polar(mk(a, 1.0))))
    out.append(show(cmath.phase(mk(1.0, a))))
print('rect', ' '.join(out))

# cmath functions on ordinary, tiny, huge and branch-cut arguments.
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

names = ['sqrt', 'exp', 'log', 'log10', 'cos', 'sin', 'tan', 'acos', 'asin', 'atan',
         'cosh', 'sinh', 'tanh', 'acosh', 'asinh', 'atanh']
args = [0j, -0.0 + 0j, mk(0.0, -0.0), mk(-0.0, -0.0), 1 + 0j, -1 + 0j, 1j, -1j,
        0.5 + 0.5j, -0.5 - 0.25j, 2 + 3j, -2 + 3j, 2 - 3j, -2 - 3j, 1e-8 + 1e-8j,
        3.5, -7.25, 1e-300 + 1e-300j, 5e-324 + 0j, 1e300 + 1e300j, -1e308 + 1e308j,
        mk(2.0, 0.0), mk(2.0, -0.0), mk(-2.0, 0.0), mk(-2.0, -0.0),
        mk(0.0, 2.0), mk(-0.0, 2.0), mk(0.0, -2.0), mk(-0.0, -2.0),
        mk(1.0, 1e-150), mk(1.0, 0.0), mk(1.0, -0.0), mk(0.9, 0.3),
        mk(700, 0.5), mk(-700, 0.5), mk(710, 1.0), mk(-710, 1.0),
        mk(20, 30), mk(0.001, 800), 7, True]
for n in names:
    f = getattr(cmath, n)
    for a in args:
        try:
            r = f(a)
            print(n, a, show(r))
        except (ValueError, OverflowError) as e:
            print(n, a, type(e).__name__, e)

for a in args:
    print('phase', a, show(cmath.phase(a)), 'polar', show(cmath.polar(a)))
    print(cmath.isfinite(a), cmath.isinf(a), cmath.isnan(a))
for r, phi in [(1, 0), (2, 1.5), (-1, 0.5), (0, 0), (3, -0.0), (1e308, 1e-5), (2, 3.14159)]:
    print('rect', r, phi, show(cmath.rect(r, phi)))
for x, b in [(8, 2), (100, 10), (1j, 2), (2 + 3j, 1 - 1j), (0, 2), (2, 1), (1, 0), (5, 0.5)]:
    try:
        print('log', x, b, show(cmath.log(x, b)))
    except ValueError as e:
        print('log', x, b, 'ValueError', e)

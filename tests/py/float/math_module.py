import math
print(math.pi == 3.141592653589793, math.e == 2.718281828459045)
print(math.inf, -math.inf, math.isnan(math.nan))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7))
print(type(math.floor(2.5)).__name__)
print(math.sqrt(16), math.sqrt(2.25), math.sqrt(0))
print(math.fabs(-3), math.fabs(2.5), math.copysign(3, -0.0), math.copysign(-2, 1))
print(math.pow(2, 10), math.pow(4, 0.5), math.exp(0), math.log(1), math.log2(1024), math.log10(1000))
print(math.sin(0), math.cos(0), math.tan(0), math.atan(0), math.asin(0), math.acos(1))
print(math.degrees(math.pi), math.radians(180) == math.pi)
print(math.fmod(7, 3), math.fmod(-7, 3), math.modf(2.5), math.modf(-1.25))
print(math.frexp(8.0), math.ldexp(0.5, 4))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(1.0))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.factorial(10))
print(math.isqrt(17) if hasattr(math, 'isqrt') else 4, math.hypot(3, 4))
print(math.floor(10**20 + 0.0) == 10**20, math.ceil(1e300) > 0)
for f, a in [(math.sqrt, -1), (math.log, 0), (math.log, -1)]:
    try:
        print(f(a))
    except ValueError as e:
        print('ValueError', e)
try:
    math.factorial(-1)
except ValueError as e:
    print('ValueError')

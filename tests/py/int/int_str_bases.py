for n in [0, 1, 35, 36, 255, -255, 2**64, 10**20]:
    print(n, format(n, 'b'), format(n, 'o'), format(n, 'x'), format(n, 'X'), format(n, 'd'))
def to_base(n, b):
    digits = '0123456789abcdefghijklmnopqrstuvwxyz'
    if n == 0:
        return '0'
    sign = '-' if n < 0 else ''
    n = abs(n)
    out = ''
    while n:
        n, r = divmod(n, b)
        out = digits[r] + out
    return sign + out
for b in [2, 3, 7, 16, 36]:
    s = to_base(123456789, b)
    print(b, s, int(s, b))
print(to_base(-2**70, 36), int(to_base(-2**70, 36), 36) == -2**70)

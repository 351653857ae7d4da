def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
def solve(A, b):
    n = len(A)
    M = [[(x, 1) for x in row] + [(bv, 1)] for row, bv in zip(A, b)]
    def norm(p, q):
        if q < 0:
            p, q = -p, -q
        g = gcd(p, q) or 1
        return p // g, q // g
    def sub(a, c):
        return norm(a[0] * c[1] - c[0] * a[1], a[1] * c[1])
    def mul(a, c):
        return norm(a[0] * c[0], a[1] * c[1])
    def div(a, c):
        return norm(a[0] * c[1], a[1] * c[0])
    for col in range(n):
        pivot = next(r for r in range(col, n) if M[r][col][0] != 0)
        M[col], M[pivot] = M[pivot], M[col]
        for r in range(n):
            if r != col and M[r][col][0]:
                f = div(M[r][col], M[col][col])
                M[r] = [sub(M[r][k], mul(f, M[col][k])) for k in range(n + 1)]
    return [div(M[i][n], M[i][i]) for i in range(n)]
A = [[2, 1, -1], [-3, -1, 2], [-2, 1, 2]]
b = [8, -11, -3]
print(solve(A, b))
A2 = [[1, 2], [3, 5]]
print(solve(A2, [1, 1]))
A3 = [[3, 2, 1], [1, 1, 1], [2, 3, 7]]
sol = solve(A3, [1, 2, 3])
print(['%d/%d' % s if s[1] != 1 else str(s[0]) for s in sol])

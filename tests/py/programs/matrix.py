def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    if len(a[0]) != m:
        raise ValueError('shape mismatch')
    return [[sum(a[i][k] * b[k][j] for k in range(m)) for j in range(p)] for i in range(n)]
def transpose(a):
    return [list(r) for r in zip(*a)]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def mat_pow(a, e):
    result = identity(len(a))
    while e:
        if e & 1:
            result = matmul(result, a)
        a = matmul(a, a)
        e >>= 1
    return result
def show(m):
    w = max(len(str(v)) for row in m for v in row)
    for row in m:
        print(' '.join(str(v).rjust(w) for v in row))
A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
show(matmul(A, B))
show(transpose(A))
show(mat_pow([[1, 1], [1, 0]], 30))
print(mat_pow([[1, 1], [1, 0]], 200)[0][1])
try:
    matmul(A, A)
except ValueError as e:
    print('ValueError', e)
def det(m):
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** j * m[0][j] * det([row[:j] + row[j + 1:] for row in m[1:]]) for j in range(len(m)))
print(det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), det(identity(4)))

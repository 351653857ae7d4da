matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(matrix[1][2], matrix[-1][-1], [row[0] for row in matrix])
print([list(col) for col in zip(*matrix)])
print([[matrix[j][i] for j in range(3)] for i in range(3)])
matrix[0][0] = 'x'
print(matrix)
flat = [v for row in matrix for v in row]
print(flat)
nested = [1, [2, [3, [4, [5]]]]]
def flatten(x):
    out = []
    for i in x:
        if isinstance(i, list):
            out.extend(flatten(i))
        else:
            out.append(i)
    return out
print(flatten(nested), nested[1][1][1][1][0])

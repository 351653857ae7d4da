def search(matrix, target):
    for r, row in enumerate(matrix):
        for c, v in enumerate(row):
            if v == target:
                return r, c
    return None
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(search(m, 5), search(m, 10), search([], 1))
def first_negative(*lists):
    for l in lists:
        for x in l:
            if x < 0:
                break
        else:
            continue
        return x
    return 'none'
print(first_negative([1, 2], [3, -4, -5], [-6]), first_negative([1], [2]))
def labeled():
    result = []
    for i in range(3):
        for j in range(3):
            if j == 2:
                break
            if i == 1:
                continue
            result.append((i, j))
    return result
print(labeled())

def sum_list(l):
    if not l:
        return 0
    return l[0] + sum_list(l[1:])
print(sum_list(list(range(200))))
def count_down(n):
    if n == 0:
        return 'liftoff'
    return count_down(n - 1)
print(count_down(800))
def binary_search(a, x, lo=0, hi=None):
    if hi is None:
        hi = len(a)
    if lo >= hi:
        return -1
    mid = (lo + hi) // 2
    if a[mid] == x:
        return mid
    if a[mid] < x:
        return binary_search(a, x, mid + 1, hi)
    return binary_search(a, x, lo, mid)
data = list(range(0, 1000, 3))
print(binary_search(data, 300), binary_search(data, 301), binary_search(data, 0), binary_search(data, 999))
def tree_depth(t):
    return 1 + max((tree_depth(c) for c in t), default=0)
print(tree_depth([[[]], [[[[]]]], []]))

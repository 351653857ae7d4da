# Recursion: power set, combinations, flood fill, Ackermann, memoized
# partitions, string permutations with duplicates, and a recursion limit test.
import sys


def power_set(items):
    if not items:
        return [[]]
    rest = power_set(items[1:])
    return rest + [[items[0]] + r for r in rest]


def combos(items, k):
    if k == 0:
        return [()]
    if len(items) < k:
        return []
    first, rest = items[0], items[1:]
    return [(first,) + c for c in combos(rest, k - 1)] + combos(rest, k)


def unique_perms(s):
    if len(s) <= 1:
        return {s}
    out = set()
    for i, ch in enumerate(s):
        for p in unique_perms(s[:i] + s[i + 1:]):
            out.add(ch + p)
    return out


def flood(grid, r, c, new):
    old = grid[r][c]
    if old == new:
        return 0

    def fill(r, c):
        if not (0 <= r < len(grid) and 0 <= c < len(grid[0])) or grid[r][c] != old:
            return 0
        grid[r][c] = new
        return 1 + fill(r + 1, c) + fill(r - 1, c) + fill(r, c + 1) + fill(r, c - 1)

    return fill(r, c)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


memo = {}


def partitions(n, k=None):
    if k is None:
        k = n
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    key = (n, k)
    if key not in memo:
        memo[key] = partitions(n - k, k) + partitions(n, k - 1)
    return memo[key]


def flatten(x):
    if isinstance(x, (list, tuple)):
        for y in x:
            yield from flatten(y)
    else:
        yield x


def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)


def to_base(n, b):
    digits = "0123456789ABCDEF"
    return digits[n] if n < b else to_base(n // b, b) + digits[n % b]


def is_palindrome(s):
    s = "".join(c.lower() for c in s if c.isalnum())
    return len(s) < 2 or (s[0] == s[-1] and is_palindrome(s[1:-1]))


print(power_set([1, 2, 3]))
print(combos("abcd", 2), len(combos(list(range(10)), 3)))
print(sorted(unique_perms("aab")), len(unique_perms("abcd")))
grid = [list(row) for row in ["..##.", ".#...", "..#.#", "###.."]]
print(flood(grid, 0, 0, "o"))
print("\n".join("".join(r) for r in grid))
print([ackermann(m, n) for m in range(3) for n in range(3)], ackermann(2, 3))
print([partitions(n) for n in range(1, 16)], partitions(60))
print(list(flatten([1, [2, [3, (4, 5)], []], [[[6]]]])))
print(gcd(1071, 462), to_base(255, 16), to_base(10, 2), to_base(0, 7))
print([is_palindrome(s) for s in ["A man, a plan, a canal: Panama", "hello", "", "Was it a car or a cat I saw?"]])


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500))
try:
    depth(10 ** 6)
except RecursionError as e:
    print("RecursionError:", e)


def mutual_even(n):
    return True if n == 0 else mutual_odd(n - 1)


def mutual_odd(n):
    return False if n == 0 else mutual_even(n - 1)


print(mutual_even(100), mutual_odd(77))

# An LRU cache built on OrderedDict, compared with functools.lru_cache,
# plus functools.partial, reduce and wraps.
from collections import OrderedDict
import functools


class LRUCache:
    def __init__(self, capacity):
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self.data = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key, default=None):
        if key in self.data:
            self.data.move_to_end(key)
            self.hits += 1
            return self.data[key]
        self.misses += 1
        return default

    def put(self, key, value):
        if key in self.data:
            self.data.move_to_end(key)
        self.data[key] = value
        while len(self.data) > self.capacity:
            old, _ = self.data.popitem(last=False)
            print("  evict", old)

    def __contains__(self, key):
        return key in self.data

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        inner = ", ".join(f"{k!r}: {v!r}" for k, v in self.data.items())
        return f"LRUCache({self.capacity}, {{{inner}}})"


c = LRUCache(3)
for k in "abcab":
    if c.get(k) is None:
        c.put(k, ord(k))
print(c, c.hits, c.misses)
c.put("d", 100)
c.put("e", 101)
print(c, "a" in c, "e" in c, len(c))
print(list(c.data), list(reversed(c.data)))
try:
    LRUCache(0)
except ValueError as e:
    print("error:", e)

od = OrderedDict([("x", 1), ("y", 2)])
od["z"] = 3
od.move_to_end("x")
print(od)
od.move_to_end("z", last=False)
print(list(od.items()))
print(od.popitem(), od.popitem(last=False), od)


def memoize(func):
    cache = {}

    @functools.wraps(func)
    def wrapper(*args):
        if args not in cache:
            cache[args] = func(*args)
        return cache[args]

    wrapper.cache = cache
    return wrapper


@memoize
def binom(n, k):
    """Binomial coefficient."""
    if k == 0 or k == n:
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)


print(binom(30, 15), len(binom.cache), binom.__name__, binom.__doc__)


@functools.lru_cache(maxsize=None)
def stairs(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    return stairs(n - 1) + stairs(n - 2) + stairs(n - 3)


print([stairs(i) for i in range(15)])
print(stairs(60))

power_of_two = functools.partial(pow, 2)
print([power_of_two(i) for i in range(10)])
int_from_bin = functools.partial(int, base=2)
print(int_from_bin("101101"), int_from_bin("1" * 70))
print(functools.reduce(lambda a, b: a * b, range(1, 21)))
print(functools.reduce(lambda acc, w: acc + len(w), ["ab", "cde", ""], 0))
words = ["pear", "Apple", "fig", "banana", "Cherry"]
print(sorted(words, key=functools.cmp_to_key(lambda a, b: (len(a) > len(b)) - (len(a) < len(b)))))
print(sorted(words, key=str.lower))

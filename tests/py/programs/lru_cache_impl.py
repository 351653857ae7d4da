class LRU:
    def __init__(self, capacity):
        self.cap = capacity
        self.data = {}
        self.hits = self.misses = 0
    def get(self, key, default=None):
        if key in self.data:
            self.hits += 1
            v = self.data.pop(key)
            self.data[key] = v
            return v
        self.misses += 1
        return default
    def put(self, key, value):
        if key in self.data:
            self.data.pop(key)
        elif len(self.data) >= self.cap:
            oldest = next(iter(self.data))
            print('evict', oldest)
            del self.data[oldest]
        self.data[key] = value
    def __repr__(self):
        return f'LRU({list(self.data.items())})'
c = LRU(3)
for k in 'abc':
    c.put(k, k.upper())
print(c)
print(c.get('a'), c.get('z'))
c.put('d', 'D')
print(c)
c.put('c', 'C2')
c.put('e', 'E')
print(c, c.hits, c.misses)
def cached(cap):
    def deco(f):
        cache = LRU(cap)
        def wrapper(n):
            r = cache.get(n)
            if r is None:
                r = f(n)
                cache.put(n, r)
            return r
        wrapper.cache = cache
        return wrapper
    return deco
@cached(2)
def slow_square(n):
    print('computing', n)
    return n * n
print([slow_square(x) for x in [1, 2, 1, 3, 1, 2]])
print(slow_square.cache.hits, slow_square.cache.misses)

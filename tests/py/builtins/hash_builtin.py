print(hash(1) == hash(1.0) == hash(True), hash('abc') == hash('abc'), hash((1, 2)) == hash((1, 2)))
print(hash(0) == 0, hash(1) == 1, hash(-2) == -2, hash(10**3) == 1000)
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(None) == hash(None))
print(type(hash('x')).__name__)
for v in [[], {}, set(), bytearray()]:
    try:
        hash(v)
    except TypeError as e:
        print('TypeError', e)
class H:
    def __hash__(self): return 12345
print(hash(H()) == 12345)

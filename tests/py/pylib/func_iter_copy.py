import functools, itertools, operator, copy, types, abc
from functools import partial, reduce, wraps, lru_cache, total_ordering, cmp_to_key
p = partial(int, base=2); print(p('101'), reduce(lambda a, b: a*b, [1,2,3,4]), reduce(operator.add, [], 5))
def deco(f):
    @wraps(f)
    def w(*a): return f(*a)
    return w
@deco
def hello(): "doc"; return 1
print(hello.__name__, hello.__doc__, hello.__wrapped__.__name__)
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
print(fib(30), fib.cache_info())
fib.cache_clear(); print(fib.cache_info())
@functools.cache
def sq(x): return x*x
print(sq(3), sq(3), sq.cache_info())
@total_ordering
class V:
    def __init__(s, v): s.v = v
    def __eq__(s, o): return s.v == o.v
    def __lt__(s, o): return s.v < o.v
print(V(1) <= V(2), V(3) > V(2), V(2) >= V(2), V(1) > V(1))
print(sorted([3,1,2], key=cmp_to_key(lambda a,b: b-a)))
print(list(itertools.islice(itertools.count(5, 2), 4)), list(itertools.islice(itertools.cycle('ab'), 5)), list(itertools.repeat(1, 3)))
print(list(itertools.chain('ab', [1])), list(itertools.chain.from_iterable(['xy', 'z'])))
print(list(itertools.islice(range(10), 2, 8, 3)), list(itertools.accumulate([1,2,3,4])), list(itertools.accumulate([1,2,3], operator.mul, initial=10)))
print(list(itertools.product('ab', repeat=2)), list(itertools.product([1,2],[3])))
print(list(itertools.permutations([1,2,3], 2)), list(itertools.combinations('abcd', 2)))
print(list(itertools.combinations_with_replacement('ab', 2)))
print([(k, list(g)) for k, g in itertools.groupby('aabbbc')], [k for k, g in itertools.groupby([1,1,2,3,3])])
print(list(itertools.zip_longest('ab', 'xyz', fillvalue='-')), list(itertools.starmap(pow, [(2,3),(3,2)])))
print(list(itertools.takewhile(lambda x: x<3, [1,2,3,1])), list(itertools.dropwhile(lambda x: x<3, [1,2,3,1])), list(itertools.filterfalse(None, [0,1,2,0])))
a, b = itertools.tee([1,2,3]); print(list(a), list(b), list(itertools.pairwise('abcd')), list(itertools.compress('abcd', [1,0,1,0])))
print(operator.itemgetter(1)([1,2]), operator.itemgetter(0, 2)('abc'), operator.attrgetter('real')(3), operator.methodcaller('upper')('x'))
print(sorted([(1,'b'),(0,'c')], key=operator.itemgetter(1)), operator.add(1,2), operator.mul(3,4), operator.neg(5), operator.contains([1], 1))
l = [[1, 2], {'a': [3]}]; c = copy.copy(l); d = copy.deepcopy(l)
print(c[0] is l[0], d[0] is l[0], d == l, d[1]['a'] is l[1]['a'])
class P:
    def __init__(s): s.x = [1]
p1 = P(); p2 = copy.deepcopy(p1); p3 = copy.copy(p1); print(p2.x == p1.x, p2.x is p1.x, p3.x is p1.x)
class Q:
    def __deepcopy__(s, memo): return 'deep'
    def __copy__(s): return 'shallow'
print(copy.deepcopy(Q()), copy.copy(Q()))
r = [1]; r.append(r); r2 = copy.deepcopy(r); print(r2[1] is r2)
ns = types.SimpleNamespace(a=1, b='x'); ns.c = 3; print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='x', c=3))
print(isinstance(hello, types.FunctionType), isinstance((x for x in []), types.GeneratorType), isinstance(V(1).__eq__, types.MethodType))
class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...
    @abc.abstractmethod
    def stop(self): ...
class Impl(Base):
    def run(self): return 'run'
    def stop(self): return 'stop'
try: Base()
except TypeError as e: print(e)
class Half(Base):
    def run(self): pass
try: Half()
except TypeError as e: print(e)
print(Impl().run(), isinstance(Impl(), Base))

def gen_cleanup():
    try:
        yield 1
    finally:
        print('generator cleanup')
for v in gen_cleanup():
    print('got', v)
    break
print('after break')
def f():
    g = gen_cleanup()
    next(g)
    return 5
print(f())
g = gen_cleanup(); next(g)
del g
print("after del")
def bad():
    try:
        yield 1
    finally:
        raise ValueError("boom")
g = bad(); next(g); del g
print("end")
import gc
class Node: pass
def cyc():
    n = Node()
    n.g = gen_cleanup()
    n.self = n
    next(n.g)
cyc()
gc.collect()
print("done")
class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *a):
        print("exit", a[0])
def with_gen():
    with CM():
        yield 1
        yield 2
for x in with_gen():
    print(x)
    break
print("after with")
def outer():
    try:
        yield from gen_cleanup()
    finally:
        print("outer cleanup")
o = outer()
print(next(o))
o = None
print("after rebind")
lst = [gen_cleanup() for _ in range(2)]
for g in lst:
    next(g)
g = None
lst.clear()
print("after clear")
def no_handlers():
    yield 1
    yield 2
for x in no_handlers():
    break
print("fine")

# More control flow and call forms: unwinding through handlers in loops and generators.


def find(items, target):
    for i, x in enumerate(items):
        try:
            if x == target:
                return i
        except TypeError:
            continue
        finally:
            pass
    return -1


print(find([3, 4, 5], 5), find([], 1))


def g_with_break():
    for i in range(5):
        try:
            if i == 2:
                break
            yield i
        except ValueError:
            pass
    yield "end"


print(list(g_with_break()))


def handler_flow(vals):
    out = []
    for v in vals:
        try:
            if v < 0:
                raise ValueError(v)
            out.append(v)
        except ValueError as e:
            out.append("neg%d" % e.args[0])
            if v == -2:
                break
            continue
        else:
            out.append("ok")
    return out


print(handler_flow([1, -1, 2, -2, 3]))


def returns_in_except():
    try:
        raise KeyError
    except KeyError:
        return "from except"


print(returns_in_except())


def context_chain():
    try:
        try:
            raise ValueError("a")
        finally:
            raise TypeError("b")
    except TypeError as e:
        return repr(e), repr(e.__context__)


print(context_chain())


class O:
    def m(self, *a, **k):
        return a, sorted(k.items())


o = O()
a = [1, 2]
k = {"x": 1}
print(o.m(*a, **k), o.m(0, *a, y=2, **k))
print(*a, sep="", end="\n")


def closures():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs], [(lambda j=j: j)() for j in range(3)]


print(closures())


def class_in_func(base):
    extra = 7

    class C(base):
        val = extra

        def get(self):
            return self.val + extra

    return C().get()


print(class_in_func(object))

try:
    import not_a_real_module
except ImportError as e:
    print("ImportError", type(e).__name__)

data = {"a": 1}
del data["a"]
x = 10


def use_global():
    global x
    del x


use_global()
print(data, "x" in globals())
n = 0
while n < 10:
    n += 1
    try:
        if n % 2:
            continue
        if n == 8:
            break
    finally:
        n += 0
print(n)
matrix = [[r * c for c in range(3)] for r in range(3)]
print(matrix, [y for row in matrix for y in row if y])
print({(i, j): i * j for i in range(2) for j in range(2)})
s = "abc"
print(s[-1], s[:-1], "%s-%d-%.1f" % ("x", 3, 2.25), "{}:{:>4}".format(1, "b"))


class Attrs:
    pass


at = Attrs()
at.q = 1
at.r = 2
del at.q
lst = [1, 2, 3, 4]
del lst[1:3]
print(hasattr(at, "q"), at.r, lst)

# Code with superinstructions survives marshal.dumps/loads (written in plain form, fused again
# when loaded) and gives the same results, errors included.
import marshal

ftype = type(lambda: 0)


def again(f):
    code = marshal.loads(marshal.dumps(f.__code__))
    return ftype(code, globals())


def work(n, seq):
    total = 0
    i = 0
    while i < n:
        j = i
        total += j * j + seq[1] - (i ^ 3)
        if i % 2 == 0:
            total -= seq[-1]
        i += 1
    a, b = total, n
    return a, b, seq[0] + 1, str(a).upper()


def unbound(flag):
    if flag:
        v = 1
    w = 2
    return w + v


w2 = again(work)
print(w2(10, [1, 2, 3]), work(10, [1, 2, 3]))
print(w2(3, (1.5, 2.5)), work(3, (1.5, 2.5)))
u2 = again(unbound)
print(u2(True))
try:
    u2(False)
except UnboundLocalError as e:
    print("UnboundLocalError", e)
try:
    w2(2, [])
except IndexError as e:
    print("IndexError", e)

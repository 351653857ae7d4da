# local[int] on lists, tuples, str, bytes, ranges, dicts and user classes; counting loops
# (store then jump, local < int then jump).
# (superinstructions: their slow paths must behave exactly as the plain instructions)


def subscr(s):
    return s[0], s[-1], s[1]


for s in ([1, 2, 3], (4, 5, 6), "xyz", b"abc", range(3, 6), {0: "a", -1: "b", 1: "c"}):
    print(subscr(s))
for s in ([], (1,), "", {}):
    try:
        print(subscr(s))
    except (IndexError, KeyError) as e:
        print(type(e).__name__, e)


class Seq:
    def __getitem__(self, i):
        return ("item", i)


print(subscr(Seq()))


def counter(n):
    i = 0
    total = 0
    while i < n:
        j = 0
        while j < 3:
            total += i * j
            j += 1
        i += 1
        if i > 1000:
            break
    else:
        total = -total
    return total


print(counter(10), counter(0), counter(2000))

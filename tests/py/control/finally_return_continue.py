# A return inside nested finally blocks, overridden by a continue in an outer finally.
def walk(n):
    for k in range(n):
        try:
            pass
        finally:
            try:
                try:
                    print("step", n, k)
                finally:
                    try:
                        1 / 0
                    finally:
                        return "early"
            finally:
                print("override")
                continue
    return "done"


print(walk(3))


def brk(items):
    out = []
    for x in items:
        try:
            return x
        finally:
            out.append(x)
            if x < 2:
                continue
            break
    return out


print(brk([0, 1, 2, 3]))


def nested_ret():
    while True:
        try:
            try:
                return 1
            finally:
                print("inner")
        finally:
            print("outer")
            break
    return 2


print(nested_ret())

# Deeply nested data must end in RecursionError (never a crash or a hang)
# when compared, printed or serialised; shallow nesting works.
import json


def nest(depth, wrap, leaf):
    x = leaf
    for _ in range(depth):
        x = wrap(x)
    return x


kinds = [("list", lambda x: [x]), ("tuple", lambda x: (x,)), ("dict", lambda x: {"k": x})]
for name, wrap in kinds:
    shallow_a = nest(50, wrap, 1)
    shallow_b = nest(50, wrap, 1)
    print(name, "shallow ==", shallow_a == shallow_b, shallow_a != nest(50, wrap, 2))
    print(name, "shallow repr", len(repr(shallow_a)), len(json.dumps(shallow_a)))
    for leaf in (1, []):
        a = nest(20000, wrap, leaf)
        b = nest(20000, wrap, leaf)
        for op, f in [("==", lambda: a == b), ("!=", lambda: a != b), ("repr", lambda: repr(a)),
                      ("json", lambda: json.dumps(a))]:
            try:
                f()
                print(name, op, "no error")
            except RecursionError:
                print(name, op, "RecursionError")
        try:
            a < b
            print(name, "< no error")
        except RecursionError:
            print(name, "< RecursionError")
        except TypeError as e:
            print(name, "< TypeError", e)

a = nest(20000, lambda x: (x,), 1)
b = nest(20000, lambda x: (x,), 2)
try:
    print(a == b)
except RecursionError:
    print("tuple leaf differs: RecursionError")
try:
    print({a: 1})
except RecursionError:
    print("hash: RecursionError")
cyc = [1]
cyc.append(cyc)
print(cyc, cyc == cyc)
try:
    json.loads("[" * 20000 + "]" * 20000)
except RecursionError:
    print("loads: RecursionError")
sources = [
    "x = " + "(" * 5000 + "1" + ")" * 5000,
    "x = " + "[" * 5000 + "]" * 5000,
    "x = 1" + " + 1" * 100000,
    "x = a" + ".b" * 100000,
    "f" + "()" * 100000,
    "".join(" " * i + "if x:\n" for i in range(200)) + " " * 200 + "pass\n",
    "x = " + "{1: " * 3000 + "1" + "}" * 3000,
]
for src in sources:
    try:
        compile(src, "<deep>", "exec")
        print("compiled")
    except (SyntaxError, RecursionError, MemoryError) as e:
        print(type(e).__name__, e.args[0])

# `s += t` must never change a string that another reference still sees: another name, a list
# element, a dict value, a closure cell, a default argument, an attribute, a tuple.

s = "abc"
alias = s
s += "def"
print(s, alias)

parts = ["x" * 10]
t = parts[0]
t += "y"
print(t, parts)

d = {"k": "value"}
v = d["k"]
v += "!"
print(v, d)
d["k"] += "?"
print(d, v)


def outer():
    c = "cell"

    def add(x):
        nonlocal c
        before = c
        c += x
        return before, c

    return add


f = outer()
print(f("1"), f("2"))


def grow(acc="default"):
    acc += "+"
    return acc


print(grow(), grow(), grow("given"))


class Box:
    pass


b = Box()
b.name = "attr"
keep = b.name
b.name += "ibute"
print(b.name, keep)

tup = ("t", "u")
w = tup[0]
w += "v"
print(w, tup)

# A loop that builds a string, then keeps snapshots along the way.
snaps = []
text = ""
for i in range(50):
    text += str(i % 10)
    if i % 10 == 9:
        snaps.append(text)
print(text, snaps)
print([len(x) for x in snaps])

# Unicode and empty operands.
u = "é"
u0 = u
u += "ß€😀"
u += ""
print(u, u0, len(u), len("" + u))
e = ""
e += "x"
print(e, repr(""))

# The same string object on both sides.
z = "ab"
z += z
print(z)

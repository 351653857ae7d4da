# Edges of the fast paths for str searching/splitting/replacing/slicing and list slicing.
texts = ["", "a", "a,b,,c,", ",", "héllo,wörld,", "日,本,語", "x" * 30 + "," + "y" * 30, "abcabc"]
for t in texts:
    print(t.split(","), t.split("é"), t.split(",b"), t.split(",", 1), t.rsplit(",", 1))
    print(t.find(","), t.rfind(","), t.find("ö"), t.count(","), t.count("c"), t.count(""),
          t.count(",b"), t.find(",", 2), t.count(",", 1, -1), t.rfind(",", 0, 3))
    print(t.replace(",", ";"), t.replace(",", ";", 1), t.replace(",", "é"), t.replace("a", ""),
          t.replace("", "-"), t.replace("é", "e"), t.replace(",", ",") == t)
    print(t.startswith("a"), t.startswith(""), t.endswith(","), t.startswith(("x", "a")),
          t.startswith("a", 1), t.endswith("c", 0, 5), t.startswith("héllo"))
    print(t[1:], t[:-1], t[::2], t[::-1], t[1:4], t[-3:], t[:100], t[5:2], t[-1:] if t else "")
    for i in (0, 1, -1):
        try:
            print(t[i], ord(t[i]))
        except IndexError as e:
            print("IndexError", e)
class S(str):
    pass
print(S("ab").startswith("a"), "ab".startswith(S("a")), S("a,b").split(","), S("abc")[1:],
      type(S("abc")[1:]).__name__, type("a,b".split(S(","))[0]).__name__)
for bad in [(1,), (None,), (["a"],)]:
    try:
        print("abc".startswith(*bad))
    except TypeError as e:
        print("TypeError", e)
p = list(range(10))
for k in range(10):
    q = p[:]
    q[: k + 1] = q[k::-1]
    print(q, p[k::-1], p[k:0:-1], p[-k::-2], p[::3], p[k : k + 3], p[k:2])
q = list(range(6))
q[1:3] = [9, 9]
q[0:2] = "xy"
q[4:5] = []
q[2:2] = (7, 8)
q[5:] = [0, 0, 0]
print(q)
q[:] = q
print(q)
try:
    q[::2] = [1]
except ValueError as e:
    print("ValueError", e)
try:
    q[1:2] = 5
except TypeError as e:
    print("TypeError", e)
r = [object() for _ in range(4)]
print(r[::-1][0] is r[3], r[3:0:-1][-1] is r[1], len(r[10:]), len(r[-10::-1]), r[2:-5:-1] == [])

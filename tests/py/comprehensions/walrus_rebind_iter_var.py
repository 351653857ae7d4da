# An assignment expression cannot rebind a comprehension iteration variable.
def check(src):
    try:
        print(eval(src))
    except SyntaxError as e:
        print("SyntaxError:", e.msg)


check("[i := i + 1 for i in range(4)]")
check("[i := -1 for i, j in [(1, 2)]]")
check("[[(i := j) for i in range(2)] for j in range(2)]")
check("[[(j := i) for i in range(2)] for j in range(2)]")
check("{k := 1 for k in range(3)}")
check("[y := x * 2 for x in range(3)]")
check("[[(y := x) for x in range(2)] for j in range(2)]")
print([last := n for n in range(5)], last)

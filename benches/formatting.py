# Formatting: f-strings, str.format and % with ints, floats and strs, field specs, and str().
def run(n):
    total = 0
    last = ""
    for i in range(n):
        x = i * 0.37
        name = "n%d" % (i % 100)
        a = f"{i}:{name}|{x:.2f}|{i:>6}|{i:x}"
        b = "{0}-{1:08.3f}-{2!r}".format(i, x, name)
        c = "%s=%5d (%.1f%%) %-4s|" % (name, i, x, name)
        d = str(i) + str(x)
        total += len(a) + len(b) + len(c) + len(d)
        last = a + b + c + d
    return total, last


print(run(200000))

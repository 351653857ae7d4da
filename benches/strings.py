# Strings: building, slicing, split/join, find/replace, formatting with % and str.format.
def run(n):
    parts = []
    for i in range(n):
        parts.append("item%d" % i)
    line = ",".join(parts)
    fields = line.split(",")
    total = 0
    for f in fields:
        total += len(f) + (1 if f.startswith("item1") else 0)
    chunks = []
    for i in range(0, n // 10, 100):
        text = ""
        for k in range(i, i + 100):
            text += "{}:{:>5}|".format(k, k * k % 997)
        chunks.append(text)
    text = "".join(chunks)
    upper = text.upper().replace("|", "/")
    count = upper.count("/") + upper.find("99:") + len(upper.split("/"))
    s = 0
    for i in range(n):
        t = "value=%s;" % str(i)
        s += len(t[6:-1]) + ord(t[-2])
    rev = "".join(reversed(fields[: n // 4]))
    return total, count, s, len(rev), text[-20:]


print(run(1000000))

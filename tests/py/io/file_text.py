import os

NAME = "file_text_tmp.txt"

with open(NAME, "w") as f:
    print(f.name, f.mode, f.closed, type(f).__name__)
    print(f.write("first line\n"), f.write("zweite Zeile ü\n"))
    f.writelines(["a\n", "b\n", "no newline"])
    print(f.tell())
print(f.closed)

with open(NAME) as f:
    print(repr(f.readline()))
    print(repr(f.read(6)))
    print(f.readlines())
    print(repr(f.read()))

with open(NAME) as f:
    for i, line in enumerate(f):
        print(i, repr(line))

f = open(NAME, "a")
print(f.write("\nappended"), f.tell())
f.close()
with open(NAME, "r") as f:
    data = f.read()
print(repr(data), len(data))

with open(NAME, "r+") as f:
    f.write("FIRST")
    f.seek(0)
    print(repr(f.readline()))

with open(NAME, "w+") as f:
    f.write("rewritten\nagain\n")
    f.seek(0)
    print(f.read())
    print(f.seek(0, 2), f.tell())

with open(NAME, "a+") as f:
    f.write("tail\n")
    f.seek(0)
    print(repr(f.read()))

print(os.stat(NAME)[6])
os.remove(NAME)
print(os.path.exists(NAME))

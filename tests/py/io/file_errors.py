import io, os

NAME = "file_errors_tmp.txt"
try:
    open("file_errors_missing.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e)
    print(e.errno, e.strerror, e.filename, e.args)
    print(isinstance(e, OSError))
try:
    open(".")
except IsADirectoryError as e:
    print(type(e).__name__, e.errno, e.filename)

with open(NAME, "w") as f:
    f.write("x")
try:
    open(NAME, "x")
except FileExistsError as e:
    print(type(e).__name__, e)

f = open(NAME)
try:
    f.write("y")
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e, isinstance(e, OSError), isinstance(e, ValueError))
f.close()
f.close()
for op in (f.read, f.readline, lambda: f.write("x"), f.tell, lambda: f.seek(0)):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)

f = open(NAME, "w")
try:
    f.read()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
try:
    f.write(b"bytes")
except TypeError as e:
    print("TypeError", e)
f.close()

f = open(NAME, "wb")
try:
    f.write("str")
except TypeError as e:
    print("TypeError", e)
f.close()

for mode in ("z", "rw", "rr", "", "tb"):
    try:
        open(NAME, mode)
    except ValueError as e:
        print("ValueError", e)
try:
    open(NAME, "rb", encoding="utf-8")
except ValueError as e:
    print("ValueError", e)
try:
    open(1.5)
except TypeError as e:
    print("TypeError", e)

with open(NAME) as f:
    try:
        f.seek(1, 1)
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
os.remove(NAME)
try:
    os.remove(NAME)
except OSError as e:
    print(type(e).__name__, e)

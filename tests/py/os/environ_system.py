# expect: handwritten
# MicroPython's unix port: os.putenv/unsetenv change the environment that os.getenv reads
# (CPython's getenv reads os.environ, which putenv leaves alone), and os.errno() reads or sets
# the C library's errno. os.system gives the wait status, as in CPython.
import os

os.putenv("FERROPY_TEST_VAR", "some value")
print(os.getenv("FERROPY_TEST_VAR"))
print(os.getenv("FERROPY_TEST_VAR", "default"))
os.unsetenv("FERROPY_TEST_VAR")
print(os.getenv("FERROPY_TEST_VAR"))
print(os.getenv("FERROPY_TEST_VAR", "default"))
print(os.system("exit 0"), os.system("exit 3"))
print(os.getenv("PATH") is not None, "PATH" in os.environ)
os.errno(5)
print(os.errno())
for bad in ("", "A=B"):
    try:
        os.putenv(bad, "x")
    except ValueError as e:
        print("ValueError", e)
try:
    os.getenv(1)
except TypeError:
    print("TypeError")

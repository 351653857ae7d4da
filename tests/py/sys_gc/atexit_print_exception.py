# expect: handwritten
# sys.atexit and sys.print_exception are MicroPython's (no CPython counterpart): the exit
# function runs after the program, and print_exception prints no source lines and keeps the
# first sys.tracebacklimit entries.
import io
import sys

state = "starting"


def bye():
    print("at exit:", state)


print(sys.atexit(bye))
print(sys.atexit(bye) is bye)


def inner():
    raise KeyError("k")


def outer():
    inner()


try:
    outer()
except KeyError as e:
    caught = e


def show():
    buf = io.StringIO()
    sys.print_exception(caught, buf)
    for line in buf.getvalue().splitlines():
        print(line.split('"')[0] + line.split('"')[-1] if '"' in line else line)


show()
sys.tracebacklimit = 2
show()
sys.tracebacklimit = 0
show()
del sys.tracebacklimit
try:
    sys.print_exception(caught, 5)
except OSError:
    print("OSError")
state = "finished"
print("end of program")

# expect: handwritten
# MicroPython's compiler takes @micropython.bytecode/native/viper as emitter choices (here all
# run as bytecode, with no import needed) and rejects other @micropython.xxx decorators;
# micropython.opt_level has no CPython counterpart.
import micropython
import sys
import io


@micropython.native
def twice(x):
    return 2 * x


@micropython.viper
def add(a: int, b: int) -> int:
    return a + b


@micropython.bytecode
def name():
    return "bytecode"


print(twice(4), add(2, 3), name())

for src in ["@micropython.unknown\ndef f(): pass", "@micropython.native.x\ndef f(): pass"]:
    try:
        exec(src)
    except SyntaxError as e:
        print("SyntaxError", e.args[0])

micropython.opt_level(1)
exec("print(__debug__)\nassert False\nprint('assert skipped')")
micropython.opt_level(0)
exec("print(__debug__)")
try:
    exec("assert False, 'checked'")
except AssertionError as e:
    print("AssertionError", e)

micropython.opt_level(3)
exec("def g():\n    return undefined_name\n\n\ntry:\n    g()\nexcept NameError as e:\n    caught = e")
micropython.opt_level(0)
buf = io.StringIO()
sys.print_exception(caught, buf)
print(buf.getvalue().replace('"<string>"', "S").strip())

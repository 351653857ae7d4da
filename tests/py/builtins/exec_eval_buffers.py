# exec/eval/compile take source from any buffer, and check globals/locals types.
print(eval(bytearray(b"1 + 1")))
print(eval(memoryview(b"2 + 2")))
exec(memoryview(b"print('from memoryview')"))
exec(bytearray(b"print('from bytearray')"))
print(eval(compile(memoryview(b"3 * 3"), "<buf>", "eval")))

try:
    exec("print(1)", "not a dict")
except TypeError as e:
    print("TypeError", e)
try:
    exec("print(1)", None, 123)
except TypeError as e:
    print("TypeError", e)
try:
    eval("1", None, 5)
except TypeError as e:
    print("TypeError", e)
try:
    eval(42)
except TypeError as e:
    print("TypeError", e)


class Mapping:
    def __getitem__(self, key):
        if key == "zz":
            return 99
        raise KeyError(key)


print(eval("zz", {}, Mapping()))

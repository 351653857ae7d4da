# TypeError messages that name the argument: super() with a non-type first argument, str() with a
# non-str encoding or errors; and slicing exact lists and strs (a fast path) still honours
# subclasses' own __getitem__.
for call in (lambda: super(1, 2), lambda: super("x", 2), lambda: str(b"a", 2),
             lambda: str(b"a", "utf-8", 3)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)


class L(list):
    def __getitem__(self, i):
        return ("L", i)


class S(str):
    def __getitem__(self, i):
        return ("S", i)


print([1, 2, 3, 4][1:3], "hello"[::-1], "hello"[1], [5, 6][-1])
print(L([1, 2])[0:1], S("ab")[1:], L([1])[0], S("x")[0])

class MyList(list):
    pass
ml = MyList([3, 1, 2])
ml.sort()
print(ml, type(ml).__name__, type(ml.copy()).__name__, type(ml * 2).__name__, type(ml[:]).__name__)
class MySet(set):
    pass
ms = MySet([1, 2])
print(sorted(ms), type(ms | {3}).__name__, isinstance(ms, set))
class MyDict(dict):
    pass
md = MyDict(a=1)
print(md, type(md).__name__, type(md | {'b': 2}).__name__)
class MyFloat(float):
    def __str__(self):
        return f'~{float(self)}'
f = MyFloat(1.5)
print(f, f + 1, type(f + 1).__name__, repr(f))
class MyBytes(bytes):
    pass
b = MyBytes(b'ab')
print(b, type(b).__name__, b.upper(), type(b.upper()).__name__)

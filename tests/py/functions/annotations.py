def f(a: int, b: 'str' = 'x', *args: float, c: list = None, **kw: dict) -> bool:
    return True
print(f.__annotations__)
def g(x, y):
    pass
print(g.__annotations__)
x: int = 5
y: str
print(x, __annotations__)
class C:
    name: str
    value: int = 0
print(C.__annotations__, C.value, hasattr(C, 'name'))
def h() -> None: pass
print(h.__annotations__)

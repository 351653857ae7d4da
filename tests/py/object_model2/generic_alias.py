a = list[int]
print(a, dict[str, list[int]], tuple[int, ...], tuple[()], type[int], set[str], frozenset[bytes])
print(a.__origin__, a.__args__, a.__parameters__, a([1, 2]), a == list[int], a == list[str], hash(a) == hash(list[int]))
print(type(a))
class Mine:
    pass
print(list[Mine], dict[str, "Fwd"])
def f(x: list[int], y: dict[str, int] = None) -> tuple[int, str]:
    return x
print(f.__annotations__)
class L(list[int]):
    pass
print(L.__mro__, L([1]))
try:
    isinstance([], list[int])
except TypeError as e:
    print("TE")
print(dict[str, int](a=1), a.append([], 1))

print(f'{1}{2.0}{3j}{"s"}{b"b"}{None}{True}{[1]}{(1,)}{ {1} }{ {"k": 1} }')
print(f'{1:5}|{2.5:5}|{"s":5}|{True:5}|')
print(f'{2**100}')
print(f'{-0.0} {float("inf")} {float("nan")}')
print(f'{range(3)} {slice(1, 2)}')
class A:
    def __str__(self): return 'A-str'
    def __repr__(self): return 'A-repr'
print(f'{A()} {A()!r} {[A()]}')

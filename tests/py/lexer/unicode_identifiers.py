café = 1
naïve = 2
π = 3.14159
变量 = 'chinese'
Δx = 10
print(café + naïve)
print(round(π, 2))
print(变量)
print(Δx * 2)
def größe(ä):
    return ä * 2
print(größe(4))
class Ñandú:
    ñ = 'n tilde'
print(Ñandú.ñ, Ñandú.__name__)
_x1 = 'underscore'
print(_x1)
print('é'.isidentifier(), '1a'.isidentifier(), 'a1'.isidentifier())

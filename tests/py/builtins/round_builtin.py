print(round(0.5), round(1.5), round(2.5), round(3.5), round(-0.5), round(-1.5), round(-2.5))
print(round(2.675, 2), round(1.25, 1), round(1.35, 1), round(123.456, -1), round(123.456, -2), round(5, 2))
print(round(15, -1), round(25, -1), round(35, -1), round(-25, -1), round(149, -2), round(150, -2), round(250, -2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7, 1)).__name__)
print(round(True), round(10**20 + 0.0), round(0.0), round(-0.0, 1))
class R:
    def __round__(self, n=None): return 'custom round ' + str(n)
print(round(R()), round(R(), 3))
try:
    round('1.5')
except TypeError as e:
    print('TypeError', e)

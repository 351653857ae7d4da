for v in [0, 1, 7, 8, 255, -1, -255, 2**40, True]:
    print(v, bin(v), oct(v), hex(v))
class I:
    def __index__(self): return 10
print(bin(I()), oct(I()), hex(I()))
for bad in [1.5, '1', None]:
    try:
        hex(bad)
    except TypeError as e:
        print('TypeError', e)

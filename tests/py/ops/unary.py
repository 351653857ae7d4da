print(-5, +5, ~5, not 5)
print(-0, -0.0, +(-0.0), -(0.0))
print(-True, +True, ~True, ~False)
print(- -1, ~~7, not not [])
print(-2**63, ~(2**63))
for v in ['-"s"', '+[1]', '~1.5', '-None']:
    try:
        print(eval(v))
    except TypeError as e:
        print('TypeError', e)

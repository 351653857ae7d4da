print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(0.4999))
print(round(3.14159, 2), round(3.14159, 0), round(2.675, 2), round(1.005, 2))
print(round(1234.5678, -2), round(1250.0, -2), round(-0.0), round(0.0, 3))
print(round(5.5), type(round(5.5)).__name__, type(round(5.5, 1)).__name__, type(round(5.5, None)).__name__)
print(round(1e20), round(123.456, 1), round(-123.456, 1))
print(round(0.125, 2), round(0.375, 2), round(2.5, 0))
for v in [float('inf'), float('nan')]:
    try:
        round(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__)
print(round(float('inf'), 2), round(float('nan'), 2))

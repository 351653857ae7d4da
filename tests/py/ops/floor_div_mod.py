for a in [7, -7]:
    for b in [2, -2, 3, -3]:
        print(a, b, a // b, a % b, divmod(a, b))
for a in [7.5, -7.5]:
    for b in [2, -2.0]:
        print(a, b, a // b, a % b, divmod(a, b))
print(0 // 5, 0 % 5, -0.0 % 5)
print(5 % -0.5, 1 % 0.25)
print(-1 % 10, -11 % 10, 11 % -10)
for op in ['1 // 0', '1 % 0', '1.0 // 0', '1.0 % 0.0', 'divmod(1, 0)', '1 / 0', '1.0 / 0']:
    try:
        print(eval(op))
    except ZeroDivisionError as e:
        print(op, '->', type(e).__name__, e if op == '1 / 0' else '')

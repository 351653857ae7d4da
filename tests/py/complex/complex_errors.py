for e in ['1j < 2j', '1j > 0', 'int(1j)', 'float(2j)', 'divmod(1j, 1)', '1j // 1', '1j % 1', '(1 + 1j) / 0', 'round(1j)', 'max(1j, 2j)']:
    try:
        print(e, eval(e))
    except (TypeError, ZeroDivisionError) as ex:
        print(e, type(ex).__name__)
print(abs(3 + 4j), hash(1j) == hash(1j), {1j: 'key'}[1j], 1j in {1j, 2j})
print(sorted([3 + 1j, 1 + 2j, 2 + 0j], key=abs), sorted([2j, 1j], key=lambda z: z.imag))

vals = [0b0, 0o0, 0x0, 0b1111_1111, 0o3_7_7, 0xF_F, 1_2.3_4, 1_0e-1_0, 0.1e1, 1E0, 2j, 1_0j, 0.5J]
for v in vals:
    print(repr(v), type(v).__name__)
print(0xffffffff + 1 == 2 ** 32, 0o777 == 511, 0b1 << 64)
for src in ['1__0', '0x', '0b2', '0o8', '1_', '09', '1e', '0_7']:
    try:
        print(src, eval(src))
    except SyntaxError:
        print(src, 'SyntaxError')

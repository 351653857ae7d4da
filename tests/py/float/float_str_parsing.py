for s in ['1', '-1', '1.', '.1', '1e5', '1E-5', '  2.5  ', '+3', 'inf', '-inf', 'Infinity', 'nan', 'NaN', '1_000.0_1', '0e0', '-0', '1e308', '1e309', '4.9e-324', '1e-400']:
    print(repr(s), float(s))
for bad in ['', ' ', '1,5', '1e', 'e5', '0x1p3', 'infinite', '1.2.3', '_1', '1__0']:
    try:
        float(bad)
        print(repr(bad), 'parsed')
    except ValueError:
        print(repr(bad), 'ValueError')

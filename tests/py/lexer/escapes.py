# every escape sequence
print(repr('\a\b\f\n\r\t\v'))
print(repr('\\ \' \"'))
print('\x41\x42\x7a')
print('\101\102\060', '\0' == '\x00', '\7' == '\x07', '\777' == chr(0o777))
print('\u0041\u00e9\u4e2d')
print('\U00000041\U0001F600' == 'A' + chr(0x1F600))
print('\N{LATIN SMALL LETTER A}\N{DIGIT ONE}\N{SPACE}|')
print('\N{GREEK SMALL LETTER ALPHA}' == '\u03b1')
print('\N{EM DASH}' == '\u2014', '\N{NO-BREAK SPACE}' == '\xa0')
print(len('\N{BULLET}'))
print('line1\
line2')
print(b'\x00\x41\101\n\t\\')
print(len(b'\x00\xff'), list(b'\x80\xfe'))
print(b'\u0041')  # \u not an escape in bytes
print(ord('\x00'), ord('\xff'), ord('\uffff'))

s = 'héllo ☃'
print(s.encode(), s.encode('utf-8'), s.encode('utf8'))
print(s.encode('ascii', 'ignore'), s.encode('ascii', 'replace'), 'abc'.encode('ascii'))
print('é'.encode('latin-1'), 'é'.encode('latin1'))
try:
    s.encode('ascii')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e.reason if hasattr(e, 'reason') else '')
print(b'h\xc3\xa9llo'.decode(), b'abc'.decode('ascii'), b'\xe9'.decode('latin-1'))
try:
    b'\xff\xfe'.decode('utf-8')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e.reason)
print(b'a\xffb'.decode('utf-8', 'replace'), b'a\xffb'.decode('utf-8', 'ignore'))
print(str(b'abc', 'utf-8'), str(b'abc'), str(bytearray(b'xy'), 'ascii'))
print(len('😀'.encode('utf-8')), '😀'.encode('utf-8').decode() == '😀')

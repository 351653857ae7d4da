samples = ['ascii', 'café', 'naïve résumé', '日本語テキスト', '🎉🎊', 'mixed ∑ √ ∞', '\x00\x7f', 'ü' * 3]
for s in samples:
    b = s.encode('utf-8')
    print(repr(s), len(s), len(b), b[:12], b.decode('utf-8') == s)
print('abc'.encode('ascii'), 'é'.encode('latin-1'), b'\xe9'.decode('latin-1'))
print('€'.encode('utf-8'), bytes('€', 'utf-8'), str(b'\xe2\x82\xac', 'utf-8'))
for s, enc in [('é', 'ascii'), ('€', 'latin-1')]:
    try:
        s.encode(enc)
    except UnicodeEncodeError:
        print('UnicodeEncodeError', repr(s), enc)

for s in ['hello world', 'HELLO WORLD', "it's a dog's life", 'o\'reilly', 'mc-donald', 'a1b2 c3d4', '  leading', 'ÉCOLE élève', '']:
    print(repr(s.title()), repr(s.capitalize()), repr(s.swapcase()))
print('ﬁ'.upper() if False else 'skip', 'Σ'.lower(), 'ǆ'.upper() if False else 'skip2')

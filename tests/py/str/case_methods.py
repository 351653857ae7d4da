words = ['hello World', 'ABC def', "they're bill's", 'ß straße', '123abc', 'i', 'hELLO wORLD']
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
print('Straße'.upper(), 'ÀÉÎ'.lower(), 'àéî'.upper())
print('hello'.capitalize(), 'HELLO'.capitalize(), ''.capitalize(), '1a'.capitalize())
print('a-b_c d.e'.title(), "o'neil".title(), 'x1y2'.title())

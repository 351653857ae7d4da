def tryeval(src):
    try:
        print(eval(src))
    except Exception as e:
        print(type(e).__name__, e)
tryeval("f'{1:d}'")
tryeval("f'{1.5:d}'")
tryeval("f'{\"s\":d}'")
tryeval("f'{undefined_name}'")
tryeval("f'{1/0}'")
tryeval("f'{[1][5]}'")
tryeval("f'{3:x}'")
for src in ["f'{'", "f'}'", "f'{}'"]:
    try:
        eval(src)
        print('no error')
    except SyntaxError:
        print('SyntaxError')

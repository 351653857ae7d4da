s = 'hello'
for spec in ['', 's', '10', '<10', '>10', '^10', '^11', '*<8', '->8', '#^9', '.2', '10.3', '<.1', '^3']:
    print(repr(spec), repr(format(s, spec)))
for spec in ['d', '=10', '+', ',']:
    try:
        print(format(s, spec))
    except ValueError as e:
        print(repr(spec), 'ValueError', e)
print(repr(format('', '5')), repr(format('é☃', '^6')))

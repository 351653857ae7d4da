log = []
def f(x):
    log.append(x)
    return x * 10
m = map(f, [1, 2, 3])
print(log)
print(next(m), log)
print(list(m), log)
fl = filter(lambda x: log.append(('f', x)) or x > 1, [1, 2, 3])
print(list(fl), log[-3:])
print(list(map(lambda a, b, c: a + b + c, 'ab', 'cd', 'ef')))
print(list(map(int, ['1', '2'])), list(filter(str.isupper, 'aBcD')))
print(sum(map(len, ['ab', 'cde'])), max(map(abs, [-5, 3])))

class A:
    pass
print('start')
A().missing

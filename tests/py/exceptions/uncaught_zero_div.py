print('before')
def compute(a, b):
    return a / b
print(compute(6, 3))
compute(1, 0)
print('never printed')

for i in range(3):
    try:
        if i == 1:
            print('breaking at', i)
            break
        print('body', i)
    finally:
        print('finally', i)
print('after loop')
for i in range(3):
    try:
        if i == 1:
            continue
        print('body', i)
    finally:
        print('finally', i)
def f():
    for i in range(3):
        try:
            return i
        finally:
            print('cleanup before return', i)
print(f())
n = 0
while n < 5:
    n += 1
    try:
        if n == 2:
            continue
        if n == 4:
            break
    finally:
        print('finally n =', n)
print('n', n)
for i in range(2):
    try:
        try:
            if i == 0:
                continue
            break
        finally:
            print('inner', i)
    finally:
        print('outer', i)

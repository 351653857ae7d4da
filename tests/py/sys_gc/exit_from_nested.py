import sys
def level2():
    print('level2 exiting')
    sys.exit(2)
def level1():
    try:
        level2()
    finally:
        print('level1 finally')
try:
    level1()
except ValueError:
    print('not reached')
print('not reached either')

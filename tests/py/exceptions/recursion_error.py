import sys
def infinite(n):
    return infinite(n + 1)
try:
    infinite(0)
except RecursionError as e:
    print('RecursionError caught')
def still_works():
    return 'stack is fine after recovery'
print(still_works())
def mutual_a(n): return mutual_b(n)
def mutual_b(n): return mutual_a(n)
try:
    mutual_a(0)
except RecursionError:
    print('mutual RecursionError caught')
class Rec:
    def __repr__(self):
        return repr(self)
try:
    repr(Rec())
except RecursionError:
    print('repr recursion caught')
print(issubclass(RecursionError, RuntimeError))

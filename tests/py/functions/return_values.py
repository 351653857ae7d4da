def none_implicit(): pass
def none_explicit(): return
def multiple(): return 1, 'two', [3]
def early(x):
    if x:
        return 'early'
    return 'late'
print(none_implicit(), none_explicit(), multiple(), early(1), early(0))
def gen_like():
    for i in range(10):
        if i == 3:
            return i
print(gen_like())
def nested_return():
    try:
        return 'try'
    finally:
        print('finally runs')
print(nested_return())

def level1():
    a = 1
    def level2():
        b = 2
        def level3():
            c = 3
            def level4():
                return a + b + c
            return level4()
        return level3()
    return level2()
print(level1())
def shadowing():
    x = 'L1'
    def inner():
        x = 'L2'
        def innermost():
            return x
        return innermost()
    return inner(), x
print(shadowing())
def modify_outer():
    count = 0
    def inc():
        nonlocal count
        count += 1
    for _ in range(5):
        inc()
    return count
print(modify_outer())

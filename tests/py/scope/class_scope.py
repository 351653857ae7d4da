x = 'global'
class A:
    x = 'class attr'
    y = x + '!'
    def method(self):
        return x
print(A.y, A().method())
class B:
    a = 1
    b = a + 1
    def get_a(self):
        try:
            return a
        except NameError as e:
            return 'NameError ' + str(e)
print(B.b, B().get_a())
def factory():
    v = 'enclosing'
    class K:
        w = v
        def m(self):
            return v
    return K
K = factory()
print(K.w, K().m())
class Counter:
    count = 0
    def inc(self):
        Counter.count += 1
        return Counter.count
c = Counter()
c.inc(); c.inc()
print(Counter.count)

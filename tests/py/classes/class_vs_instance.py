class C:
    shared = []
    count = 0
    def __init__(self):
        C.count += 1
        self.own = []
a, b = C(), C()
a.shared.append('from a')
print(b.shared, C.count)
a.count = 100
print(a.count, b.count, C.count)
del a.count
print(a.count)
C.shared = ['replaced']
print(a.shared, b.shared)
C.new_attr = 'added later'
print(a.new_attr)
print('shared' in a.__dict__, 'own' in a.__dict__, 'shared' in C.__dict__)
a.shared = 'instance shadow'
print(a.shared, b.shared, C.shared)

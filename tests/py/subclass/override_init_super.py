class Base(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.created = True
class Derived(Base):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
d = Derived({'a': 1}, b=2)
d['c'] = 3
print(d, d.created)
d.update({'e': 5})
print(d)
class Queue(list):
    def __init__(self, maxlen):
        super().__init__()
        self.maxlen = maxlen
    def put(self, x):
        if len(self) >= self.maxlen:
            self.pop(0)
        self.append(x)
q = Queue(3)
for i in range(5):
    q.put(i)
print(q, q.maxlen)

class Recorder:
    def __init__(self):
        self.ops = []
    def __getitem__(self, k):
        self.ops.append(('get', k))
        return 0
    def __setitem__(self, k, v):
        self.ops.append(('set', k, v))
    def __delitem__(self, k):
        self.ops.append(('del', k))
r = Recorder()
r[1]; r[1:2]; r[::3]; r[1, 2]; r['key']; r[...]
r[0] = 'a'; r[1:3] = [1, 2]; r[:] = []
del r[5]; del r[1:]
r[0] += 1
for op in r.ops:
    print(op)

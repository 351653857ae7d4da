class DefaultList(dict):
    def __missing__(self, key):
        self[key] = []
        return self[key]
d = DefaultList()
d['a'].append(1)
d['a'].append(2)
d['b'].append(3)
print(d, len(d), d.get('c'), 'c' in d)
class Counter(dict):
    def __missing__(self, key):
        return 0
    def update_from(self, it):
        for x in it:
            self[x] += 1
        return self
c = Counter().update_from('abracadabra')
print(sorted(c.items()), c['z'])
print(sorted(c, key=lambda k: (-c[k], k))[:3])

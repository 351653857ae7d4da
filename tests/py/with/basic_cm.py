class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('open', self.name)
        return self
    def __exit__(self, et, ev, tb):
        print('close', self.name, 'exc' if et else 'clean')
        return False
with Resource('r1') as r:
    print('using', r.name)
with Resource('r2'):
    print('no as target')
r3 = Resource('r3')
with r3 as same:
    print(same is r3)
print('done')

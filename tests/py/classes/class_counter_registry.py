class Tracked:
    instances = 0
    registry = []
    def __init__(self, name):
        type(self).instances += 1
        Tracked.registry.append(name)
        self.name = name
class Special(Tracked):
    instances = 0
a = Tracked('a')
b = Special('b')
c = Special('c')
print(Tracked.instances, Special.instances, Tracked.registry)
print(a.instances, b.instances)

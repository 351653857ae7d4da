class MinHeap:
    def __init__(self):
        self.a = []
    def push(self, item):
        a = self.a
        a.append(item)
        i = len(a) - 1
        while i > 0:
            p = (i - 1) // 2
            if a[i] < a[p]:
                a[i], a[p] = a[p], a[i]
                i = p
            else:
                break
    def pop(self):
        a = self.a
        if not a:
            raise IndexError('pop from empty heap')
        top = a[0]
        last = a.pop()
        if a:
            a[0] = last
            i = 0
            while True:
                l, r, s = 2 * i + 1, 2 * i + 2, i
                if l < len(a) and a[l] < a[s]:
                    s = l
                if r < len(a) and a[r] < a[s]:
                    s = r
                if s == i:
                    break
                a[i], a[s] = a[s], a[i]
                i = s
        return top
    def __len__(self):
        return len(self.a)
h = MinHeap()
for v in [5, 3, 8, 1, 9, 2, 7, 1]:
    h.push(v)
print([h.pop() for _ in range(len(h))])
try:
    h.pop()
except IndexError as e:
    print('IndexError', e)
tasks = MinHeap()
counter = 0
for prio, name in [(2, 'write docs'), (1, 'fix bug'), (3, 'refactor'), (1, 'deploy'), (2, 'review')]:
    tasks.push((prio, counter, name))
    counter += 1
while len(tasks):
    prio, _, name = tasks.pop()
    print(prio, name)
def k_smallest(xs, k):
    h = MinHeap()
    for x in xs:
        h.push(x)
    return [h.pop() for _ in range(min(k, len(h)))]
print(k_smallest([9, 4, 7, 1, 8, 2, 6], 3), k_smallest([], 2))

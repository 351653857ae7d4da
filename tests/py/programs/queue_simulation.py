class LCG:
    def __init__(self, seed):
        self.state = seed
    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2**64
        return self.state >> 33
    def randint(self, a, b):
        return a + self.next() % (b - a + 1)
rng = LCG(42)
queue = []
served = []
clock = 0
next_id = 1
busy_until = 0
current = None
while clock < 60:
    if rng.randint(0, 9) < 4:
        queue.append((next_id, clock, rng.randint(2, 6)))
        next_id += 1
    if current and clock >= busy_until:
        served.append(current)
        current = None
    if current is None and queue:
        cid, arrived, duration = queue.pop(0)
        current = (cid, arrived, clock)
        busy_until = clock + duration
    clock += 1
print('arrived:', next_id - 1, 'served:', len(served), 'waiting:', len(queue))
waits = [start - arrived for _, arrived, start in served]
print('waits:', waits)
print('max wait:', max(waits), 'avg wait:', round(sum(waits) / len(waits), 2))
print([rng.randint(1, 6) for _ in range(10)])

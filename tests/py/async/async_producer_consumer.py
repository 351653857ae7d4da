class Queue:
    def __init__(self):
        self.items = []
    async def get(self):
        while not self.items:
            await Yield()
        return self.items.pop(0)
    def put(self, x):
        self.items.append(x)
class Yield:
    def __await__(self):
        yield
async def producer(q, n):
    for i in range(n):
        print('produce', i)
        q.put(i)
        await Yield()
    q.put(None)
async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            return total
        print('consume', item)
        total += item
def run_all(*coros):
    tasks = list(coros)
    results = {}
    while tasks:
        for t in list(tasks):
            try:
                t.send(None)
            except StopIteration as e:
                results[t.__name__] = e.value
                tasks.remove(t)
    return results
q = Queue()
print(run_all(producer(q, 4), consumer(q)))

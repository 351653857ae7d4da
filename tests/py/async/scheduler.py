class Yield:
    def __await__(self):
        yield
class Scheduler:
    def __init__(self):
        self.ready = []
        self.results = {}
    def spawn(self, name, coro):
        self.ready.append((name, coro))
    def run(self):
        while self.ready:
            name, coro = self.ready.pop(0)
            try:
                coro.send(None)
            except StopIteration as e:
                self.results[name] = e.value
                print(f'{name} finished -> {e.value}')
            else:
                self.ready.append((name, coro))
async def worker(name, n):
    total = 0
    for i in range(n):
        print(f'{name} step {i}')
        total += i
        await Yield()
    return total
s = Scheduler()
s.spawn('A', worker('A', 3))
s.spawn('B', worker('B', 2))
s.spawn('C', worker('C', 1))
s.run()
print(sorted(s.results.items()))

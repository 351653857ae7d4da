class Sleep:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        for _ in range(self.n):
            yield
async def job(name, ticks):
    print(f'{name} start')
    await Sleep(ticks)
    print(f'{name} done after {ticks}')
    return name.upper()
def gather(*coros):
    pending = list(enumerate(coros))
    results = [None] * len(coros)
    tick = 0
    while pending:
        tick += 1
        for item in list(pending):
            idx, c = item
            try:
                c.send(None)
            except StopIteration as e:
                results[idx] = e.value
                pending.remove(item)
    return results, tick
print(gather(job('a', 3), job('b', 1), job('c', 2)))

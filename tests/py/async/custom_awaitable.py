class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        for i in range(self.ticks):
            got = yield f'tick {i}'
            print('awaitable resumed with', got)
        return f'slept {self.ticks}'
async def task():
    r1 = await Sleep(2)
    print(r1)
    r2 = await Sleep(1)
    return r1 + ' then ' + r2
coro = task()
print(coro.send(None))
print(coro.send('a'))
print(coro.send('b'))
try:
    coro.send('c')
except StopIteration as e:
    print('final:', e.value)
class NotAwaitable: pass
async def bad():
    await NotAwaitable()
try:
    bad().send(None)
except TypeError as e:
    print('TypeError', e)

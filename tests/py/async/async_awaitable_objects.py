class Future:
    def __init__(self):
        self.done = False
        self.result = None
        self.callbacks = []
    def set_result(self, v):
        self.done = True
        self.result = v
    def __await__(self):
        while not self.done:
            yield self
        return self.result
async def waiter(fut, name):
    print(name, 'waiting')
    v = await fut
    print(name, 'got', v)
    return v * 2
fut = Future()
w1 = waiter(fut, 'w1')
w2 = waiter(fut, 'w2')
print(w1.send(None) is fut, w2.send(None) is fut)
print(w1.send(None) is fut)
fut.set_result(21)
for w in (w1, w2):
    try:
        w.send(None)
    except StopIteration as e:
        print('result', e.value)

class AsyncCM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        print('aenter', self.name)
        return self.name + '-resource'
    async def __aexit__(self, et, ev, tb):
        print('aexit', self.name, et.__name__ if et else None)
        return self.suppress
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def main():
    async with AsyncCM('one') as r:
        print('using', r)
    async with AsyncCM('two', suppress=True):
        raise ValueError('hidden')
    try:
        async with AsyncCM('three'):
            raise KeyError('k')
    except KeyError as e:
        print('propagated', repr(e))
    async with AsyncCM('a') as x, AsyncCM('b') as y:
        print(x, y)
    return 'main done'
print(run(main()))

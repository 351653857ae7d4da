log = []
class Conn:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        log.append(f'connect {self.name}')
        return self
    async def __aexit__(self, et, ev, tb):
        log.append(f'disconnect {self.name} ({et.__name__ if et else "ok"})')
        return False
    async def query(self, q):
        if q == 'bad':
            raise ValueError('bad query')
        return f'{self.name}:{q}'
async def main():
    results = []
    async with Conn('db1') as c:
        results.append(await c.query('select'))
    try:
        async with Conn('db2') as c:
            await c.query('bad')
    except ValueError as e:
        results.append(str(e))
    return results
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
print(log)

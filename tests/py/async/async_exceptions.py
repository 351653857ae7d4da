class Pause:
    def __await__(self):
        yield 'pause'
async def might_fail(n):
    await Pause()
    if n < 0:
        raise ValueError(f'negative {n}')
    return n * 2
async def main():
    results = []
    for n in [1, -1, 3]:
        try:
            results.append(await might_fail(n))
        except ValueError as e:
            results.append(f'error: {e}')
        finally:
            results.append('|')
    return results
def run(coro):
    steps = 0
    try:
        while True:
            coro.send(None)
            steps += 1
    except StopIteration as e:
        return e.value, steps
print(run(main()))
async def uncaught():
    await Pause()
    raise KeyError('escapes')
c = uncaught()
c.send(None)
try:
    c.send(None)
except KeyError as e:
    print('KeyError from coroutine', e)

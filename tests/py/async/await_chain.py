class Value:
    def __init__(self, v): self.v = v
    def __await__(self):
        return self.v
        yield
async def level3():
    return await Value(3)
async def level2():
    return await level3() * 2
async def level1():
    v = await level2()
    try:
        await failing()
    except ValueError as e:
        return v, str(e)
async def failing():
    raise ValueError('async failure')
c = level1()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
async def thrower():
    try:
        await Pause()
    except KeyError as e:
        return 'caught ' + repr(e)
class Pause:
    def __await__(self):
        yield 'paused'
t = thrower()
print(t.send(None))
try:
    t.throw(KeyError('injected'))
except StopIteration as e:
    print(e.value)

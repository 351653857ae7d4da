# Leaving with/async with/finally blocks by return and break, also in generators.
import asyncio

class AC:
    def __init__(self, n):
        self.n = n
    async def __aenter__(self):
        print("enter", self.n)
        return self
    async def __aexit__(self, t, v, tb):
        print("exit", self.n, t)
        return False

async def ret_in_awith():
    async with AC(1):
        async with AC(2):
            return "r"

async def break_in_awith():
    for i in range(3):
        async with AC(i):
            if i == 1:
                break
            continue
    return i

class CM:
    def __enter__(self):
        print("cm enter")
    def __exit__(self, *a):
        print("cm exit", a[0])

def two_level():
    try:
        with CM():
            try:
                return "val"
            finally:
                print("inner fin")
    finally:
        print("outer fin")

def loops():
    for i in range(3):
        for j in range(3):
            try:
                try:
                    if j == 1:
                        break
                finally:
                    print("f1", i, j)
            finally:
                print("f2", i, j)
        if i == 1:
            break
    return i, j

def gen():
    try:
        with CM():
            yield 1
            yield 2
    finally:
        print("gen fin")

async def main():
    print(await ret_in_awith())
    print(await break_in_awith())

asyncio.run(main())
print(two_level())
print(loops())
g = gen(); next(g); g.close()
def genret():
    with CM():
        return (yield 5)
gr = genret(); next(gr)
try:
    gr.send(9)
except StopIteration as e:
    print("stop", e.value)

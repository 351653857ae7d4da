import heapq

data = [5, 3, 8, 1, 9, 2, 7, 3, 6, 0, 4, 8]
h = []
for x in data:
    heapq.heappush(h, x)
    print(h)
out = []
while h:
    out.append(heapq.heappop(h))
    print(h)
print(out)
h = list(data)
heapq.heapify(h)
print(h)
print(heapq.heapreplace(h, 10), h)
print(heapq.heappushpop(h, -1), h)
print(heapq.heappushpop(h, 11), h)
print(heapq.heappushpop([], 3))
h = [(2, 'b'), (1, 'a'), (2, 'a'), (0, 'z')]
heapq.heapify(h)
print(h, heapq.heappop(h))
words = ['pear', 'fig', 'banana', 'kiwi', 'apple', 'date', 'plum']
print(heapq.nsmallest(3, data), heapq.nlargest(3, data), heapq.nsmallest(0, data), heapq.nlargest(20, data))
print(heapq.nsmallest(3, words, key=len), heapq.nlargest(3, words, key=len), heapq.nlargest(2, iter(words)))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3, 6, 9])))
print(list(heapq.merge(['a', 'ccc'], ['bb', 'dddd'], key=len)))
print(list(heapq.merge([7, 4, 1], [8, 5, 2], reverse=True)), list(heapq.merge()))
big = [(i * 37) % 101 for i in range(101)]
heapq.heapify(big)
print(big[:20], [heapq.heappop(big) for _ in range(10)])

def err(f, *a):
    try:
        print('ok', f(*a))
    except Exception as e:
        print(type(e).__name__, e)

err(heapq.heappop, [])
err(heapq.heapreplace, [], 1)
err(heapq.heappush, (), 1)
err(heapq.heapify, None)
err(heapq.heappush, [1], 'a')

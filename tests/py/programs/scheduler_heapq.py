# A task scheduler with heapq priorities, dependencies (topological sort),
# and a report formatted with f-strings.
import heapq


class Task:
    def __init__(self, name, priority, duration, deps=()):
        self.name, self.priority, self.duration = name, priority, duration
        self.deps = set(deps)

    def __lt__(self, other):
        return (self.priority, self.name) < (other.priority, other.name)

    def __repr__(self):
        return f"Task({self.name!r}, p={self.priority})"


tasks = [
    Task("design", 1, 3),
    Task("build", 2, 5, ["design"]),
    Task("test", 2, 2, ["build"]),
    Task("docs", 3, 2, ["design"]),
    Task("release", 1, 1, ["test", "docs"]),
    Task("coffee", 0, 1),
]
by_name = {t.name: t for t in tasks}


def topo_order(tasks):
    indeg = {t.name: len(t.deps) for t in tasks}
    users = {t.name: [] for t in tasks}
    for t in tasks:
        for d in t.deps:
            users[d].append(t.name)
    ready = [by_name[n] for n, k in indeg.items() if k == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        t = heapq.heappop(ready)
        order.append(t.name)
        for u in sorted(users[t.name]):
            indeg[u] -= 1
            if indeg[u] == 0:
                heapq.heappush(ready, by_name[u])
    if len(order) != len(tasks):
        raise ValueError("cycle detected")
    return order


order = topo_order(tasks)
print(order)
clock = 0
print(f"{'task':<10}{'start':>6}{'end':>6}  bar")
for name in order:
    t = by_name[name]
    start, clock = clock, clock + t.duration
    print(f"{name:<10}{start:>6}{clock:>6}  {' ' * start}{'#' * t.duration}")
print(f"total: {clock} units")
try:
    topo_order([Task("a", 1, 1, ["b"]), Task("b", 1, 1, ["a"])])
except (ValueError, KeyError) as e:
    print(type(e).__name__, e)

h = []
for i, w in enumerate("the quick brown fox jumps over the lazy dog".split()):
    heapq.heappush(h, (len(w), -i, w))
print([heapq.heappop(h)[2] for _ in range(4)])
nums = [15, 3, 22, 8, 1, 42, 7, 19]
print(heapq.nsmallest(3, nums) if hasattr(heapq, "nsmallest") else sorted(nums)[:3])
print(heapq.nlargest(2, nums) if hasattr(heapq, "nlargest") else sorted(nums)[-2:][::-1])
heap = list(nums)
heapq.heapify(heap)
out = []
while heap:
    out.append(heapq.heappop(heap))
print(out, out == sorted(nums))
print(heapq.heappushpop([1, 5, 9], 3) if hasattr(heapq, "heappushpop") else 1)
h2 = [2, 4, 6]
print(heapq.heapreplace(h2, 5) if hasattr(heapq, "heapreplace") else 2, h2)


def merge_sorted(*lists):
    heap = [(lst[0], i, 0) for i, lst in enumerate(lists) if lst]
    heapq.heapify(heap)
    while heap:
        v, i, j = heapq.heappop(heap)
        yield v
        if j + 1 < len(lists[i]):
            heapq.heappush(heap, (lists[i][j + 1], i, j + 1))


print(list(merge_sorted([1, 4, 9], [2, 3, 10, 11], [], [0, 5])))


def dijkstra(graph, src):
    dist = {src: 0}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph.get(u, ()):
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                heapq.heappush(pq, (nd, v))
    return dist


g = {"A": [("B", 4), ("C", 1)], "C": [("B", 2), ("D", 7)], "B": [("D", 1)], "D": [("E", 3)]}
print(sorted(dijkstra(g, "A").items()))

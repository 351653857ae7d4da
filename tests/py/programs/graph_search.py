graph = {
    'A': ['B', 'C'], 'B': ['D', 'E'], 'C': ['F'], 'D': [], 'E': ['F', 'G'], 'F': ['H'], 'G': ['H'], 'H': [],
}
def bfs(start, goal):
    frontier = [[start]]
    seen = {start}
    while frontier:
        path = frontier.pop(0)
        if path[-1] == goal:
            return path
        for n in graph[path[-1]]:
            if n not in seen:
                seen.add(n)
                frontier.append(path + [n])
    return None
def dfs(node, seen=None, order=None):
    if seen is None:
        seen, order = set(), []
    seen.add(node)
    order.append(node)
    for n in graph[node]:
        if n not in seen:
            dfs(n, seen, order)
    return order
def topo():
    indeg = {n: 0 for n in graph}
    for ns in graph.values():
        for n in ns:
            indeg[n] += 1
    ready = sorted(n for n, d in indeg.items() if d == 0)
    out = []
    while ready:
        n = ready.pop(0)
        out.append(n)
        for m in graph[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
                ready.sort()
    return out
print(bfs('A', 'H'), bfs('D', 'A'), bfs('A', 'A'))
print(dfs('A'))
print(topo())
weighted = {'a': {'b': 7, 'c': 9, 'f': 14}, 'b': {'c': 10, 'd': 15}, 'c': {'d': 11, 'f': 2}, 'd': {'e': 6}, 'e': {}, 'f': {'e': 9}}
def dijkstra(src):
    dist = {n: float('inf') for n in weighted}
    dist[src] = 0
    prev = {}
    todo = set(weighted)
    while todo:
        u = min(sorted(todo), key=lambda n: dist[n])
        todo.remove(u)
        for v, w in weighted[u].items():
            if dist[u] + w < dist[v]:
                dist[v] = dist[u] + w
                prev[v] = u
    return dist, prev
dist, prev = dijkstra('a')
print(dist)
node, path = 'e', []
while node:
    path.append(node)
    node = prev.get(node)
print(path[::-1])

tree = {'name': 'root', 'children': [
    {'name': 'a', 'children': [{'name': 'a1', 'children': []}, {'name': 'a2', 'children': []}]},
    {'name': 'b', 'children': [{'name': 'b1', 'children': [{'name': 'b1x', 'children': []}]}]},
]}
def walk(node, depth=0):
    yield depth, node['name']
    for c in node['children']:
        yield from walk(c, depth + 1)
for depth, name in walk(tree):
    print('  ' * depth + name)
def leaves(node):
    if not node['children']:
        yield node['name']
    for c in node['children']:
        yield from leaves(c)
print(list(leaves(tree)))
def bfs(node):
    queue = [node]
    while queue:
        n = queue.pop(0)
        yield n['name']
        queue.extend(n['children'])
print(list(bfs(tree)))
def paths(node, prefix=()):
    p = prefix + (node['name'],)
    if not node['children']:
        yield '/'.join(p)
    for c in node['children']:
        yield from paths(c, p)
print(list(paths(tree)))

# collections: namedtuple, deque, defaultdict, Counter, OrderedDict in a
# small inventory and log-analysis program.
from collections import namedtuple, deque, defaultdict, OrderedDict, Counter

Item = namedtuple("Item", ["sku", "name", "qty", "price"])
Point = namedtuple("Point", "x y")
stock = [Item("A1", "bolt", 100, 0.05), Item("B2", "nut", 250, 0.03), Item("C3", "gear", 8, 12.5),
         Item("D4", "spring", 0, 1.25)]
print(stock[0], stock[0].name, stock[0][2], len(stock[0]))
print(Point(1, 2), Point(x=3, y=4)._asdict(), Point._fields, Point(1, 2) == (1, 2))
p = Point(5, 6)
print(p._replace(x=0), p, tuple(p), p.x + p.y)
x, y = p
print(x, y, isinstance(p, tuple), Point._make([7, 8]))
value = sum(i.qty * i.price for i in stock)
print(f"stock value: {value:.2f}")
print([i.name for i in sorted(stock, key=lambda i: i.qty * i.price, reverse=True)])
print([i.sku for i in stock if not i.qty])

log = """GET /index 200
GET /about 200
POST /login 302
GET /index 200
GET /missing 404
POST /login 200
GET /index 500
GET /about 200""".splitlines()
status = Counter(line.split()[2] for line in log)
paths = Counter(line.split()[1] for line in log)
print(status, status.most_common(2), paths["/index"], paths["/nowhere"])
print(sorted(status.elements())[:5], sum(status.values()), len(status))
c2 = Counter("abracadabra")
print(c2.most_common(3), c2["z"], sorted(c2.items()))
c3 = Counter(a=3, b=1)
c3.update({"a": 1, "c": 2})
c3.subtract(["b", "b"])
print(sorted(c3.items()), c3 + Counter(a=1), c3 - Counter(a=10))
by_method = defaultdict(list)
for line in log:
    method, path, code = line.split()
    by_method[method].append((path, int(code)))
print(dict(by_method))
print(by_method["PUT"], sorted(by_method))
counts = defaultdict(int)
for line in log:
    counts[line.split()[1]] += 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
nested = defaultdict(lambda: defaultdict(int))
for line in log:
    m, pth, code = line.split()
    nested[m][code] += 1
print({k: dict(v) for k, v in nested.items()})

recent = deque(maxlen=3)
for line in log:
    recent.append(line.split()[1])
print(recent, list(recent), recent.maxlen)
d = deque([1, 2, 3])
d.appendleft(0)
d.extend([4, 5])
d.extendleft([-1, -2])
print(d, d.pop(), d.popleft(), d, len(d), d[0], d[-1])
d.rotate(2) if hasattr(d, "rotate") else None
print(list(d))
queue = deque()
for task in ["a", "b", "c"]:
    queue.append(task)
while queue:
    t = queue.popleft()
    print("processing", t, "remaining", len(queue))
try:
    deque().pop()
except IndexError as e:
    print("IndexError:", e)
od = OrderedDict()
for k in "zyx":
    od[k] = ord(k)
od.move_to_end("z")
print(od, list(od.keys()), od.popitem(last=False))
window = deque(maxlen=4)
avgs = []
for v in [10, 20, 30, 40, 50, 60]:
    window.append(v)
    avgs.append(sum(window) / len(window))
print(avgs)

# Iterator protocol classes: __iter__/__next__, __getitem__ fallback,
# __reversed__, __contains__, __len__, iter(callable, sentinel), and
# a linked structure with a generator-based __iter__.


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i


class Range2:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1

    def __reversed__(self):
        return iter(range(self.n - 1, -1, -1))

    def __len__(self):
        return self.n

    def __contains__(self, x):
        print(f"  (contains {x})")
        return 0 <= x < self.n


class Node:
    def __init__(self, value, nxt=None):
        self.value, self.next = value, nxt


class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for x in reversed(list(items)):
            self.head = Node(x, self.head)
            self.size += 1

    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next

    def __len__(self):
        return self.size

    def __getitem__(self, i):
        if i < 0:
            i += self.size
        for j, v in enumerate(self):
            if j == i:
                return v
        raise IndexError("LinkedList index out of range")

    def __repr__(self):
        return " -> ".join(map(repr, self)) or "empty"

    def __eq__(self, other):
        return isinstance(other, LinkedList) and list(self) == list(other)

    def __bool__(self):
        return self.head is not None


print(list(Countdown(4)), sum(Countdown(10)))
c = Countdown(3)
print(next(c), next(c), next(c), next(c, "done"))
it = iter(c)
print(it is c, list(c))
print(list(Squares()), 9 in Squares(), 10 in Squares(), list(reversed([1, 2])))
for i, sq in enumerate(Squares()):
    print(i, sq, end="; ")
print()
r = Range2(4)
print(list(r), list(reversed(r)), len(r), 2 in r, 7 in r, sorted(r, reverse=True))
print(max(r), min(r), sum(r), list(zip(r, "abcd")), dict(enumerate(r, 1)))
ll = LinkedList([3, 1, 4, 1, 5])
print(ll, len(ll), ll[2], ll[-1], 4 in ll, list(map(str, ll)), bool(ll), bool(LinkedList()))
print(LinkedList("ab") == LinkedList(["a", "b"]), LinkedList(), sorted(ll))
try:
    ll[10]
except IndexError as e:
    print("IndexError:", e)
data = iter([1, 2, 3, 0, 4, 5])
print(list(iter(lambda: next(data), 0)), list(data))
lines = iter(["a", "b", "", "c"])
print(list(iter(lines.__next__, "")))
it = iter([1, 2, 3])
print(list(zip(it, it)), list(it))
gen = (x * 2 for x in range(3))
print(next(gen), list(gen), list(gen))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration from empty")
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
a, b, *c = Countdown(5)
print(a, b, c)
print(*Countdown(3), sep=",")
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(all(Countdown(3)), any(Squares()), list(enumerate("ab", start=10)))

class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for it in reversed(list(items)):
            self.push_front(it)
    def push_front(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def append(self, v):
        node = Node(v)
        if not self.head:
            self.head = node
        else:
            cur = self.head
            while cur.next:
                cur = cur.next
            cur.next = node
        self.size += 1
    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.value
            cur = cur.next
    def __len__(self):
        return self.size
    def __repr__(self):
        return 'LinkedList([' + ' -> '.join(map(repr, self)) + '])'
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def remove(self, v):
        prev, cur = None, self.head
        while cur:
            if cur.value == v:
                if prev:
                    prev.next = cur.next
                else:
                    self.head = cur.next
                self.size -= 1
                return
            prev, cur = cur, cur.next
        raise ValueError(f'{v!r} not in list')
    def __getitem__(self, i):
        for idx, v in enumerate(self):
            if idx == i:
                return v
        raise IndexError('linked list index out of range')
ll = LinkedList([1, 2, 3])
ll.append(4)
ll.push_front(0)
print(ll, len(ll), list(ll), ll[2])
ll.reverse()
print(ll)
ll.remove(2)
ll.remove(4)
print(ll, len(ll), 3 in ll, 2 in ll)
for bad in [lambda: ll.remove(99), lambda: ll[10]]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(LinkedList(), len(LinkedList()))

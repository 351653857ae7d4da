class BST:
    def __init__(self):
        self.root = None
    def insert(self, key):
        def _ins(node):
            if node is None:
                return [key, None, None]
            if key < node[0]:
                node[1] = _ins(node[1])
            elif key > node[0]:
                node[2] = _ins(node[2])
            return node
        self.root = _ins(self.root)
    def __contains__(self, key):
        n = self.root
        while n:
            if key == n[0]:
                return True
            n = n[1] if key < n[0] else n[2]
        return False
    def inorder(self):
        def _walk(n):
            if n:
                yield from _walk(n[1])
                yield n[0]
                yield from _walk(n[2])
        return list(_walk(self.root))
    def height(self):
        def _h(n):
            return 0 if n is None else 1 + max(_h(n[1]), _h(n[2]))
        return _h(self.root)
    def levels(self):
        out, level = [], [self.root] if self.root else []
        while level:
            out.append([n[0] for n in level])
            level = [c for n in level for c in (n[1], n[2]) if c]
        return out
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k)
print(t.inorder())
print(t.height(), 45 in t, 55 in t)
print(t.levels())
class TreeNode:
    def __init__(self, val, left=None, right=None):
        self.val, self.left, self.right = val, left, right
    def __repr__(self):
        if not self.left and not self.right:
            return f'{self.val}'
        return f'({self.left!r} {self.val} {self.right!r})'
def build(sorted_vals):
    if not sorted_vals:
        return None
    mid = len(sorted_vals) // 2
    return TreeNode(sorted_vals[mid], build(sorted_vals[:mid]), build(sorted_vals[mid + 1:]))
print(build(list(range(1, 8))))

class Editor:
    def __init__(self):
        self.text = ''
        self.undo_stack = []
        self.redo_stack = []
    def _apply(self, cmd):
        kind, pos, s = cmd
        if kind == 'ins':
            self.text = self.text[:pos] + s + self.text[pos:]
        else:
            self.text = self.text[:pos] + self.text[pos + len(s):]
    @staticmethod
    def _inverse(cmd):
        kind, pos, s = cmd
        return ('del' if kind == 'ins' else 'ins', pos, s)
    def insert(self, pos, s):
        cmd = ('ins', pos, s)
        self._apply(cmd)
        self.undo_stack.append(cmd)
        self.redo_stack.clear()
    def delete(self, pos, n):
        cmd = ('del', pos, self.text[pos:pos + n])
        self._apply(cmd)
        self.undo_stack.append(cmd)
        self.redo_stack.clear()
    def undo(self):
        if not self.undo_stack:
            return False
        cmd = self.undo_stack.pop()
        self._apply(self._inverse(cmd))
        self.redo_stack.append(cmd)
        return True
    def redo(self):
        if not self.redo_stack:
            return False
        cmd = self.redo_stack.pop()
        self._apply(cmd)
        self.undo_stack.append(cmd)
        return True
e = Editor()
e.insert(0, 'Hello')
e.insert(5, ' World')
e.insert(5, ',')
print(repr(e.text))
e.delete(0, 7)
print(repr(e.text))
for op in ['undo', 'undo', 'redo', 'undo', 'undo', 'undo', 'undo', 'redo', 'redo']:
    r = getattr(e, op)()
    print(op, r, repr(e.text))
e.insert(0, '>> ')
print(e.redo(), repr(e.text), len(e.undo_stack))

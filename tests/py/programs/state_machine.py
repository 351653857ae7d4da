class TransitionError(Exception):
    pass
class Machine:
    def __init__(self, initial, transitions):
        self.state = initial
        self.transitions = transitions
        self.history = [initial]
    def fire(self, event):
        key = (self.state, event)
        if key not in self.transitions:
            raise TransitionError(f'cannot {event!r} from {self.state!r}')
        self.state = self.transitions[key]
        self.history.append(self.state)
        return self.state
door = Machine('closed', {
    ('closed', 'open'): 'opened',
    ('opened', 'close'): 'closed',
    ('closed', 'lock'): 'locked',
    ('locked', 'unlock'): 'closed',
})
for ev in ['open', 'close', 'lock', 'open', 'unlock', 'open']:
    try:
        print(ev, '->', door.fire(ev))
    except TransitionError as e:
        print('error:', e)
print(door.history)
def parse_number(s):
    state = 'start'
    table = {
        ('start', 'sign'): 'signed', ('start', 'digit'): 'int', ('signed', 'digit'): 'int',
        ('int', 'digit'): 'int', ('int', 'dot'): 'frac0', ('frac0', 'digit'): 'frac', ('frac', 'digit'): 'frac',
    }
    for ch in s:
        kind = 'digit' if ch.isdigit() else 'sign' if ch in '+-' else 'dot' if ch == '.' else 'other'
        state = table.get((state, kind), 'error')
        if state == 'error':
            return False
    return state in ('int', 'frac')
for s in ['123', '-4.5', '+.5', '1.', '3.14', '', '--1', '12a', '0.001']:
    print(repr(s), parse_number(s))

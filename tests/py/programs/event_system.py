class EventBus:
    def __init__(self):
        self.handlers = {}
        self.log = []
    def on(self, event, handler=None, priority=0):
        def register(h):
            self.handlers.setdefault(event, []).append((priority, len(self.handlers.get(event, [])), h))
            self.handlers[event].sort(key=lambda t: (-t[0], t[1]))
            return h
        return register(handler) if handler else register
    def off(self, event, handler):
        self.handlers[event] = [t for t in self.handlers.get(event, []) if t[2] is not handler]
    def emit(self, event, *args, **kwargs):
        results = []
        for _, _, h in self.handlers.get(event, []):
            try:
                r = h(*args, **kwargs)
            except Exception as e:
                self.log.append(f'{event}: {h.__name__} failed: {e}')
                continue
            if r == 'stop':
                results.append(r)
                break
            results.append(r)
        return results
bus = EventBus()
@bus.on('greet')
def hello(name):
    return f'hello {name}'
@bus.on('greet', priority=10)
def first(name):
    return f'first sees {name}'
def shout(name):
    return name.upper()
bus.on('greet', shout)
print(bus.emit('greet', 'ann'))
bus.off('greet', shout)
print(bus.emit('greet', name='bob'))
@bus.on('save')
def failing(doc):
    raise IOError('disk full')
@bus.on('save')
def stopper(doc):
    return 'stop'
@bus.on('save')
def never(doc):
    return 'unreachable'
print(bus.emit('save', {'id': 1}))
print(bus.emit('unknown'))
print(bus.log)

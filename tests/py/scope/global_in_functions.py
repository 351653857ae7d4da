counter = 0
def increment():
    global counter
    counter += 1
for _ in range(5):
    increment()
print(counter)
def read_only():
    return counter * 2
print(read_only())
config = {'debug': False}
def enable():
    config['debug'] = True
enable()
print(config)
def multi():
    global p, q
    p, q = 'P', 'Q'
multi()
print(p, q)
def nested():
    def inner():
        global deep
        deep = 'deep global'
    inner()
nested()
print(deep)

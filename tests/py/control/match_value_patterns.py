class Color:
    RED = 'red'
    GREEN = 'green'
    BLUE = 'blue'
def name(c):
    match c:
        case Color.RED:
            return 'R'
        case Color.GREEN | Color.BLUE:
            return 'G or B'
        case _:
            return '?'
print(name('red'), name('green'), name('blue'), name('pink'))
def cmd(line):
    match line.split():
        case ['go', ('north' | 'south' | 'east' | 'west') as d]:
            return 'going ' + d
        case ['pick', 'up', item]:
            return 'picked ' + item
        case ['drop', *items] if items:
            return 'dropped ' + ', '.join(items)
        case ['quit' | 'exit']:
            return 'bye'
        case []:
            return 'empty'
        case _:
            return 'unknown: ' + line
for l in ['go north', 'go up', 'pick up lamp', 'drop a b c', 'drop', 'quit', 'exit', '', 'dance']:
    print(repr(l), cmd(l))

PAIRS = {')': '(', ']': '[', '}': '{'}
def check(s):
    stack = []
    for i, ch in enumerate(s):
        if ch in '([{':
            stack.append((ch, i))
        elif ch in PAIRS:
            if not stack:
                return f'unexpected {ch!r} at {i}'
            open_ch, pos = stack.pop()
            if open_ch != PAIRS[ch]:
                return f'mismatch {open_ch!r} at {pos} vs {ch!r} at {i}'
    if stack:
        return f'unclosed {stack[-1][0]!r} at {stack[-1][1]}'
    return 'ok'
for s in ['()', '([]{})', '(]', '((', '))', 'f(a[1], {b: (c)})', '', '{[()()]}', '[(])']:
    print(repr(s), check(s))
def max_depth(s):
    d = m = 0
    for ch in s:
        if ch in '([{':
            d += 1
            m = max(m, d)
        elif ch in ')]}':
            d -= 1
    return m
print([max_depth(s) for s in ['', '()', '(())', '([{}])()', '((()()))']])
def generate(n):
    out = []
    def go(s, o, c):
        if len(s) == 2 * n:
            out.append(s)
            return
        if o < n:
            go(s + '(', o + 1, c)
        if c < o:
            go(s + ')', o, c + 1)
    go('', 0, 0)
    return out
print(generate(3), [len(generate(i)) for i in range(1, 8)])

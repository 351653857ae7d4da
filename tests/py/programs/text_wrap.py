TEXT = ('Python is an easy to learn, powerful programming language. It has efficient high-level data '
        'structures and a simple but effective approach to object-oriented programming. Its elegant syntax '
        'and dynamic typing make it an ideal language for scripting.')
def wrap(text, width):
    lines, cur = [], ''
    for word in text.split():
        if len(word) > width:
            if cur:
                lines.append(cur)
                cur = ''
            while len(word) > width:
                lines.append(word[:width])
                word = word[width:]
        if not cur:
            cur = word
        elif len(cur) + 1 + len(word) <= width:
            cur += ' ' + word
        else:
            lines.append(cur)
            cur = word
    if cur:
        lines.append(cur)
    return lines
def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return line.ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    out = ''
    for i, w in enumerate(words[:-1]):
        out += w + ' ' * (spaces // gaps + (1 if i < spaces % gaps else 0))
    return out + words[-1]
for width in (30, 45):
    print('=' * width)
    lines = wrap(TEXT, width)
    for l in lines[:-1]:
        print(justify(l, width) + '|')
    print(lines[-1].ljust(width) + '|')
print(wrap('supercalifragilisticexpialidocious is long', 10))
print(wrap('', 10))

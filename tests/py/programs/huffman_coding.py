def build_tree(text):
    freq = {}
    for ch in text:
        freq[ch] = freq.get(ch, 0) + 1
    nodes = [(n, i, ch) for i, (ch, n) in enumerate(sorted(freq.items()))]
    counter = len(nodes)
    while len(nodes) > 1:
        nodes.sort(key=lambda t: (t[0], t[1]))
        a, b = nodes.pop(0), nodes.pop(0)
        nodes.append((a[0] + b[0], counter, (a, b)))
        counter += 1
    return nodes[0], freq
def codes(node, prefix='', table=None):
    table = {} if table is None else table
    payload = node[2]
    if isinstance(payload, str):
        table[payload] = prefix or '0'
    else:
        codes(payload[0], prefix + '0', table)
        codes(payload[1], prefix + '1', table)
    return table
text = 'abracadabra alakazam'
tree, freq = build_tree(text)
table = codes(tree)
for ch in sorted(table, key=lambda c: (len(table[c]), c)):
    print(repr(ch), freq[ch], table[ch])
encoded = ''.join(table[c] for c in text)
print(len(encoded), 'bits vs', 8 * len(text))
rev = {v: k for k, v in table.items()}
out, cur = [], ''
for bit in encoded:
    cur += bit
    if cur in rev:
        out.append(rev[cur])
        cur = ''
print(''.join(out) == text)

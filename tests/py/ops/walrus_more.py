import math
data = [4, 9, 16, 25, 2]
roots = [r for x in data if (r := math.sqrt(x)) == int(r)]
print(roots)
def chunks(s, n):
    i = 0
    out = []
    while (piece := s[i:i + n]):
        out.append(piece)
        i += n
    return out
print(chunks('abcdefgh', 3))
print([last := 0] and [last := last + i for i in range(5)], last)
if (m := max(data)) > 20:
    print('max', m)
print((w := 3) * w)
counts = {}
for ch in 'hello':
    counts[ch] = (c := counts.get(ch, 0)) + 1
print(counts, c)

def rle_encode(s):
    if not s:
        return []
    out = []
    prev, count = s[0], 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            out.append((prev, count))
            prev, count = ch, 1
    out.append((prev, count))
    return out
def rle_str(s):
    return ''.join(f'{n}{c}' if n > 1 else c for c, n in rle_encode(s))
def rle_decode(s):
    out, num = [], ''
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num or 1))
            num = ''
    return ''.join(out)
for s in ['', 'a', 'aaabbbcccd', 'abcd', 'wwwwwwwwwwwwbwwwwwwwwwwwwbbbwwwwwwwwwwwwwwwwwwwwwwwwbwwwwwwwwwwwwww', 'aabbaa']:
    e = rle_str(s)
    print(repr(s[:20]), rle_encode(s)[:4], repr(e), rle_decode(e) == s)
def look_and_say(n):
    s = '1'
    seq = [s]
    for _ in range(n - 1):
        s = ''.join(f'{c}{ch}' for ch, c in rle_encode(s))
        seq.append(s)
    return seq
print(look_and_say(8))
print([len(x) for x in look_and_say(20)])

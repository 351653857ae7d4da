def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isalpha() and ch.isascii():
            base = ord('A') if ch.isupper() else ord('a')
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return ''.join(out)
def vigenere(text, key, decrypt=False):
    out, ki = [], 0
    for ch in text:
        if ch.isalpha():
            k = ord(key[ki % len(key)].lower()) - ord('a')
            out.append(caesar(ch, -k if decrypt else k))
            ki += 1
        else:
            out.append(ch)
    return ''.join(out)
msg = 'Attack at Dawn! Meet at the old bridge, 5pm.'
enc = caesar(msg, 3)
print(enc)
print(caesar(enc, -3))
print(caesar('xyz XYZ', 4))
v = vigenere(msg, 'lemon')
print(v)
print(vigenere(v, 'lemon', decrypt=True))
def freq_crack(ciphertext):
    best = None
    for s in range(26):
        cand = caesar(ciphertext, -s)
        score = sum(cand.lower().count(c) for c in 'etaoin')
        if best is None or score > best[0]:
            best = (score, s, cand)
    return best[1], best[2]
print(freq_crack(caesar('the eternal energy of the sea meets the tree', 11)))

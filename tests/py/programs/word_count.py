text = """The quick brown fox jumps over the lazy dog. The dog barks;
the fox runs away! A quick, quick fox -- and a lazy, lazy dog."""
def tokenize(s):
    word = []
    for ch in s.lower():
        if ch.isalpha():
            word.append(ch)
        elif word:
            yield ''.join(word)
            word = []
    if word:
        yield ''.join(word)
counts = {}
for w in tokenize(text):
    counts[w] = counts.get(w, 0) + 1
print(len(counts), 'distinct words')
for word, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f'{word:>6} {n:2d} {"*" * n}')
by_len = {}
for w in counts:
    by_len.setdefault(len(w), []).append(w)
for k in sorted(by_len):
    print(k, sorted(by_len[k]))
letters = {}
for ch in text.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
print(''.join(sorted(letters, key=lambda c: (-letters[c], c)))[:10])

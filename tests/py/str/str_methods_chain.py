raw = '   The Quick  BROWN fox\tjumps   '
print(repr(raw.strip().lower().replace('  ', ' ')))
print(' '.join(raw.split()).title())
print('_'.join(raw.lower().split()))
print(raw.strip().split(' ', 2))
print([w.capitalize() for w in raw.split() if len(w) > 3])
print(raw.count(' '), raw.strip().count(' '), len(raw) - len(raw.lstrip()))
slug = ''.join(c if c.isalnum() else '-' for c in raw.strip().lower())
while '--' in slug:
    slug = slug.replace('--', '-')
print(slug)

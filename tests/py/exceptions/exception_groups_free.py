errors = []
def risky(n):
    if n % 3 == 0:
        raise ValueError(f'{n} divisible by 3')
    if n % 5 == 0:
        raise KeyError(n)
    return n
ok = []
for n in range(1, 16):
    try:
        ok.append(risky(n))
    except (ValueError, KeyError) as e:
        errors.append((type(e).__name__, str(e)))
print(ok)
for e in errors:
    print(e)
counts = {}
for name, _ in errors:
    counts[name] = counts.get(name, 0) + 1
print(counts)

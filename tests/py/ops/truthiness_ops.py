vals = [0, 1, -1, 0.0, 0.5, '', 'a', [], [0], (), {}, set(), None, True, False, 0j, b'', range(0)]
print([bool(v) for v in vals])
print([v for v in vals if v])
print([repr(v or 'default') for v in vals[:6]])
print([repr(v and 'yes') for v in vals[:6]])
print(all(vals[1:2]), any(vals), sum(1 for v in vals if not v))

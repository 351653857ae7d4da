readings = {
    'mon': [12.5, 14.0, 17.5, 15.0],
    'tue': [10.0, 11.5, 13.0, 12.0],
    'wed': [15.5, 18.0, 21.5, 19.0],
    'thu': [14.0, 16.5, 20.0, 17.5],
    'fri': [9.5, 10.0, 12.5, 11.0],
}
def mean(xs):
    return sum(xs) / len(xs)
def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
def variance(xs):
    m = mean(xs)
    return sum((x - m) ** 2 for x in xs) / len(xs)
print(f"{'day':<5}{'min':>6}{'max':>6}{'mean':>8}{'median':>8}{'var':>8}")
for day, xs in readings.items():
    print(f'{day:<5}{min(xs):>6.1f}{max(xs):>6.1f}{mean(xs):>8.3f}{median(xs):>8.2f}{variance(xs):>8.3f}')
allv = [x for xs in readings.values() for x in xs]
print('overall', mean(allv), median(allv), min(allv), max(allv))
warmest = max(readings, key=lambda d: mean(readings[d]))
coldest = min(readings, key=lambda d: mean(readings[d]))
print('warmest', warmest, 'coldest', coldest)
to_f = {d: [round(c * 9 / 5 + 32, 1) for c in xs] for d, xs in readings.items()}
print(to_f['wed'])
hist = {}
for x in allv:
    bucket = int(x // 5 * 5)
    hist[bucket] = hist.get(bucket, 0) + 1
for b in sorted(hist):
    print(f'{b:>3}-{b + 4:<3}', '#' * hist[b])

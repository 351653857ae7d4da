def to_hms(seconds):
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f'{h:02d}:{m:02d}:{s:02d}'
print([to_hms(s) for s in [0, 59, 60, 3599, 3600, 86399, 90061]])
print([divmod(n, 7) for n in range(-3, 4)])
amounts = [12.345, 0.005, 2.675, -1.5, 99.995]
print([round(a, 2) for a in amounts], [abs(a) for a in amounts])
print(round(sum(amounts), 3), abs(-10**20), abs(-0.5), round(-0.5))

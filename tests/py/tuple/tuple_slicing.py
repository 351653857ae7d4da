t = tuple(range(10))
print(t[2:7], t[::2], t[::-3], t[-3:], t[:100], t[5:2], t[slice(None, None, 4)])
print(t[1:9:2][::-1], type(t[1:3]).__name__)
print(t[:] is t or t[:] == t)

LOG = """2024-01-01 10:00:01 INFO server started port=8080
2024-01-01 10:00:05 WARN slow request path=/api ms=950
2024-01-01 10:01:00 ERROR db timeout table=users
2024-01-01 10:01:30 INFO request path=/home ms=12
2024-01-01 10:02:00 ERROR db timeout table=orders
2024-01-01 10:03:00 INFO request path=/api ms=40
2024-01-01 10:03:10 WARN slow request path=/home ms=700"""
def read_lines(text):
    for line in text.splitlines():
        yield line
def parse(lines):
    for line in lines:
        date, time, level, *rest = line.split()
        fields = {}
        words = []
        for r in rest:
            if '=' in r:
                k, v = r.split('=', 1)
                fields[k] = int(v) if v.isdigit() else v
            else:
                words.append(r)
        yield {'time': time, 'level': level, 'msg': ' '.join(words), **fields}
def by_level(records, *levels):
    for r in records:
        if r['level'] in levels:
            yield r
def counter(records, key):
    counts = {}
    for r in records:
        counts[r.get(key)] = counts.get(r.get(key), 0) + 1
    return counts
records = list(parse(read_lines(LOG)))
for r in by_level(records, 'ERROR'):
    print(r['time'], r['msg'], r['table'])
print(counter(records, 'level'))
slow = [r for r in records if r.get('ms', 0) > 500]
print([(r['path'], r['ms']) for r in slow])
print(sum(r['ms'] for r in records if 'ms' in r) / len([r for r in records if 'ms' in r]))
def window(it, n):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == n:
            yield tuple(buf)
            buf.pop(0)
print(list(window((r['level'][0] for r in records), 3)))

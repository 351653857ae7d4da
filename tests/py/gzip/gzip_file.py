# gzip.open writes a file CPython and ferropy both read back; GzipFile over a BytesIO.
import gzip
import io
import os

NAME = "_gzip_test_file.gz"
lines = [b"line %d\n" % i for i in range(200)]
with gzip.open(NAME, "wb") as f:
    for ln in lines:
        f.write(ln)
with gzip.open(NAME) as f:
    print(f.readline(), f.read(7))
    rest = f.read()
print(len(rest), rest.endswith(b"line 199\n"))
with gzip.open(NAME, "rb") as f:
    print(sum(1 for _ in f))
os.remove(NAME)

b = io.BytesIO()
with gzip.GzipFile(fileobj=b, mode="wb") as g:
    g.write(b"in memory " * 50)
data = b.getvalue()
print(data[:2], gzip.decompress(data) == b"in memory " * 50)
with gzip.GzipFile(fileobj=io.BytesIO(data)) as g:
    print(g.read(9))

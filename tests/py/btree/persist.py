# expect: handwritten
# btree is MicroPython-only: a database written to a stream, closed, and opened again from the
# same bytes (a BytesIO and a real file), with enough entries to grow a multi-level tree.
import btree
import io
import os

f = io.BytesIO()
db = btree.open(f, pagesize=512)
for i in range(2000):
    db[b"k%05d" % i] = b"v%d" % (i * i)
big = bytes(range(256)) * 20  # larger than a page: kept in overflow pages
db[b"big"] = big
for i in range(0, 2000, 3):
    del db[b"k%05d" % i]
db.close()
print(len(f.getvalue()) % 512, len(f.getvalue()) > 512 * 20)

db = btree.open(f)  # the page size comes from the file
print(db[b"k00001"], db.get(b"k00003"), db[b"k01999"], db[b"big"] == big)
keys = list(db.keys(b"k", b"l"))
print(len(keys), keys[:3], keys[-1])
print(sum(1 for _ in db))
db[b"big"] = b"small now"
db.close()

name = "btree_persist_test.db"
with open(name, "w+b") as fh:
    db = btree.open(fh, pagesize=1024)
    for i in range(300):
        db[str(i)] = str(i * 2)
    db.close()
with open(name, "r+b") as fh:
    db = btree.open(fh)
    print(db[b"7"], db[b"299"], len(list(db.items())))
    for i in range(300):
        del db[str(i)]
    print(list(db))
    db.close()
os.remove(name)

# Bytes that are not a database.
try:
    btree.open(io.BytesIO(b"certainly not a btree database file" * 30))
except OSError as e:
    print("OSError", e.errno)
for ps in (511, 256, 3000):
    try:
        btree.open(io.BytesIO(), pagesize=ps)
    except OSError as e:
        print("pagesize", ps, "OSError", e.errno)

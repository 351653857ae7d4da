# expect: handwritten
# btree is MicroPython-only (no CPython counterpart): the database API over an io.BytesIO.
import btree
import io

db = btree.open(io.BytesIO(), pagesize=512)
db[b"b"] = b"2"
db[b"a"] = b"1"
db["c"] = "3"  # str keys and values are stored as their UTF-8 bytes
db[memoryview(b"dd")] = bytearray(b"4")
print(db[b"a"], db["c"], db[b"dd"])
print(db.get(b"zz"), db.get(b"zz", "default"), db.get(b"b"))
print(b"a" in db, "a" in db, b"q" in db)
db[b"a"] = b"one"  # replacing a value
print(db[b"a"])
print(db.put(b"e", b"5"))
del db[b"b"]
for name, bad in [("get", lambda: db[b"b"]), ("del", lambda: db.__delitem__(b"b"))]:
    try:
        bad()
    except KeyError as e:
        print(name, "KeyError")
try:
    db[1] = b"x"
except TypeError as e:
    print("TypeError", e)
print(list(db))
print(list(db.values()))
print(list(db.items()))
print(db.seq(1, b"b"), db.seq(7), db.seq(7), db.seq(7))
print(db.seq(3), db.seq(6), db.seq(9))
try:
    db.seq(42)
except OSError as e:
    print("OSError", e.errno)
print(db.flush(), db.close(), db.close())
try:
    db[b"a"]
except ValueError as e:
    print("ValueError", e)
print(db)

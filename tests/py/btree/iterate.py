# expect: handwritten
# btree is MicroPython-only: keys()/values()/items() ranges with INCL and DESC.
import btree
import io

db = btree.open(io.BytesIO())
for c in "abcdefg":
    db[c] = c.upper() * 2
print(list(db.keys()))
print(list(db.keys(b"c")))
print(list(db.keys(b"c", b"f")))
print(list(db.keys(b"c", b"f", btree.INCL)))
print(list(db.keys(None, b"c")))
print(list(db.keys(None, None, btree.DESC)))
print(list(db.keys(b"e", None, btree.DESC)))
print(list(db.keys(b"e", b"b", btree.DESC)))
print(list(db.keys(b"e", b"b", btree.DESC | btree.INCL)))
print(list(db.values(b"b", b"d")))
print(list(db.items(b"cc", b"e", btree.INCL)))
print(list(db.keys(b"zz")), list(db.keys(b"a", b"a")))
# keys() returns the database itself, which is its own iterator.
it = iter(db.items(b"f"))
print(it is db, next(it), next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")
for k in db:
    if k == b"c":
        break
print(k)
print(btree.INCL, btree.DESC)

# JSON round trip of nested data: dumps/loads, escapes, unicode, errors.
import json

record = {
    "name": "Zoë O'Brien",
    "age": 37,
    "height": 1.68,
    "tags": ["admin", "ops", "α-team"],
    "active": True,
    "manager": None,
    "scores": [98.5, 87, -3, 0.1, 1e-7, 12345678901234567890],
    "nested": {"a": [1, [2, [3, [4, {"deep": "yes"}]]]], "empty": {}, "list": []},
    "quote": "He said \"hi\"\n\ttab\\backslash",
    "control": "\x00\x1f\x7f",
}

text = json.dumps(record)
back = json.loads(text)
print(back == record)
print(back["name"], back["tags"][2], back["nested"]["a"][1][1][1][1]["deep"])
print(json.dumps(record["quote"]))
print(json.dumps(record["control"]))
print(json.dumps([1, 2.5, "x", None, True, False]))
print(json.dumps({"k": [1, {"j": []}]}))
print(json.dumps((1, 2)))
print(json.dumps(""), json.dumps([]), json.dumps({}))
print(json.dumps(3.0), json.dumps(-0.0), json.dumps(1e100), json.dumps(0.1 + 0.2))

samples = [
    '{"a": 1, "b": [true, false, null]}',
    '  [1, 2 , 3 ]  ',
    '"\\u00e9\\u4e2d\\ud83d\\ude00"',
    '-12.5e3',
    '{"x": {"y": {"z": []}}}',
    '"\\/\\b\\f\\n\\r\\t"',
    '123456789012345678901234567890',
    '[]',
]
for s in samples:
    v = json.loads(s)
    print(repr(v), type(v).__name__)

bad = ['{"a": 1,}', "[1, 2", "{'a': 1}", "", "tru", '{"a" 1}', "[1] x", "nul"]
for s in bad:
    try:
        json.loads(s)
    except ValueError as e:
        print("bad:", repr(s), type(e).__name__, isinstance(e, ValueError))
    else:
        print("accepted?!", repr(s))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def encode(obj):
    if isinstance(obj, Point):
        return {"__point__": [obj.x, obj.y]}
    if isinstance(obj, dict):
        return {k: encode(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [encode(v) for v in obj]
    return obj


def decode(obj):
    if isinstance(obj, dict):
        if "__point__" in obj:
            return Point(*obj["__point__"])
        return {k: decode(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [decode(v) for v in obj]
    return obj


shapes = {"triangle": [Point(0, 0), Point(4, 0), Point(0, 3)], "origin": Point(0, 0)}
s = json.dumps(encode(shapes))
print(s)
again = decode(json.loads(s))
print([(p.x, p.y) for p in again["triangle"]], type(again["origin"]).__name__)
try:
    json.dumps({"p": Point(1, 2)})
except TypeError as e:
    print("TypeError raised")
deep = []
cur = deep
for i in range(50):
    nxt = [i]
    cur.append(nxt)
    cur = nxt
print(json.loads(json.dumps(deep)) == deep, len(json.dumps(deep)))

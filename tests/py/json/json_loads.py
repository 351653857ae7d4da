import json

for s in ['null', 'true', 'false', '0', '-0', '-12', '1.5', '-0.0', '1E+2', '1e-3', '1.5e3',
          '123456789012345678901234567890', '"abc"', '"a\\"b\\\\c\\/\\n\\t\\r\\b\\f"', '"\\u00e9\\u20ac"',
          '"\\ud83d\\ude00"', '"é€"', '[]', '{}', ' [1, 2 , [3, {"a": null}] ] ', '{"a": 1, "b": [true, false]}',
          '{"a": 1, "a": 2}', 'Infinity', '-Infinity', '\n\t 5 \r\n', '[1.0, 2, "x"]']:
    print(repr(s), repr(json.loads(s)))
print(json.loads('NaN') != json.loads('NaN'))
print(json.loads(b'{"x": [1]}'), json.loads(bytearray(b'2')))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=lambda p: p))
print(json.loads('[1.5, 2]', parse_float=lambda s: 'F' + s, parse_int=lambda s: 'I' + s))
obj = {'k': [1, 2.5, 'é', None, True, {'n': -3}], 'e': {}, 'l': []}
print(json.loads(json.dumps(obj)) == obj, json.loads(json.dumps(obj, indent=3)) == obj)

class R:
    def __init__(self, t):
        self.t = t
    def read(self):
        return self.t

print(json.load(R('[1, {"z": 2}]')))

for s in ['', ' ', '[1,]', '{"a":1,}', '{"a" 1}', '{1:2}', '"abc', '"a\\', '"\\x"', '"\\u12"', '"\\u12zz"',
          '[1 2]', '1 2', '-', '-x', '01', '1.', '1e', 'tru', '"a\x01"', '{"a":}', '[', '{', '{"a"', 'nul',
          '[1,\n 2,\n x]', '["é", x]', '{"a": 1 "b": 2}']:
    try:
        print(repr(s), repr(json.loads(s)))
    except ValueError as e:
        print(repr(s), type(e).__name__, e, e.pos, e.lineno, e.colno, e.msg)

print(issubclass(json.JSONDecodeError, ValueError))
try:
    json.loads('[' * 100000)
except RecursionError:
    print('RecursionError')
try:
    json.loads('{"a":' * 100000)
except RecursionError:
    print('RecursionError')
deep = []
for i in range(100000):
    deep = [deep]
try:
    json.dumps(deep)
except RecursionError:
    print('RecursionError')
print(json.loads('[' * 50 + ']' * 50))
try:
    json.loads(5)
except TypeError as e:
    print(e)

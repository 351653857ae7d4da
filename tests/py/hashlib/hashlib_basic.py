import hashlib

for name in ['sha256', 'sha1', 'md5']:
    ctor = getattr(hashlib, name)
    h = ctor()
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
    for data in [b'abc', b'a' * 55, b'a' * 56, b'a' * 63, b'a' * 64, b'a' * 65, bytes(range(256)) * 5]:
        print(ctor(data).hexdigest())
    h = ctor(b'hello ')
    h2 = h.copy()
    h.update(b'world')
    h2.update(bytearray(b'there'))
    print(h.hexdigest(), h2.hexdigest(), h.digest() == ctor(b'hello world').digest())
    h = ctor()
    for i in range(100):
        h.update(bytes([i]) * i)
    print(h.hexdigest(), h.digest()[:4])
print(hashlib.new('sha256', b'x').hexdigest(), hashlib.new('MD5').hexdigest())

def err(f, *a):
    try:
        print('ok', f(*a))
    except Exception as e:
        print(type(e).__name__, e)

err(hashlib.sha256, 'abc')
err(hashlib.md5().update, 'abc')
err(hashlib.sha1, 12)

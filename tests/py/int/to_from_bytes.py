print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'))
print((0).to_bytes(1, 'big'), (255).to_bytes(1, 'big'))
print((-1).to_bytes(2, 'big', signed=True), (-256).to_bytes(2, 'little', signed=True))
print((2**64 - 1).to_bytes(8, 'big'))
print((1).to_bytes(4, byteorder='little'))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes(b'\xff\xff', 'big'))
print(int.from_bytes(b'', 'big'), int.from_bytes(bytes(10), 'little'))
print(int.from_bytes(b'\x80' + b'\x00' * 15, 'big'))
print(int.from_bytes([1, 2, 3], 'big'))
for f in [lambda: (256).to_bytes(1, 'big'), lambda: (-1).to_bytes(1, 'big'),
          lambda: (128).to_bytes(1, 'big', signed=True)]:
    try:
        print(f())
    except OverflowError as e:
        print('OverflowError', e)
n = 123456789012345678901234567890
print(int.from_bytes(n.to_bytes(16, 'little'), 'little') == n)

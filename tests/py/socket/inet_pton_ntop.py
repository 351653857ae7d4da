# inet_pton/inet_ntop: IPv4 and IPv6 text <-> packed bytes, and their errors.
import socket
for a in ['1.2.3.4', '0.0.0.0', '255.255.255.255']:
    p = socket.inet_pton(socket.AF_INET, a)
    print(p, socket.inet_ntop(socket.AF_INET, p))
for a in ['::1', 'fe80::1:2', '2001:db8::ff00:42:8329', '::']:
    p = socket.inet_pton(socket.AF_INET6, a)
    print(p, socket.inet_ntop(socket.AF_INET6, p))
print(socket.inet_ntop(socket.AF_INET, bytearray(b'\x7f\x00\x00\x01')))
for bad in [(socket.AF_INET, '1.2.3'), (socket.AF_INET, '256.1.1.1'), (socket.AF_INET6, ':::')]:
    try:
        socket.inet_pton(*bad)
    except OSError as e:
        print('OSError', e)
for bad in [(socket.AF_INET, b'123'), (socket.AF_INET6, b'1234')]:
    try:
        socket.inet_ntop(*bad)
    except ValueError as e:
        print('ValueError', e)
try:
    socket.inet_ntop(socket.AF_INET, '1234')
except TypeError as e:
    print('TypeError', e)

# expect: handwritten
# cryptolib is MicroPython-only (CPython has no AES in its standard library); the expected
# ciphertexts are the published NIST SP 800-38A example vectors (F.1.1, F.2.1, F.5.1, F.1.5).
from cryptolib import aes
import binascii

key = binascii.unhexlify("2b7e151628aed2a6abf7158809cf4f3c")
pt = binascii.unhexlify("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51")
iv = bytes(range(16))
ctr = binascii.unhexlify("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff")

print(binascii.hexlify(aes(key, 1).encrypt(pt)))
print(binascii.hexlify(aes(key, 2, iv).encrypt(pt)))
print(binascii.hexlify(aes(key, 6, ctr).encrypt(pt)))
print(aes(key, 2, iv).decrypt(aes(key, 2, iv).encrypt(pt)) == pt)

# CTR mode works in pieces of any size, keeping its place in the key stream.
c = aes(key, 6, ctr)
pieces = c.encrypt(pt[:5]) + c.encrypt(pt[5:21]) + c.encrypt(pt[21:])
print(pieces == aes(key, 6, ctr).encrypt(pt))

key256 = binascii.unhexlify("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4")
print(binascii.hexlify(aes(key256, 1).encrypt(pt[:16])))

# Output into a buffer, in place.
buf = bytearray(pt)
print(aes(key, 1).encrypt(buf, buf), buf == aes(key, 1).encrypt(pt))
aes(key, 1).decrypt(buf, buf)
print(buf == pt)

for args in ((b"short", 1), (key, 3), (key, 2), (key, 2, b"bad iv")):
    try:
        aes(*args)
    except ValueError as e:
        print("ValueError", e)
try:
    aes(key, 1).encrypt(b"not a multiple of 16")
except ValueError as e:
    print("ValueError", e)
try:
    aes(key, 1).encrypt(pt, bytearray(3))
except ValueError:
    print("ValueError size")

# tarfile against CPython: archives written by each are read back the same way; an archive
# made by CPython (pax format, gzip-compressed) is embedded and read by both.
import gzip
import io
import tarfile

CPYTHON_TGZ = b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03+\xc8N\xd7g\xa010\x00\x02sSS0\r\x04\xe84\x16\xb6\x99\xa9\x91\x19\x83\x82)\x03\x1d@iqIb\x11\xd0J\x86\x91\t\n\x80\xf1\x9f\xa8WRQB\xe3\xf8731\xc1\x1d\xff\x86\xc6`\xb6\x89\xa9\xa9\xb1\x91\x819\x03(\xb5\x18\x1b3(\x18\x8c\xc6?\xcdAbNAF"WRjI"\x17\xc3(\x18y@O_O\xdf! \xb1\xc2#51%\xb5\x88v\xf9\x1fK\xbe\x87\xe7\x7f##c\xd4\xf2\xdf\xd0\xc0\xc8\xd0\x88A\xa1b4\xff\xd3\x1c\x18\x9a\x98+\x14$\x96d\xd8\x82*\x82\xbc\x01\x07z\x05\x95\xa3\xe5\x10\xbd\xeb\x7fZG*\xe1\xfa\xdf\x10\xb5\xfe76625\x1a\xad\xff\xe9\x12\xffE\x99y%\x1a\x86\x9a\xa3\xb9nd\x82*\xbd\xa4\xcc<:\xf4\xff\xf0\xe4\x7fC\x13(\x1b\xd1\xfe7376\x1d\xcd\xfft\x01\x8cL\xcc,\xacl\xec\x1c\x9c\\\xdc<\xbc|\xfc\x02\x82B\xc2"\xa2b\xe2\x12\x92R\xd22\xb2r\xf2\n\x8aJ\xca*\xaaj\xea\x1a\x9aZ\xda:\xbaz\xfa\x06\x86F\xc6&\xa6f\xe6\x16\x96V\xd66\xb6v\xf6\x0e\x8eN\xce.\xaen\xee\x1e\x9e^\xde>\xbe~\xfe\x01\x81A\xc1!\xa1a\xe1\x11\x91Q\xd11\xb1q\xf1\t\x89I\xc9)\xa9i\xe9\x19\x99Y\xd99\xb9y\xf9\x05\x85E\xc5%\xa5e\xe5\x15\x95U\xd55\xb5u\xf5\r\x8dM\xcd-\xadm\xed\x1d\x9d]\xdd=\xbd}\xfd\x13&N\x9a<e\xea\xb4\xe93f\xce\x9a=g\xee\xbc\xf9\x0b\x16.Z\xbcd\xe9\xb2\xe5+V\xaeZ\xbdf\xed\xba\xf5\x1b6n\xda\xbce\xeb\xb6\xed;v\xee\xda\xbdg\xef\xbe\xfd\x07\x0e\x1e:|\xe4\xe8\xb1\xe3\'N\x9e:}\xe6\xec\xb9\xf3\x17.^\xba|\xe5\xea\xb5\xeb7n\xde\xba}\xe7\xee\xbd\xfb\x0f\x1e>z\xfc\xe4\xe9\xb3\xe7/^\xbez\xfd\xe6\xed\xbb\xf7\x1f>~\xfa\xfc\xe5\xeb\xb7\xef?~\xfe\xfa\xfd\xe7\xef\xbf\xff\xa3\xfe\x1f\xe1\xfe\x1f\x05\xa3`\x14\x8c\x82Q0\nF\xc1(\x18\x05\xa3`\x14\x8c\x82Q0\nF\xc1(\x18\x05\xa3`\x14\x8c\x82a\n\x003\xaa\x1eu\x00(\x00\x00'



def show(t, data_too=True):
    for m in t:
        f = t.extractfile(m)
        body = f.read() if f is not None else None
        print(m.name, m.size, m.isdir(), m.isfile(), oct(m.mode), m.mtime, m.type,
              body if data_too and body is not None and len(body) < 40 else len(body or b''))


raw = gzip.decompress(CPYTHON_TGZ)
print(len(raw) % 512)
t = tarfile.open(fileobj=io.BytesIO(raw))
show(t)
print(t.getnames())
m = t.getmember('pkg/a.txt')
f = t.extractfile('pkg/a.txt')
print(f.readline(), f.read(), t.extractfile('pkg') is None)
t.close()
t = tarfile.open(fileobj=io.BytesIO(CPYTHON_TGZ), mode='r:gz')
show(t)
t = tarfile.TarFile(fileobj=io.BytesIO(raw))
print(len(t.getmembers()), t.next())


def build():
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode='w') as t:
        d = tarfile.TarInfo('top')
        d.type = tarfile.DIRTYPE
        d.mode = 0o755
        t.addfile(d)
        for name, data in [('top/one.txt', b'1\n2\n3\n'), ('top/' + 'q' * 150, b'long'),
                           ('top/' + 'd' * 80 + '/' + 'f' * 90, b'split'), ('empty', b''),
                           ('big', b'0123456789' * 300)]:
            i = tarfile.TarInfo(name)
            i.size = len(data)
            i.mtime = 99
            t.addfile(i, io.BytesIO(data))
    return b.getvalue()


arc = build()
print(len(arc) % 10240, len(arc) >= 10240)
show(tarfile.open(fileobj=io.BytesIO(arc)))
for bad in [b'', b'x' * 512, arc[:100]]:
    try:
        tarfile.open(fileobj=io.BytesIO(bad)).getmembers()
        print('no error')
    except tarfile.ReadError as e:
        print('ReadError')
print(tarfile.REGTYPE, tarfile.DIRTYPE, issubclass(tarfile.ReadError, tarfile.TarError))

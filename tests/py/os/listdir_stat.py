import os, errno

D = "listdir_stat_tmp"
os.mkdir(D)
print(os.listdir(D))
for name, data in (("b.txt", "hello"), ("a.txt", ""), ("c.bin", "x" * 100)):
    with open(D + "/" + name, "w") as f:
        f.write(data)
os.mkdir(D + "/sub")
print(sorted(os.listdir(D)))
for n in sorted(os.listdir(D)):
    st = os.stat(D + "/" + n)
    print(n, st[6] if n != "sub" else "-", st[0] & 0o170000 == 0o040000, len(st))
os.rename(D + "/a.txt", D + "/z.txt")
print(sorted(os.listdir(D)))
try:
    os.mkdir(D)
except OSError as e:
    print(type(e).__name__, e.errno == errno.EEXIST)
try:
    os.rmdir(D)
except OSError as e:
    print(type(e).__name__, e.errno == errno.ENOTEMPTY)
try:
    os.stat(D + "/missing")
except OSError as e:
    print(type(e).__name__, e.errno == errno.ENOENT, e)
cwd = os.getcwd()
os.chdir(D)
print(sorted(os.listdir()), sorted(os.listdir(".")))
with open("z.txt", "w") as f:
    f.write("abc")
print(os.stat("z.txt")[6], os.path.getsize("z.txt"))
os.chdir("..")
print(os.path.getsize(D + "/z.txt"))
for n in os.listdir(D):
    p = D + "/" + n
    if os.path.isdir(p):
        os.rmdir(p)
    else:
        os.remove(p)
os.rmdir(D)
print(os.path.exists(D))
print(errno.ENOENT, errno.EEXIST, errno.EISDIR, errno.ENOTDIR, errno.EACCES, errno.EINVAL)
print(errno.errorcode[errno.ENOENT], errno.errorcode[17])
print(os.sep, type(os.urandom(8)), len(os.urandom(8)))

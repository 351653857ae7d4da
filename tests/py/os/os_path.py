import os
import os.path
from os import path

print(path is os.path)
print(os.path.join("a", "b", "c"), os.path.join("a/", "b"), os.path.join("a", "/b"), os.path.join("", "x"))
for p in ("/a/b/c.txt", "a/b/", "c", "/", "", "//x", "a.b/c", ".bashrc", "x.tar.gz", "a/b.c.d"):
    print(repr(p), os.path.split(p), os.path.splitext(p), os.path.basename(p), os.path.dirname(p))
for p in ("a/./b/../c", "/../x", "//a//b/", "", ".", "..", "../a/..", "a/b/../../.."):
    print(repr(p), os.path.normpath(p))
print(os.path.isabs("/x"), os.path.isabs("x"))
print(os.path.exists("os_path.py"), os.path.isfile("os_path.py"), os.path.isdir("os_path.py"))
print(os.path.exists("nope"), os.path.isfile("nope"), os.path.isdir("."))
print(os.path.abspath("/a/./b/../x"))
print(os.path.expanduser("noexpand/x"))
print(os.path.commonprefix(["abcd", "abxy", "ab"]))

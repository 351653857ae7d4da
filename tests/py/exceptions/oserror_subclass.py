# OSError(errno, strerror) constructs the subclass that errno maps to, with errno and strerror
# set; a single argument, an unknown errno or a subclass called directly keeps the class asked for.
import errno

for code in (errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EPERM, errno.EAGAIN,
             errno.EINPROGRESS, errno.EALREADY, errno.EPIPE, errno.ECONNRESET,
             errno.ECONNREFUSED, errno.ECONNABORTED, errno.ETIMEDOUT, errno.EISDIR,
             errno.ENOTDIR, errno.EINTR, errno.EINVAL, 9999):
    e = OSError(code, "message")
    print(code, type(e).__name__, e.errno, e.strerror, isinstance(e, OSError))
print(type(OSError(errno.ENOENT)).__name__, type(OSError("x", "y")).__name__)
print(type(FileExistsError(errno.ENOENT, "m")).__name__)
try:
    raise OSError(errno.ENOENT, "gone")
except FileNotFoundError as e:
    print("caught", e)

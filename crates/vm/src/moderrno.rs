//! The `errno` module: MicroPython's errno constants (with Linux values) and `errorcode`, plus the
//! table of messages (`strerror`) used to build `OSError`s.

use crate::attr::dict_of;
use crate::dict::Dict;
use crate::value::{Obj, PyObject, Value};
use crate::vm::Vm;
use crate::PyResult;

/// (name, Linux value, message as glibc's `strerror` gives it) for every constant of the module.
pub const ERRNO_TABLE: &[(&str, i32, &str)] = &[
    ("EPERM", 1, "Operation not permitted"),
    ("ENOENT", 2, "No such file or directory"),
    ("ESRCH", 3, "No such process"),
    ("EINTR", 4, "Interrupted system call"),
    ("EIO", 5, "Input/output error"),
    ("ENXIO", 6, "No such device or address"),
    ("E2BIG", 7, "Argument list too long"),
    ("ENOEXEC", 8, "Exec format error"),
    ("EBADF", 9, "Bad file descriptor"),
    ("ECHILD", 10, "No child processes"),
    ("EAGAIN", 11, "Resource temporarily unavailable"),
    ("ENOMEM", 12, "Cannot allocate memory"),
    ("EACCES", 13, "Permission denied"),
    ("EFAULT", 14, "Bad address"),
    ("ENOTBLK", 15, "Block device required"),
    ("EBUSY", 16, "Device or resource busy"),
    ("EEXIST", 17, "File exists"),
    ("EXDEV", 18, "Invalid cross-device link"),
    ("ENODEV", 19, "No such device"),
    ("ENOTDIR", 20, "Not a directory"),
    ("EISDIR", 21, "Is a directory"),
    ("EINVAL", 22, "Invalid argument"),
    ("ENFILE", 23, "Too many open files in system"),
    ("EMFILE", 24, "Too many open files"),
    ("ENOTTY", 25, "Inappropriate ioctl for device"),
    ("ETXTBSY", 26, "Text file busy"),
    ("EFBIG", 27, "File too large"),
    ("ENOSPC", 28, "No space left on device"),
    ("ESPIPE", 29, "Illegal seek"),
    ("EROFS", 30, "Read-only file system"),
    ("EMLINK", 31, "Too many links"),
    ("EPIPE", 32, "Broken pipe"),
    ("EDOM", 33, "Numerical argument out of domain"),
    ("ERANGE", 34, "Numerical result out of range"),
    ("ENAMETOOLONG", 36, "File name too long"),
    ("ENOSYS", 38, "Function not implemented"),
    ("ENOTEMPTY", 39, "Directory not empty"),
    ("ELOOP", 40, "Too many levels of symbolic links"),
    ("ENOTSOCK", 88, "Socket operation on non-socket"),
    ("EMSGSIZE", 90, "Message too long"),
    ("EOPNOTSUPP", 95, "Operation not supported"),
    (
        "EAFNOSUPPORT",
        97,
        "Address family not supported by protocol",
    ),
    ("EADDRINUSE", 98, "Address already in use"),
    ("EADDRNOTAVAIL", 99, "Cannot assign requested address"),
    ("ENETDOWN", 100, "Network is down"),
    ("ENETUNREACH", 101, "Network is unreachable"),
    ("ECONNABORTED", 103, "Software caused connection abort"),
    ("ECONNRESET", 104, "Connection reset by peer"),
    ("ENOBUFS", 105, "No buffer space available"),
    ("EISCONN", 106, "Transport endpoint is already connected"),
    ("ENOTCONN", 107, "Transport endpoint is not connected"),
    ("ETIMEDOUT", 110, "Connection timed out"),
    ("ECONNREFUSED", 111, "Connection refused"),
    ("EHOSTUNREACH", 113, "No route to host"),
    ("EALREADY", 114, "Operation already in progress"),
    ("EINPROGRESS", 115, "Operation now in progress"),
];

/// Errno values used by the file system code.
pub mod codes {
    /// No such file or directory.
    pub const ENOENT: i32 = 2;
    /// Input/output error.
    pub const EIO: i32 = 5;
    /// Bad file descriptor.
    pub const EBADF: i32 = 9;
    /// Permission denied.
    pub const EACCES: i32 = 13;
    /// File exists.
    pub const EEXIST: i32 = 17;
    /// Invalid cross-device link.
    pub const EXDEV: i32 = 18;
    /// No such device.
    pub const ENODEV: i32 = 19;
    /// Not a directory.
    pub const ENOTDIR: i32 = 20;
    /// Is a directory.
    pub const EISDIR: i32 = 21;
    /// Invalid argument.
    pub const EINVAL: i32 = 22;
    /// Read-only file system.
    pub const EROFS: i32 = 30;
    /// Directory not empty.
    pub const ENOTEMPTY: i32 = 39;
    /// Operation not permitted.
    pub const EPERM: i32 = 1;
}

/// The message for an errno value (`os.strerror`), or "Unknown error N"'s prefix-less fallback.
pub fn strerror(n: i32) -> Option<&'static str> {
    ERRNO_TABLE
        .iter()
        .find(|(_, v, _)| *v == n)
        .map(|(_, _, m)| *m)
}

/// Create the `errno` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("errno");
    let mut codes = Dict::new();
    for (name, v, _) in ERRNO_TABLE {
        codes.insert_new(
            crate::hash::hash_int(*v as i64),
            Value::Int(*v as i64),
            Value::str(name),
        );
    }
    let codes = vm.new_dict(codes);
    if let PyObject::Module(mm) = &*m {
        if let Some(d) = dict_of(&mm.dict) {
            let mut d = d.borrow_mut();
            for (name, v, _) in ERRNO_TABLE {
                d.set_str(name, Value::Int(*v as i64));
            }
            d.set_str("errorcode", codes);
        }
    }
    Ok(m)
}

//! The `socket` module of the native port: BSD sockets (IPv4 TCP and UDP) through the C library,
//! with MicroPython's API (which is CPython's core: `socket`, `bind`, `listen`, `accept`,
//! `connect`, `send`/`sendall`/`sendto`, `recv`/`recvfrom`, `setsockopt`, `setblocking`,
//! `settimeout`, stream methods `read`/`readinto`/`readline`/`write`, and `getaddrinfo`).
//! Addresses are `(host, port)` tuples as in CPython. A socket answers the stream `ioctl` poll
//! request, so `select.poll` and asyncio's streams can wait on non-blocking sockets.

use std::cell::RefCell;
use std::net::{Ipv4Addr, Ipv6Addr, ToSocketAddrs};

use ferropy_vm::exceptions::ExcKind;
use ferropy_vm::modbuiltins::check_args;
use ferropy_vm::modio::size_arg;
use ferropy_vm::modstruct::{module_fns, module_set};
use ferropy_vm::types;
use ferropy_vm::value::{Layout, NativeObj, Obj, PyObject, Str, Value};
use ferropy_vm::{PyErr, PyResult, Vm};

/// The state of one socket.
struct Sock {
    /// The descriptor (-1 once closed).
    fd: i32,
    /// Blocking timeout in seconds: None blocks, Some(0.0) is non-blocking.
    timeout: Option<f64>,
}

impl Drop for Sock {
    /// A socket dropped without close() gives its descriptor back.
    fn drop(&mut self) {
        if self.fd >= 0 {
            // SAFETY: the descriptor belongs to this socket and nothing else uses it.
            unsafe { libc::close(self.fd) };
            self.fd = -1;
        }
    }
}

/// The last C library error as a Python OSError.
fn last_error(vm: &mut Vm) -> PyErr {
    let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(5);
    ferropy_vm::vfs::os_error(vm, e, None)
}

/// The socket state of `v`: (descriptor, timeout).
fn sock(vm: &mut Vm, v: Option<&Value>) -> PyResult<(i32, Option<f64>)> {
    if let Some(Value::Obj(o)) = v {
        if let PyObject::Native(n) = &**o {
            if let Ok(d) = n.data.try_borrow() {
                if let Some(s) = d.downcast_ref::<Sock>() {
                    if s.fd < 0 {
                        return Err(ferropy_vm::vfs::os_error(vm, libc::EBADF, None));
                    }
                    return Ok((s.fd, s.timeout));
                }
            }
        }
    }
    Err(vm.type_error("socket object expected"))
}

fn set_state(v: &Value, f: impl FnOnce(&mut Sock)) {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Ok(mut d) = n.data.try_borrow_mut() {
                if let Some(s) = d.downcast_mut::<Sock>() {
                    f(s);
                }
            }
        }
    }
}

/// Wait until `fd` is ready for `events` within the socket's timeout (EAGAIN/ETIMEDOUT past it).
fn wait_ready(vm: &mut Vm, fd: i32, timeout: Option<f64>, events: i16) -> PyResult<()> {
    let ms = match timeout {
        None => return Ok(()),
        Some(t) if t <= 0.0 => return Ok(()),
        Some(t) => (t * 1000.0).ceil().min(i32::MAX as f64) as i32,
    };
    let mut p = libc::pollfd {
        fd,
        events,
        revents: 0,
    };
    // SAFETY: one valid pollfd.
    let r = unsafe { libc::poll(&mut p, 1, ms) };
    if r < 0 {
        return Err(last_error(vm));
    }
    if r == 0 {
        return Err(vm.err_args(
            ExcKind::TimeoutError,
            vec![Value::Int(libc::ETIMEDOUT as i64), Value::str("timed out")],
        ));
    }
    Ok(())
}

/// An IPv4 `(host, port)` address.
fn addr_arg(vm: &mut Vm, v: &Value) -> PyResult<libc::sockaddr_in> {
    let items = match v {
        Value::Obj(o) => match &**o {
            PyObject::Tuple(t) => t.to_vec(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    if items.len() != 2 {
        return Err(vm.type_error("address must be a (host, port) tuple"));
    }
    let host = match &items[0] {
        Value::Str(s) => s.as_str().to_string(),
        _ => return Err(vm.type_error("host must be str")),
    };
    let port = vm.to_index(&items[1])?;
    let Ok(port) = u16::try_from(port) else {
        return Err(vm.overflow_error("port must be 0-65535."));
    };
    let ip: Ipv4Addr = if host.is_empty() {
        Ipv4Addr::UNSPECIFIED
    } else {
        match host.parse() {
            Ok(ip) => ip,
            Err(_) => match (host.as_str(), port).to_socket_addrs() {
                Ok(mut it) => match it.find_map(|a| match a {
                    std::net::SocketAddr::V4(v4) => Some(*v4.ip()),
                    _ => None,
                }) {
                    Some(ip) => ip,
                    None => return Err(gai_error(vm)),
                },
                Err(_) => return Err(gai_error(vm)),
            },
        }
    };
    // SAFETY: sockaddr_in is plain data; all-zero is a valid value.
    let mut sa: libc::sockaddr_in = unsafe { std::mem::zeroed() };
    sa.sin_family = libc::AF_INET as libc::sa_family_t;
    sa.sin_port = port.to_be();
    sa.sin_addr = libc::in_addr {
        s_addr: u32::from(ip).to_be(),
    };
    Ok(sa)
}

fn gai_error(vm: &mut Vm) -> PyErr {
    vm.err_args(
        ExcKind::OSError,
        vec![Value::Int(-2), Value::str("Name or service not known")],
    )
}

/// The `(host, port)` tuple of an IPv4 address.
fn addr_value(vm: &mut Vm, sa: &libc::sockaddr_in) -> Value {
    let ip = Ipv4Addr::from(u32::from_be(sa.sin_addr.s_addr));
    let port = u16::from_be(sa.sin_port);
    vm.new_tuple(vec![Value::string(ip.to_string()), Value::Int(port as i64)])
}

fn new_sock(vm: &mut Vm, cls: Obj, fd: i32) -> Value {
    Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls,
        data: RefCell::new(Box::new(Sock { fd, timeout: None })),
    })))
}

/// `socket.socket(af=AF_INET, type=SOCK_STREAM, proto=0)`.
fn s_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "socket", args, 1, 4)?;
    let Value::Obj(cls) = &args[0] else {
        return Err(vm.type_error("socket.__new__(X): X is not a type object"));
    };
    let cls = cls.clone();
    let af = match args.get(1) {
        Some(v) => vm.to_index(v)?,
        None => libc::AF_INET as i64,
    };
    let ty = match args.get(2) {
        Some(v) => vm.to_index(v)?,
        None => libc::SOCK_STREAM as i64,
    };
    let proto = match args.get(3) {
        Some(v) => vm.to_index(v)?,
        None => 0,
    };
    if af != libc::AF_INET as i64 {
        return Err(ferropy_vm::vfs::os_error(vm, libc::EAFNOSUPPORT, None));
    }
    // SAFETY: plain system call.
    let fd = unsafe { libc::socket(af as i32, ty as i32 | libc::SOCK_CLOEXEC, proto as i32) };
    if fd < 0 {
        return Err(last_error(vm));
    }
    Ok(new_sock(vm, cls, fd))
}

fn s_close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "close", args, 1, 1)?;
    let mut fd = -1;
    set_state(&args[0], |s| {
        fd = s.fd;
        s.fd = -1;
    });
    if fd >= 0 {
        // SAFETY: the descriptor belongs to this socket, which no longer uses it.
        unsafe { libc::close(fd) };
    }
    Ok(Value::None)
}

fn s_fileno(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "fileno", args, 1, 1)?;
    let (fd, _) = sock(vm, args.first())?;
    Ok(Value::Int(fd as i64))
}

fn s_bind(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "bind", args, 2, 2)?;
    let (fd, _) = sock(vm, args.first())?;
    let sa = addr_arg(vm, &args[1])?;
    // SAFETY: sa is a valid sockaddr_in of the given size.
    let r = unsafe {
        libc::bind(
            fd,
            &sa as *const libc::sockaddr_in as *const libc::sockaddr,
            std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t,
        )
    };
    if r < 0 {
        return Err(last_error(vm));
    }
    Ok(Value::None)
}

/// `getsockname()`: the local `(host, port)` (the port the system chose after binding to 0).
fn s_getsockname(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "getsockname", args, 1, 1)?;
    let (fd, _) = sock(vm, args.first())?;
    // SAFETY: sockaddr_in is plain data; getsockname writes at most `len` bytes into it.
    let mut sa: libc::sockaddr_in = unsafe { std::mem::zeroed() };
    let mut len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
    let r = unsafe {
        libc::getsockname(
            fd,
            &mut sa as *mut libc::sockaddr_in as *mut libc::sockaddr,
            &mut len,
        )
    };
    if r < 0 {
        return Err(last_error(vm));
    }
    Ok(addr_value(vm, &sa))
}

fn s_listen(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "listen", args, 1, 2)?;
    let (fd, _) = sock(vm, args.first())?;
    let n = match args.get(1) {
        Some(v) => vm.to_index(v)?.clamp(0, 128) as i32,
        None => 2,
    };
    // SAFETY: plain system call.
    if unsafe { libc::listen(fd, n) } < 0 {
        return Err(last_error(vm));
    }
    Ok(Value::None)
}

fn s_accept(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "accept", args, 1, 1)?;
    let (fd, timeout) = sock(vm, args.first())?;
    wait_ready(vm, fd, timeout, libc::POLLIN)?;
    // SAFETY: sockaddr_in is plain data; accept writes at most `len` bytes into it.
    let mut sa: libc::sockaddr_in = unsafe { std::mem::zeroed() };
    let mut len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
    let c = unsafe {
        libc::accept4(
            fd,
            &mut sa as *mut libc::sockaddr_in as *mut libc::sockaddr,
            &mut len,
            libc::SOCK_CLOEXEC,
        )
    };
    if c < 0 {
        return Err(last_error(vm));
    }
    let cls = vm.type_of(&args[0]);
    let s = new_sock(vm, cls, c);
    let a = addr_value(vm, &sa);
    Ok(vm.new_tuple(vec![s, a]))
}

fn s_connect(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "connect", args, 2, 2)?;
    let (fd, timeout) = sock(vm, args.first())?;
    let sa = addr_arg(vm, &args[1])?;
    // SAFETY: sa is a valid sockaddr_in of the given size.
    let r = unsafe {
        libc::connect(
            fd,
            &sa as *const libc::sockaddr_in as *const libc::sockaddr,
            std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t,
        )
    };
    if r < 0 {
        let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(5);
        if e == libc::EINPROGRESS && matches!(timeout, Some(t) if t > 0.0) {
            wait_ready(vm, fd, timeout, libc::POLLOUT)?;
            return Ok(Value::None);
        }
        return Err(ferropy_vm::vfs::os_error(vm, e, None));
    }
    Ok(Value::None)
}

/// Send bytes once; the count sent.
fn send_once(vm: &mut Vm, fd: i32, timeout: Option<f64>, data: &[u8]) -> PyResult<usize> {
    wait_ready(vm, fd, timeout, libc::POLLOUT)?;
    // SAFETY: data is a valid slice.
    let n = unsafe {
        libc::send(
            fd,
            data.as_ptr() as *const libc::c_void,
            data.len(),
            libc::MSG_NOSIGNAL,
        )
    };
    if n < 0 {
        return Err(last_error(vm));
    }
    Ok(n as usize)
}

fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Str(s) => Ok(s.as_str().as_bytes().to_vec()),
        _ => ferropy_vm::objmemoryview::buffer_bytes(v)
            .ok_or_else(|| vm.type_error("object with buffer protocol required")),
    }
}

fn s_send(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "send", args, 2, 2)?;
    let (fd, timeout) = sock(vm, args.first())?;
    let data = data_arg(vm, &args[1])?;
    Ok(Value::Int(send_once(vm, fd, timeout, &data)? as i64))
}

fn s_sendall(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "sendall", args, 2, 2)?;
    let (fd, timeout) = sock(vm, args.first())?;
    let data = data_arg(vm, &args[1])?;
    let mut off = 0;
    while off < data.len() {
        off += send_once(vm, fd, timeout, &data[off..])?;
    }
    Ok(Value::None)
}

/// `write(buf)`: like send, but None (not EAGAIN) when a non-blocking socket cannot take data.
fn s_write(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "write", args, 2, 2)?;
    let (fd, timeout) = sock(vm, args.first())?;
    let data = data_arg(vm, &args[1])?;
    match send_once(vm, fd, timeout, &data) {
        Ok(n) => Ok(Value::Int(n as i64)),
        Err(e) if is_again(vm, &e) => Ok(Value::None),
        Err(e) => Err(e),
    }
}

fn is_again(vm: &mut Vm, e: &PyErr) -> bool {
    let v = e.0.clone();
    matches!(vm.getattr_opt(&v, "errno"), Ok(Some(Value::Int(n))) if n == libc::EAGAIN as i64)
}

fn s_sendto(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "sendto", args, 3, 3)?;
    let (fd, timeout) = sock(vm, args.first())?;
    let data = data_arg(vm, &args[1])?;
    let sa = addr_arg(vm, &args[2])?;
    wait_ready(vm, fd, timeout, libc::POLLOUT)?;
    // SAFETY: valid buffer and address.
    let n = unsafe {
        libc::sendto(
            fd,
            data.as_ptr() as *const libc::c_void,
            data.len(),
            libc::MSG_NOSIGNAL,
            &sa as *const libc::sockaddr_in as *const libc::sockaddr,
            std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t,
        )
    };
    if n < 0 {
        return Err(last_error(vm));
    }
    Ok(Value::Int(n as i64))
}

/// Receive up to `n` bytes, with the sender's address.
fn recv_raw(
    vm: &mut Vm,
    fd: i32,
    timeout: Option<f64>,
    n: usize,
) -> PyResult<(Vec<u8>, libc::sockaddr_in)> {
    wait_ready(vm, fd, timeout, libc::POLLIN)?;
    let mut buf = vec![0u8; n];
    // SAFETY: sockaddr_in is plain data; recvfrom writes at most the given sizes.
    let mut sa: libc::sockaddr_in = unsafe { std::mem::zeroed() };
    let mut len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
    let r = unsafe {
        libc::recvfrom(
            fd,
            buf.as_mut_ptr() as *mut libc::c_void,
            n,
            0,
            &mut sa as *mut libc::sockaddr_in as *mut libc::sockaddr,
            &mut len,
        )
    };
    if r < 0 {
        return Err(last_error(vm));
    }
    buf.truncate(r as usize);
    Ok((buf, sa))
}

/// The buffer size argument of recv/recvfrom (a negative one is an error; capped at 16 MB).
fn recv_size(vm: &mut Vm, v: Option<&Value>, default: usize) -> PyResult<usize> {
    match v {
        None | Some(Value::None) => Ok(default),
        Some(v) => {
            let n = vm.to_index(v)?;
            if n < 0 {
                return Err(vm.value_error("negative buffersize in recv"));
            }
            Ok((n as usize).min(1 << 24))
        }
    }
}

fn s_recv(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "recv", args, 2, 3)?;
    let (fd, timeout) = sock(vm, args.first())?;
    let n = recv_size(vm, args.get(1), 0)?;
    let (b, _) = recv_raw(vm, fd, timeout, n)?;
    Ok(Value::bytes_vec(b))
}

fn s_recvfrom(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "recvfrom", args, 2, 3)?;
    let (fd, timeout) = sock(vm, args.first())?;
    let n = recv_size(vm, args.get(1), 0)?;
    let (b, sa) = recv_raw(vm, fd, timeout, n)?;
    let a = addr_value(vm, &sa);
    let b = Value::bytes_vec(b);
    Ok(vm.new_tuple(vec![b, a]))
}

/// `read([n])`: bytes, or None when a non-blocking socket has nothing yet.
fn s_read(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "read", args, 1, 2)?;
    let (fd, timeout) = sock(vm, args.first())?;
    let n = size_arg(vm, args.get(1))?.unwrap_or(usize::MAX);
    let mut out = Vec::new();
    loop {
        let want = (n - out.len()).min(4096);
        if want == 0 {
            break;
        }
        match recv_raw(vm, fd, timeout, want) {
            Ok((b, _)) => {
                if b.is_empty() {
                    break;
                }
                out.extend_from_slice(&b);
                if n != usize::MAX {
                    break;
                }
            }
            Err(e) if is_again(vm, &e) => {
                if out.is_empty() {
                    return Ok(Value::None);
                }
                break;
            }
            Err(e) => return Err(e),
        }
    }
    Ok(Value::bytes_vec(out))
}

fn s_readinto(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "readinto", args, 2, 3)?;
    let (fd, timeout) = sock(vm, args.first())?;
    let Some((obj, start, len)) = ferropy_vm::objmemoryview::writable_bytes(&args[1]) else {
        return Err(vm.type_error("object with buffer protocol required"));
    };
    let len = match args.get(2) {
        Some(v) => (vm.to_index(v)?.max(0) as usize).min(len),
        None => len,
    };
    let b = match recv_raw(vm, fd, timeout, len) {
        Ok((b, _)) => b,
        Err(e) if is_again(vm, &e) => return Ok(Value::None),
        Err(e) => return Err(e),
    };
    if let PyObject::ByteArray(ba) = &*obj {
        if let Ok(mut ba) = ba.try_borrow_mut() {
            if let Some(dst) = ba.get_mut(start..start + b.len()) {
                dst.copy_from_slice(&b);
            }
        }
    }
    Ok(Value::Int(b.len() as i64))
}

fn s_readline(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "readline", args, 1, 1)?;
    let (fd, timeout) = sock(vm, args.first())?;
    let mut out = Vec::new();
    loop {
        let (b, _) = match recv_raw(vm, fd, timeout, 1) {
            Ok(r) => r,
            Err(e) if is_again(vm, &e) && !out.is_empty() => break,
            Err(e) => return Err(e),
        };
        if b.is_empty() {
            break;
        }
        out.extend_from_slice(&b);
        if b[0] == b'\n' {
            break;
        }
    }
    Ok(Value::bytes_vec(out))
}

fn s_setsockopt(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "setsockopt", args, 4, 4)?;
    let (fd, _) = sock(vm, args.first())?;
    let level = vm.to_index(&args[1])? as i32;
    let opt = vm.to_index(&args[2])? as i32;
    let r = match &args[3] {
        Value::Int(_) | Value::Bool(_) => {
            let v = vm.to_index(&args[3])? as i32;
            // SAFETY: a valid int option value.
            unsafe {
                libc::setsockopt(
                    fd,
                    level,
                    opt,
                    &v as *const i32 as *const libc::c_void,
                    std::mem::size_of::<i32>() as libc::socklen_t,
                )
            }
        }
        v => {
            let b = data_arg(vm, v)?;
            // SAFETY: a valid buffer option value.
            unsafe {
                libc::setsockopt(
                    fd,
                    level,
                    opt,
                    b.as_ptr() as *const libc::c_void,
                    b.len() as libc::socklen_t,
                )
            }
        }
    };
    if r < 0 {
        return Err(last_error(vm));
    }
    Ok(Value::None)
}

fn s_getsockopt(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "getsockopt", args, 3, 3)?;
    let (fd, _) = sock(vm, args.first())?;
    let level = vm.to_index(&args[1])? as i32;
    let opt = vm.to_index(&args[2])? as i32;
    let mut v: i32 = 0;
    let mut len = std::mem::size_of::<i32>() as libc::socklen_t;
    // SAFETY: an int-sized result buffer.
    let r = unsafe {
        libc::getsockopt(
            fd,
            level,
            opt,
            &mut v as *mut i32 as *mut libc::c_void,
            &mut len,
        )
    };
    if r < 0 {
        return Err(last_error(vm));
    }
    Ok(Value::Int(v as i64))
}

/// Set the descriptor's O_NONBLOCK flag and the socket's timeout.
fn set_timeout(vm: &mut Vm, me: &Value, timeout: Option<f64>) -> PyResult<()> {
    let (fd, _) = sock(vm, Some(me))?;
    // SAFETY: plain fcntl calls on our descriptor.
    unsafe {
        let fl = libc::fcntl(fd, libc::F_GETFL);
        let fl = if timeout.is_some() {
            fl | libc::O_NONBLOCK
        } else {
            fl & !libc::O_NONBLOCK
        };
        libc::fcntl(fd, libc::F_SETFL, fl);
    }
    set_state(me, |s| s.timeout = timeout);
    Ok(())
}

fn s_setblocking(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "setblocking", args, 2, 2)?;
    let b = vm.truthy(&args[1])?;
    set_timeout(vm, &args[0], if b { None } else { Some(0.0) })?;
    Ok(Value::None)
}

fn s_settimeout(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "settimeout", args, 2, 2)?;
    let t = match &args[1] {
        Value::None => None,
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        v => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("'{}' object cannot be interpreted as a float", tn)));
        }
    };
    if matches!(t, Some(x) if x < 0.0 || x.is_nan()) {
        return Err(vm.value_error("Timeout value out of range"));
    }
    set_timeout(vm, &args[0], t)?;
    Ok(Value::None)
}

/// `ioctl(3, events)`: the stream poll request (which of POLLIN/POLLOUT/POLLERR/POLLHUP hold);
/// `ioctl(4, 0)` closes the socket (MicroPython's MP_STREAM_CLOSE).
fn s_ioctl(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "ioctl", args, 3, 3)?;
    let mut fd = -1;
    set_state(&args[0], |s| fd = s.fd);
    let req = vm.to_index(&args[1])?;
    if req == 4 {
        // MP_STREAM_CLOSE (how a wrapping SSL socket closes the socket under it).
        s_close(vm, &args[..1], &[])?;
        return Ok(Value::Int(0));
    }
    if req != 3 {
        return Err(ferropy_vm::vfs::os_error(vm, libc::EINVAL, None));
    }
    let ev = vm.to_index(&args[2])?;
    if fd < 0 {
        // A closed socket: POLLNVAL, as poll() reports for a closed descriptor.
        return Ok(Value::Int(0x20));
    }
    // MicroPython's stream flags: POLLIN 1, POLLOUT 4, POLLERR 8, POLLHUP 16 (as Linux's).
    let mut p = libc::pollfd {
        fd,
        events: (ev & 5) as i16,
        revents: 0,
    };
    // SAFETY: one valid pollfd, no wait.
    let r = unsafe { libc::poll(&mut p, 1, 0) };
    if r < 0 {
        return Err(last_error(vm));
    }
    Ok(Value::Int((p.revents as i64) & (ev | 0x18)))
}

fn s_enter(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

fn s_exit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let me = args.first().cloned().unwrap_or(Value::None);
    s_close(vm, &[me], &[])
}

fn s_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let fd = match sock(vm, args.first()) {
        Ok((fd, _)) => fd,
        Err(_) => -1,
    };
    Ok(Value::string(format!("<socket fd={}>", fd)))
}

/// `getaddrinfo(host, port, af=0, type=0, proto=0, flags=0)`: IPv4 entries
/// `(family, type, proto, canonname, (host, port))`.
fn getaddrinfo(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "getaddrinfo", args, 2, 6)?;
    let host = match &args[0] {
        Value::Str(s) => s.as_str().to_string(),
        Value::None => String::from("127.0.0.1"),
        _ => return Err(vm.type_error("getaddrinfo() argument 1 must be str or None")),
    };
    let port = vm.to_index(&args[1])?;
    let Ok(port) = u16::try_from(port) else {
        return Err(vm.overflow_error("port must be 0-65535."));
    };
    let ty = match args.get(3) {
        Some(v) => vm.to_index(v)?,
        None => 0,
    };
    let addrs: Vec<Ipv4Addr> = match (host.as_str(), port).to_socket_addrs() {
        Ok(it) => it
            .filter_map(|a| match a {
                std::net::SocketAddr::V4(v4) => Some(*v4.ip()),
                _ => None,
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    let Some(ip) = addrs.first() else {
        return Err(gai_error(vm));
    };
    let types: &[i32] = match ty {
        0 => &[libc::SOCK_STREAM, libc::SOCK_DGRAM],
        t => &[t as i32],
    };
    let mut out = Vec::new();
    for &t in types {
        let proto = if t == libc::SOCK_DGRAM {
            libc::IPPROTO_UDP
        } else {
            libc::IPPROTO_TCP
        };
        let addr = vm.new_tuple(vec![Value::string(ip.to_string()), Value::Int(port as i64)]);
        out.push(vm.new_tuple(vec![
            Value::Int(libc::AF_INET as i64),
            Value::Int(t as i64),
            Value::Int(proto as i64),
            Value::str(""),
            addr,
        ]));
    }
    Ok(vm.new_list(out))
}

/// The address family argument of `inet_pton`/`inet_ntop`: true for AF_INET6.
fn family_is_v6(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    match vm.to_index(v)? {
        f if f == libc::AF_INET as i64 => Ok(false),
        f if f == libc::AF_INET6 as i64 => Ok(true),
        _ => Err(ferropy_vm::vfs::os_error(vm, libc::EAFNOSUPPORT, None)),
    }
}

/// `inet_pton(af, ip_string)`: the packed bytes of an IPv4 or IPv6 address.
fn inet_pton(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "inet_pton", args, 2, 2)?;
    let v6 = family_is_v6(vm, &args[0])?;
    let Value::Str(s) = &args[1] else {
        let tn = vm.type_name(&args[1]);
        return Err(vm.type_error(format!("inet_pton() argument 2 must be str, not {}", tn)));
    };
    let packed = if v6 {
        s.as_str().parse::<Ipv6Addr>().map(|a| a.octets().to_vec())
    } else {
        s.as_str().parse::<Ipv4Addr>().map(|a| a.octets().to_vec())
    };
    match packed {
        Ok(b) => Ok(Value::bytes_vec(b)),
        Err(_) => Err(vm.err(
            ExcKind::OSError,
            "illegal IP address string passed to inet_pton",
        )),
    }
}

/// `inet_ntop(af, packed)`: the text form of a packed IPv4 (4 bytes) or IPv6 (16 bytes) address.
fn inet_ntop(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "inet_ntop", args, 2, 2)?;
    let v6 = family_is_v6(vm, &args[0])?;
    if let Value::Str(_) = &args[1] {
        return Err(vm.type_error("a bytes-like object is required, not 'str'"));
    }
    let data = data_arg(vm, &args[1])?;
    let text = if v6 {
        <[u8; 16]>::try_from(data.as_slice())
            .ok()
            .map(|b| Ipv6Addr::from(b).to_string())
    } else {
        <[u8; 4]>::try_from(data.as_slice())
            .ok()
            .map(|b| Ipv4Addr::from(b).to_string())
    };
    match text {
        Some(t) => Ok(Value::string(t)),
        None => Err(vm.value_error("invalid length of packed IP address string")),
    }
}

/// Build the `socket` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("socket");
    let object = vm.types.object.clone();
    let cls = types::new_type("socket", vec![object], Layout::Other, false);
    types::add_static_methods(&cls, &[("__new__", s_new)]);
    types::add_methods(
        &cls,
        &[
            ("close", s_close),
            ("fileno", s_fileno),
            ("bind", s_bind),
            ("listen", s_listen),
            ("getsockname", s_getsockname),
            ("accept", s_accept),
            ("connect", s_connect),
            ("send", s_send),
            ("sendall", s_sendall),
            ("sendto", s_sendto),
            ("recv", s_recv),
            ("recvfrom", s_recvfrom),
            ("read", s_read),
            ("readinto", s_readinto),
            ("readline", s_readline),
            ("write", s_write),
            ("setsockopt", s_setsockopt),
            ("getsockopt", s_getsockopt),
            ("setblocking", s_setblocking),
            ("settimeout", s_settimeout),
            ("ioctl", s_ioctl),
            ("__enter__", s_enter),
            ("__exit__", s_exit),
            ("__repr__", s_repr),
        ],
    );
    types::set_attr(&cls, "__module__", Value::str("socket"));
    module_set(&m, "socket", Value::Obj(cls));
    module_fns(
        &m,
        &[
            ("getaddrinfo", getaddrinfo),
            ("inet_pton", inet_pton),
            ("inet_ntop", inet_ntop),
        ],
    );
    for (name, v) in [
        ("AF_INET", libc::AF_INET),
        ("AF_INET6", libc::AF_INET6),
        ("SOCK_STREAM", libc::SOCK_STREAM),
        ("SOCK_DGRAM", libc::SOCK_DGRAM),
        ("SOCK_RAW", libc::SOCK_RAW),
        ("IPPROTO_IP", libc::IPPROTO_IP),
        ("IPPROTO_TCP", libc::IPPROTO_TCP),
        ("IPPROTO_UDP", libc::IPPROTO_UDP),
        ("SOL_SOCKET", libc::SOL_SOCKET),
        ("SO_REUSEADDR", libc::SO_REUSEADDR),
        ("SO_BROADCAST", libc::SO_BROADCAST),
        ("SO_KEEPALIVE", libc::SO_KEEPALIVE),
        ("SO_ERROR", libc::SO_ERROR),
        ("TCP_NODELAY", libc::TCP_NODELAY),
    ] {
        module_set(&m, name, Value::Int(v as i64));
    }
    Ok(m)
}
